package org.hearth.simulator.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hearth.gateway.config.ConfigException;
import org.hearth.gateway.config.ConfigLoader;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.ingest.HearthReadingDecoder;
import org.hearth.gateway.ingest.HearthTopicDecoder;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.hearth.simulator.home.DemoHome;

/**
 * The fuzz targets: the Zigbee2MQTT decoder, the Hearth topic decoder, the CoAP payload decoder (the transport-neutral
 * {@link HearthReadingDecoder}) and the config loader, each with a seed corpus of real shapes (Zigbee2MQTT's documented
 * payloads, the Hearth schema v1 examples of the README, the demo home's configuration).
 */
final class FuzzTargets {
    /** The receive time the seeds' timestamps are fresh against. */
    static final Instant RECEIVED = Instant.parse("2026-03-28T10:02:00Z");
    static final String HOME = "home-1";
    static final List<GatewayConfig.Sensor> SENSORS = List.of(
            new GatewayConfig.Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new GatewayConfig.Sensor("front-door", "front_door", SensorKind.CONTACT, "hall"),
            new GatewayConfig.Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn"),
            new GatewayConfig.Sensor("pendant-accel", "pendant_accel", SensorKind.WEARABLE, "worn"),
            new GatewayConfig.Sensor("radar", "lounge_radar", SensorKind.RADAR, "lounge"));

    private FuzzTargets() {
    }

    /** Every target, in the order the fuzzer cycles through them. */
    static List<FuzzTarget> all() {
        return List.of(zigbee2mqtt(), hearthTopic(), coapPayload(), config());
    }

