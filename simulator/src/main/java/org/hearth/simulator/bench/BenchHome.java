package org.hearth.simulator.bench;

import java.nio.file.Path;
import org.hearth.simulator.home.DemoHome;

/**
 * The load home: an extra-care block's worth of motion sensors ({@code flats} × 4 rooms) plus help buttons for the
 * latency probe, on one gateway, as one home config (the gateway watches one home; the sensors stand for many).
 */
final class BenchHome {
    static final String[] ROOMS = {"hall", "kitchen", "bathroom", "bedroom"};

    private BenchHome() {}

    static String motionName(int flat, int room) {
        return "flat" + flat + "_" + ROOMS[room] + "_motion";
    }

    static String buttonName(int i) {
        return "bench_button_" + i;
    }

    static String buttonId(int i) {
        return "bench-button-" + i;
    }

    static String yaml(String gatewayId, int flats, int buttons, String broker, String careRecordUrl, Path store) {
        StringBuilder sensors = new StringBuilder();
        for (int f = 0; f < flats; f++) {
            for (int r = 0; r < ROOMS.length; r++) {
                sensors.append("  - { id: ").append(motionName(f, r).replace('_', '-')).append(", name: ")
                        .append(motionName(f, r)).append(", kind: motion, room: ").append(ROOMS[r]).append(" }\n");
            }
        }
        for (int i = 0; i < buttons; i++) {
            sensors.append("  - { id: ").append(buttonId(i)).append(", name: ").append(buttonName(i))
                    .append(", kind: button }\n");
        }
        return """
                gateway: { id: %s }
                home: { id: bench-home, zone: Europe/London }
                resident: { nhs-number: "${HEARTH_NHS_NUMBER}" }
                sensors:
                %smqtt: { broker: "%s", client-id: "hearth-%s" }
                store: { path: "%s" }
                care-record:
                  base-url: "%s"
                  identifier-system: %s
                  team-ods-code: RX1CT
                  first-retry: 200ms
                  max-retry: 2s
                  request-timeout: 5s
                """.formatted(gatewayId, sensors, broker, gatewayId, store.toAbsolutePath(), careRecordUrl,
                DemoHome.IDENTIFIER_SYSTEM);
    }
}
