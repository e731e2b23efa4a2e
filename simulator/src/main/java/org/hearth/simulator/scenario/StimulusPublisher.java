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
 * Publishes a home's sensor stimuli to a broker as the real devices would: Zigbee2MQTT JSON (with the device's
 * current battery level in every report) or the Hearth topics for worn sensors and radars. Each publish returns once
 * the broker has acknowledged it. World faults are not sensor reports and are not published here.
 *
 * <p>The socket has Nagle's algorithm off: one small QoS 1 message at a time otherwise waits on delayed ACKs, which
 * would bound virtual time to about 25 messages a second.
 */
public final class StimulusPublisher implements AutoCloseable {
    private final Scenario.HomeSpec home;
    private final MqttClient client;
    private final String homeId;
    private final Map<String, Integer> battery = new HashMap<>();
    private final Map<String, Long> seqs = new HashMap<>();

    public StimulusPublisher(String brokerUri, String clientId, Scenario.HomeSpec home, String homeId)
            throws MqttException {
        this.home = home;
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
        if (a instanceof Stimulus.Motion m) {
            state(name, "\"occupancy\":" + m.occupied() + ",\"linkquality\":120");
        } else if (a instanceof Stimulus.Contact c) {
            state(name, "\"contact\":" + !c.open());
        } else if (a instanceof Stimulus.Press) {
            state(name, "\"action\":\"single\"");
        } else if (a instanceof Stimulus.Plug p) {
            raw(name, utf8(p.on() ? "{\"state\":\"ON\",\"power\":1850.0}" : "{\"state\":\"OFF\",\"power\":0.0}"));
        } else if (a instanceof Stimulus.Mat m) {
            state(name, "\"occupancy\":" + m.occupied());
        } else if (a instanceof Stimulus.Battery b) {
            battery.put(name, b.percent());
            raw(name, utf8("{\"battery\":" + b.percent() + ",\"battery_low\":" + b.low()
                    + ",\"linkquality\":80}"));
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

    private void state(String name, String fields) throws MqttException {
        int level = battery.getOrDefault(name, 95);
        raw(name, utf8("{" + fields + ",\"battery\":" + level + "}"));
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
