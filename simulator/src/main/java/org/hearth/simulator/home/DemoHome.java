package org.hearth.simulator.home;

import java.nio.file.Path;
import java.util.Map;
import org.hearth.gateway.config.ConfigException;
import org.hearth.gateway.config.ConfigLoader;
import org.hearth.gateway.config.GatewayConfig;

/**
 * The simulated home used by the demo and the end-to-end tests: a one-bedroom flat with motion sensors in each room,
 * a front-door contact and a help pendant. Its configuration goes through the same loader as a real one.
 */
public final class DemoHome {
    /** A syntactically valid NHS number from the range reserved for testing (999 prefix). */
    public static final String TEST_NHS_NUMBER = "9990000018";
    /** The identifier system alerts are minted under. */
    public static final String IDENTIFIER_SYSTEM = "https://fhir.hearth.example/Id/alert";
    /** Zigbee2MQTT friendly names. */
    public static final String BEDROOM = "bedroom_motion";
    public static final String BATHROOM = "bathroom_motion";
    public static final String KITCHEN = "kitchen_motion";
    public static final String LOUNGE = "lounge_motion";
    public static final String HALL = "hall_motion";
    public static final String FRONT_DOOR = "front_door";
    public static final String PENDANT = "help_pendant";
    /** The home's id, the second level of its Hearth topics. */
    public static final String HOME_ID = "demo-home";
    /** Hearth topic sensor names: a worn accelerometer and a fall radar (the demo publishes no falls). */
    public static final String WEARABLE = "pendant_accel";
    public static final String RADAR = "lounge_radar";

    private DemoHome() {}

    /**
     * The gateway configuration of the demo home.
     *
     * @param gatewayId the gateway's id (distinct per test, so identifiers don't collide in a shared care record)
     * @param broker {@code embedded} or a broker URI
     * @param careRecordUrl the care record's FHIR base URL
     * @param store the SQLite file
     */
    public static GatewayConfig config(String gatewayId, String broker, String careRecordUrl, Path store) {
        try {
            return new ConfigLoader(Map.of()).parse(yaml(gatewayId, broker, careRecordUrl, store));
        } catch (ConfigException e) {
            throw new IllegalStateException("demo home configuration is invalid: " + e.problems(), e);
        }
    }

    /** The YAML text of {@link #config}, e.g. to write a file for the gateway's command line. */
    public static String yaml(String gatewayId, String broker, String careRecordUrl, Path store) {
        return """
                gateway: { id: %s }
                home: { id: %s, zone: Europe/London }
                resident: { nhs-number: "%s" }
                sensors:
                  - { id: bedroom-motion,  name: %s, kind: motion,  room: bedroom }
                  - { id: bathroom-motion, name: %s, kind: motion,  room: bathroom }
                  - { id: kitchen-motion,  name: %s, kind: motion,  room: kitchen }
                  - { id: lounge-motion,   name: %s, kind: motion,  room: lounge }
                  - { id: hall-motion,     name: %s, kind: motion,  room: hall }
                  - { id: front-door,      name: %s, kind: contact, room: hall }
                  - { id: pendant,         name: %s, kind: button,  room: worn }
                  - { id: pendant-accel,   name: %s, kind: wearable, room: worn }
                  - { id: radar,           name: %s, kind: radar,   room: lounge }
                mqtt: { broker: "%s", embedded-port: 0, client-id: "hearth-%s" }
                store: { path: "%s" }
                inactivity:
                  bands:
                    - { start: "07:00", allowance: 3h }
                    - { start: "12:00", allowance: 3h }
                    - { start: "18:00", allowance: 4h }
                    - { start: "22:00", allowance: 10h }
                care-record:
                  base-url: "%s"
                  identifier-system: %s
                  team-ods-code: RX1CT
                  first-retry: 1s
                  max-retry: 30s
                  request-timeout: 20s
                """.formatted(gatewayId, HOME_ID, TEST_NHS_NUMBER, BEDROOM, BATHROOM, KITCHEN, LOUNGE, HALL, FRONT_DOOR,
                PENDANT, WEARABLE, RADAR,
                broker, gatewayId, store.toAbsolutePath(), careRecordUrl, IDENTIFIER_SYSTEM);
    }
}
