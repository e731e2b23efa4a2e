package org.hearth.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.gateway.ingest.mqtt.NoDelaySocketFactory;
import org.hearth.simulator.home.WearableSensor;

/**
 * Publishes a home's sensor stimuli to a broker as the real devices would: Zigbee2MQTT JSON or the Hearth topics for
 * worn sensors and radars. Like Zigbee2MQTT (whose {@code cache_state} is on by default) every Zigbee report carries
 * the device's whole current state ({@link Devices}): a door's check-in says {@code "contact":true} again, a PIR's
 * {@code "occupancy":false}, with battery and link quality; a button's action is sent only with the press. Each publish returns once
 * the broker has acknowledged it. World faults are not sensor reports and are not published here.
 *
 * <p>The socket has Nagle's algorithm off: one small QoS 1 message at a time otherwise waits on delayed ACKs, which
 * would bound virtual time to about 25 messages a second.
 */
public final class StimulusPublisher implements AutoCloseable {
    private final Scenario.HomeSpec home;
    private final MqttClient client;
    private final String homeId;
    private final Devices devices;
    private final Map<String, Long> seqs = new HashMap<>();

    public StimulusPublisher(String brokerUri, String clientId, Scenario.HomeSpec home, String homeId)
            throws MqttException {
        this(brokerUri, clientId, home, homeId, new Devices());
    }

    /** As the other constructor, with the devices' cached state kept in {@code devices} (shared across reconnects). */
    public StimulusPublisher(String brokerUri, String clientId, Scenario.HomeSpec home, String homeId, Devices devices)
            throws MqttException {
        this.home = home;
        this.devices = devices;
        this.homeId = homeId;
        this.client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        var options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options);
    }

    /**
     * Publishes {@code s}; returns the number of messages sent (0 for a world fault or a sensor the home lacks).
     *
     * @throws MqttException if the broker does not take it
     */
    public int publish(Stimulus s) throws MqttException {
        if (s.action() instanceof Stimulus.Bridge b) {
            raw("bridge/state", utf8("{\"state\":\"" + (b.online() ? "online" : "offline") + "\"}"));
            return 1;
        }
        var sensor = home.byId(s.action().sensorId());
        if (sensor.isEmpty()) {
            return 0;
        }
        String name = sensor.get().name();
        Stimulus.Action a = s.action();
        String state = devices.report(sensor.get(), a);
        if (state != null) {
            raw(name, utf8(state));
        } else if (a instanceof Stimulus.Availability av) {
            raw(name + "/availability", utf8("{\"state\":\"" + (av.online() ? "online" : "offline") + "\"}"));
        } else if (a instanceof Stimulus.Radar r) {
            hearth(name, "event", "\"t\":\"" + s.at() + "\",\"type\":\"" + r.type() + "\"");
        } else if (a instanceof Stimulus.Accel ac) {
            WearableSensor.Batch b = ac.batch();
            hearth(name, "accel", "\"t\":\"" + b.start() + "\",\"hz\":" + b.hz() + ",\"x\":" + array(b.x())
                    + ",\"y\":" + array(b.y()) + ",\"z\":" + array(b.z()));
        } else {
            return 0;
        }
        return 1;
    }

    /**
     * What Zigbee2MQTT has cached of each device (it publishes all of it with every report), as learnt from the
     * stimuli published: the contact, occupancy or plug state, the battery level and low flag. Kept apart from the
     * publisher so that it outlives a reconnection (the devices do not forget their state when the gateway restarts).
     * Not thread-safe: one home's stimuli are published in order.
     */
    public static final class Devices {
        static final String PLUG_ON = "\"state\":\"ON\",\"power\":1850.0";
        static final String PLUG_OFF = "\"state\":\"OFF\",\"power\":0.0";
        private final Map<String, String> state = new HashMap<>();
        private final Map<String, Integer> battery = new HashMap<>();
        private final Map<String, Boolean> batteryLow = new HashMap<>();

        /**
         * Takes in a Zigbee report of {@code sensor} and returns the message Zigbee2MQTT would publish for it: the
         * device's whole state after it, or null if {@code action} is not a Zigbee state report (a radar event, an
         * accelerometer batch, availability, a world fault).
         */
        public String report(Scenario.Sensor sensor, Stimulus.Action action) {
            String name = sensor.name();
            String extra = "";
            if (action instanceof Stimulus.Motion m) {
                state.put(name, "\"occupancy\":" + m.occupied());
            } else if (action instanceof Stimulus.Contact c) {
                state.put(name, "\"contact\":" + !c.open());
            } else if (action instanceof Stimulus.Press) {
                extra = "\"action\":\"single\"";
            } else if (action instanceof Stimulus.Plug p) {
                state.put(name, p.on() ? PLUG_ON : PLUG_OFF);
            } else if (action instanceof Stimulus.Mat m) {
                state.put(name, "\"occupancy\":" + m.occupied());
            } else if (action instanceof Stimulus.Battery b) {
                battery.put(name, b.percent());
                batteryLow.put(name, b.low());
            } else if (!(action instanceof Stimulus.CheckIn)) {
                return null;
            }
            return payload(name, sensor.kind(), extra);
        }

        /**
         * The whole state message of the device {@code name} of {@code kind}, with {@code extra} fields first (a
         * button's {@code action}; Zigbee2MQTT does not cache it).
         */
        private String payload(String name, String kind, String extra) {
            StringBuilder sb = new StringBuilder("{");
            if (!extra.isEmpty()) {
                sb.append(extra);
            }
            String current = state.getOrDefault(name, switch (kind) {
                case "motion", "mat" -> "\"occupancy\":false";
                case "contact" -> "\"contact\":true";
                case "plug" -> PLUG_OFF;
                default -> "";
            });
            if (!current.isEmpty()) {
                sb.append(sb.length() > 1 ? "," : "").append(current);
            }
            if (kind.equals("plug")) {
                return sb.append('}').toString(); // mains powered: no battery
            }
            sb.append(sb.length() > 1 ? "," : "").append("\"battery\":").append(battery.getOrDefault(name, 95));
            Boolean low = batteryLow.get(name);
            if (low != null) {
                sb.append(",\"battery_low\":").append(low);
            }
            sb.append(",\"linkquality\":").append(linkQuality(kind));
            if (kind.equals("contact")) {
                sb.append(",\"voltage\":3005");
            }
            return sb.append('}').toString();
        }

        private static int linkQuality(String kind) {
            return switch (kind) {
                case "motion" -> 120;
                case "contact" -> 87;
                default -> 80;
            };
        }
    }

    private void raw(String topicSuffix, byte[] payload) throws MqttException {
        client.publish("zigbee2mqtt/" + topicSuffix, payload, 1, false);
    }

    /** A Hearth topics v1 message with the sensor's next sequence number. */
    private void hearth(String name, String leaf, String fields) throws MqttException {
        long seq = seqs.merge(name, 1L, Long::sum);
        byte[] json = utf8("{\"v\":1,\"seq\":" + seq + "," + fields + "}");
        client.publish("hearth/" + homeId + "/" + name + "/" + leaf, json, 1, false);
    }

    private static String array(float[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return sb.append(']').toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
