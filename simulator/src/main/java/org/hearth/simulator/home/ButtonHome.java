package org.hearth.simulator.home;

import java.nio.file.Path;

/**
 * A home with many help buttons, for fault runs: pressing each button once causes exactly one alert, so what the
 * care record holds can be checked button by button.
 */
public final class ButtonHome {
    private ButtonHome() {}

    /** Zigbee2MQTT friendly name of button {@code i}. */
    public static String name(int i) {
        return "button_" + i;
    }

    /** Hearth sensor id of button {@code i}. */
    public static String sensorId(int i) {
        return "button-" + i;
    }

    /** The sensor id inside an alert identifier {@code <gateway>:<type>:<sensor>:<onset>}. */
    public static String sensorOf(String identifier) {
        String[] parts = identifier.split(":");
        return parts[parts.length - 2];
    }

    /** The YAML configuration of a home with {@code buttons} buttons. */
    public static String yaml(String gatewayId, int buttons, String broker, String careRecordUrl, Path store) {
        StringBuilder sensors = new StringBuilder();
        for (int i = 0; i < buttons; i++) {
            sensors.append("  - { id: ").append(sensorId(i)).append(", name: ").append(name(i)).append(", kind: button }\n");
        }
        return """
                gateway: { id: %s }
                home: { id: button-home, zone: Europe/London }
                resident: { nhs-number: "%s" }
                sensors:
                %smqtt: { broker: "%s", client-id: "hearth-%s", embedded-port: 0 }
                store: { path: "%s" }
                care-record:
                  base-url: "%s"
                  identifier-system: %s
                  team-ods-code: RX1CT
                  first-retry: 200ms
                  max-retry: 2s
                  request-timeout: 5s
                sharing: { summary-measures: [] }   # a load home of buttons: only its alerts leave the home
                """.formatted(gatewayId, DemoHome.TEST_NHS_NUMBER, sensors, broker, gatewayId, store.toAbsolutePath(),
                careRecordUrl, DemoHome.IDENTIFIER_SYSTEM);
    }
}
