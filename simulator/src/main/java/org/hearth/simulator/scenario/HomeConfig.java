package org.hearth.simulator.scenario;

import java.nio.file.Path;
import java.util.Locale;
import org.hearth.simulator.home.DemoHome;

/**
 * The gateway configuration of a simulated home, written from its scenario sensors (with their roles) and the
 * {@link InactivityBands}. Sensors of kinds the gateway does not know yet are left out: their reports are then
 * rejected as unknown sensors, counted, as a real gateway would. Escalations go to a topic the gateway does not
 * itself subscribe to, so that its ingest counters count only the simulator's messages.
 */
public final class HomeConfig {
    private HomeConfig() {}

    /**
     * @param gatewayId the gateway's id, unique per home and run (alert identifiers start with it)
     * @param homeId    the home's id (Hearth topics)
     * @param broker    {@code embedded} or a broker URI
     * @param careRecordUrl the care record's FHIR base URL
     * @param store     the SQLite file
     */
    public static String yaml(Scenario.HomeSpec home, Capabilities caps, String gatewayId, String homeId, String zone,
            String broker, String careRecordUrl, Path store) {
        StringBuilder sensors = new StringBuilder("sensors:\n");
        String okButton = null;
        for (Scenario.Sensor s : home.sensors()) {
            if (!caps.has("kind:" + s.kind())) {
                continue;
            }
            sensors.append("  - { id: ").append(s.id()).append(", name: ").append(s.name()).append(", kind: ")
                    .append(s.kind()).append(", room: ").append(s.room()).append(", role: ").append(s.role())
                    .append(" }\n");
            if (s.kind().equals("button") && !s.role().equals("help-button")) {
                okButton = s.id();
            }
        }
        // The sounder's topic lies outside the gateway's own subscription (hearth/<home>/#), as the escalation's
        // does: its own warnings coming back to it would be counted as processed input and race the player.
        String warning = okButton != null && caps.has("config:warning")
                ? "warning: { enabled: true, topic: \"sim/" + gatewayId + "/warning\", ok-buttons: [ " + okButton
                        + " ] }\n" : "";
        return """
                gateway: { id: %s }
                home: { id: %s, zone: %s }
                resident: { nhs-number: "%s" }
                %smqtt: { broker: "%s", embedded-port: 0, client-id: "hearth-%s" }
                store: { path: "%s" }
                %scare-record:
                  base-url: "%s"
                  identifier-system: %s
                  team-ods-code: RX1CT
                  first-retry: 200ms
                  max-retry: 2s
                  request-timeout: 10s
                escalation: { topic: "sim/%s/escalation" }
                %s""".formatted(gatewayId, homeId, zone, DemoHome.TEST_NHS_NUMBER, sensors, broker,
                gatewayId.toLowerCase(Locale.ROOT), store.toAbsolutePath(), InactivityBands.yaml(), careRecordUrl,
                DemoHome.IDENTIFIER_SYSTEM, gatewayId, warning);
    }
}
