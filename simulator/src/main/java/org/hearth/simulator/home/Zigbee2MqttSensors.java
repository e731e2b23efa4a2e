package org.hearth.simulator.home;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A home's Zigbee2MQTT bridge as seen on the broker: publishes the same JSON a real bridge does, at QoS 1, to
 * {@code zigbee2mqtt/<friendly_name>}. Each publish returns once the broker has acknowledged it.
 */
public final class Zigbee2MqttSensors implements AutoCloseable {
    private final MqttClient client;
    private final String prefix;

    public Zigbee2MqttSensors(String brokerUri, String clientId, String prefix) throws MqttException {
        this.client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        this.prefix = prefix;
        var options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
    }

    /** How long a Zigbee2MQTT motion sensor keeps saying occupied after the last movement (its default). */
    public static final java.time.Duration OCCUPANCY_TIMEOUT = java.time.Duration.ofSeconds(90);

    /** A motion sensor's report; a real one reports {@code false} {@link #OCCUPANCY_TIMEOUT} after the last movement. */
    public void motion(String name, boolean occupancy) throws MqttException {
        publish(name, "{\"occupancy\":" + occupancy + ",\"battery\":97,\"linkquality\":120}");
    }

    /** A contact sensor's report; note Zigbee2MQTT's contact true = closed. */
    public void door(String name, boolean open) throws MqttException {
        publish(name, "{\"contact\":" + !open + ",\"battery\":91}");
    }

    /** A button's action, e.g. {@code single}. */
    public void press(String name, String action) throws MqttException {
        publish(name, "{\"action\":\"" + action + "\",\"battery\":88}");
    }

    /**
     * A battery device's periodic report with nothing else to say (Aqara sensors send one about hourly, most others
     * at least daily): it proves the device alive.
     */
    public void report(String name) throws MqttException {
        publish(name, "{\"battery\":95,\"voltage\":3005,\"linkquality\":110}");
    }

    /**
     * The device's availability as Zigbee2MQTT publishes it ({@code {"state":"online"|"offline"}}). A real bridge
     * retains it; here it is not retained, because the tests share one broker and a retained "offline" would reach
     * the next test's gateway.
     */
    public void availability(String name, boolean online) throws MqttException {
        publish(name + "/availability", "{\"state\":\"" + (online ? "online" : "offline") + "\"}");
    }

    /** The bridge's own state: "offline" is what its last will says when the whole radio network goes away. */
    public void bridgeState(boolean online) throws MqttException {
        publish("bridge/state", "{\"state\":\"" + (online ? "online" : "offline") + "\"}");
    }

    /** Any payload to any sub-topic of the bridge, for bad-input tests. */
    public void raw(String topicSuffix, byte[] payload) throws MqttException {
        client.publish(prefix + "/" + topicSuffix, payload, 1, false);
    }

    private void publish(String name, String json) throws MqttException {
        raw(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