    static FuzzTarget zigbee2mqtt() {
        Zigbee2MqttDecoder decoder = new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS);
        List<String> topics = List.of("zigbee2mqtt/hall_motion", "zigbee2mqtt/front_door", "zigbee2mqtt/help_pendant",
                "zigbee2mqtt/hall_motion/availability", "zigbee2mqtt/front_door/availability", "zigbee2mqtt/bridge/state",
                "zigbee2mqtt/bridge/devices", "zigbee2mqtt/bridge/logging", "zigbee2mqtt/garage_motion",
                "zigbee2mqtt/hall_motion/set", "zigbee2mqtt", "zigbee2mqtt/", "other/hall_motion");
        List<byte[]> corpus = utf8(
                "{\"battery\":100,\"illuminance\":381,\"linkquality\":141,\"occupancy\":true,\"voltage\":3025,"
                        + "\"tamper\":false,\"battery_low\":false}",
                "{\"occupancy\":false,\"linkquality\":120}",
                "{\"contact\":true,\"battery\":91,\"voltage\":2985,\"linkquality\":102,\"tamper\":false}",
                "{\"contact\":false}",
                "{\"action\":\"single\",\"battery\":100,\"linkquality\":72}",
                "{\"action\":\"\",\"battery\":100}",
                "{\"state\":\"online\"}", "online", "offline",
                "[{\"ieee_address\":\"0x00158d0001a2b3c4\",\"friendly_name\":\"hall_motion\",\"power_source\":\"Battery\","
                        + "\"type\":\"EndDevice\",\"supported\":true},{\"ieee_address\":\"0x0017880104e45517\","
                        + "\"friendly_name\":\"kettle_plug\",\"power_source\":\"Mains (single phase)\",\"type\":\"Router\"}]",
                "{\"power\":1250.5,\"state\":\"ON\",\"energy\":3.2,\"voltage\":239,\"current\":5.2}",
                "{\"presence\":true,\"fall\":\"fall\",\"motion_state\":\"large\",\"linkquality\":90}",
                "{\"level\":\"info\",\"message\":\"MQTT publish\"}");
        return target("zigbee2mqtt", 3, corpus, (input, random) ->
                Outcomes.requireClean(decoder.decode(topic(topics, random), input, RECEIVED)));
    }

    static FuzzTarget hearthTopic() {
        HearthTopicDecoder decoder = new HearthTopicDecoder(HOME, SENSORS);
        List<String> topics = List.of("hearth/home-1/pendant_accel/accel", "hearth/home-1/lounge_radar/event",
                "hearth/home-1/lounge_radar/accel", "hearth/home-1/escalation", "hearth/home-1/nobody/event",
                "hearth/home-2/lounge_radar/event", "hearth/", "hearth/home-1/lounge_radar/event/extra");
        return target("hearth-topic", 3, readingCorpus(), (input, random) ->
                Outcomes.requireClean(decoder.decode(topic(topics, random), input, RECEIVED)));
    }

    static FuzzTarget coapPayload() {
        HearthReadingDecoder decoder = new HearthReadingDecoder(SENSORS);
        List<String> ids = List.of("pendant-accel", "radar", "hall-motion", "nobody", "");
        return target("coap", 3, readingCorpus(), (input, random) ->
                Outcomes.requireClean(decoder.decode(ids.get(random.nextInt(ids.size())), input, RECEIVED)));
    }

    static FuzzTarget config() {
        ConfigLoader loader = new ConfigLoader(Map.of("HEARTH_NHS_NUMBER", DemoHome.TEST_NHS_NUMBER, "PSK", "secret-psk"));
        String demo = DemoHome.yaml("gw-1", "embedded", "http://127.0.0.1:8080/fhir", Path.of("hearth.db"));
        String coap = demo + """
                coap:
                  enabled: true
                  plain: false
                  dtls-port: 5684
                  queue: 64
                  psk:
                    - { sensor: radar, identity: radar, key: "${PSK}" }
                  observe:
                    - { sensor: pendant-accel, uri: "coap://192.168.1.20:5683/state" }
                escalation: { after: 10m, topic: hearth/demo-home/escalation }
                engine: { tick-interval: 1s }
                """;
        List<byte[]> corpus = utf8(demo, coap, "gateway: { id: ${GW:-gw-1} }\nsensors: []\n");
        return target("config", 1, corpus, (input, random) -> {
            try {
                if (loader.parse(new String(input, StandardCharsets.UTF_8)) == null) {
                    throw new Crash("null config");
                }
            } catch (ConfigException e) {
                if (e.problems().isEmpty()) {
                    throw new Crash("config refused without a problem");
                }
            }
        });
    }

    /** The Hearth schema v1 bodies (README examples), fresh against {@link #RECEIVED}. */
    private static List<byte[]> readingCorpus() {
        return utf8(
                "{\"v\":1,\"seq\":42,\"t\":\"2026-03-28T10:01:58Z\",\"hz\":50,\"x\":[0.01,0.02,-0.01],"
                        + "\"y\":[-0.98,-0.99,-1.01],\"z\":[0.05,0.04,0.06]}",
                "{\"v\":1,\"seq\":7,\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":\"fall\"}",
                "{\"v\":1,\"seq\":8,\"t\":\"2026-03-28T10:01:59Z\",\"type\":\"presence\"}",
                "{\"v\":1,\"seq\":9,\"t\":\"2026-03-28T10:00:00Z\",\"type\":\"no_presence\"}",
                "{\"v\":1,\"seq\":10,\"t\":\"2026-03-28T09:59:00Z\",\"type\":\"motion\"}");
    }

    private static String topic(List<String> topics, SplittableRandom random) {
        String t = topics.get(random.nextInt(topics.size()));
        if (random.nextInt(10) == 0) { // a mangled topic now and then
            int at = random.nextInt(t.length() + 1);
            return t.substring(0, at) + (char) random.nextInt(0x80) + t.substring(at);
        }
        return t;
    }

    private static List<byte[]> utf8(String... seeds) {
        return Stream.of(seeds).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    interface Body {
        void run(byte[] input, SplittableRandom random) throws Exception;
    }

    private static FuzzTarget target(String name, int weight, List<byte[]> corpus, Body body) {
        return new FuzzTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int weight() {
                return weight;
            }

            @Override
            public List<byte[]> corpus() {
                return corpus;
            }

            @Override
            public void run(byte[] input, SplittableRandom random) throws Exception {
                body.run(input, random);
            }
        };
    }
}
