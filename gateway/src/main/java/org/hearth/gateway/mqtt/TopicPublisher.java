package org.hearth.gateway.mqtt;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes the gateway's own messages (local warnings, escalations) to one MQTT topic at QoS 1, not retained (a
 * retained alarm would sound again for every sounder or subscriber that connects after it is over). Its own client,
 * connected on first use and again after a loss, so a broker outage costs one bounded wait per attempt and never
 * blocks ingest. Thread-safe.
 */
public final class TopicPublisher implements AutoCloseable {

    private final MqttClient client;
    private final MqttConnectOptions options;
    private final String topic;

    /**
     * @param what    what it publishes, for the message of a failure to create the client (e.g. {@code "warning"})
     * @param timeout how long a connect or a publish may wait for the broker
     * @throws IllegalStateException if the client cannot be created (a malformed URI; config validation prevents it)
     */
    public TopicPublisher(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            String topic, Duration timeout, String what) {
        try {
            this.client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException(what + " mqtt client could not be created (reason " + e.getReasonCode() + ")",
                    e);
        }
        client.setTimeToWait(timeout.toMillis());
        this.options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        options.setKeepAliveInterval(60);
        username.ifPresent(options::setUserName);
        password.ifPresent(p -> options.setPassword(p.toCharArray()));
        this.topic = topic;
    }

    /**
     * Publishes one payload and waits for the broker's PUBACK (or the time-to-wait).
     *
     * @param payload the message body
     * @return empty once the broker has it, else why not (never personal data)
     */
    public synchronized Optional<String> publish(byte[] payload) {
        try {
            if (!client.isConnected()) {
                client.connect(options);
            }
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            message.setRetained(false);
            client.publish(topic, message);
            return Optional.empty();
        } catch (MqttException e) {
            return Optional.of("mqtt reason " + e.getReasonCode());
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing: nothing left to do with it
        }
    }
}
