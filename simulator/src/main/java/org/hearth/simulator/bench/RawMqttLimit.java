package org.hearth.simulator.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The physical limit of the broker path: a Paho publisher → the broker → a Paho subscriber, QoS 1 both ways, the
 * same payload size as a Zigbee2MQTT motion reading, and no processing at all in the subscriber.
 */
final class RawMqttLimit {
    static final byte[] PAYLOAD = "{\"occupancy\":true}".getBytes(StandardCharsets.UTF_8);

    private RawMqttLimit() {}

    /**
     * @param broker   {@code tcp://host:port}
     * @param messages how many to send
     * @return messages per second, first publish to last arrival
     */
    static double messagesPerSecond(String broker, int messages, Duration within) throws MqttException, InterruptedException {
        String suffix = Long.toHexString(System.nanoTime());
        String topic = "bench/raw/" + suffix;
        CountDownLatch arrived = new CountDownLatch(messages);
        MqttAsyncClient subscriber = new MqttAsyncClient(broker, "raw-sub-" + suffix, new MemoryPersistence());
        MqttAsyncClient publisher = new MqttAsyncClient(broker, "raw-pub-" + suffix, new MemoryPersistence());
        try {
            subscriber.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {}

                @Override
                public void messageArrived(String t, MqttMessage m) {
                    arrived.countDown();
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {}
            });
            subscriber.connect(options()).waitForCompletion(10_000);
            subscriber.subscribe(topic, 1).waitForCompletion(10_000);
            publisher.connect(options()).waitForCompletion(10_000);
            long start = System.nanoTime();
            Publishing.blast(publisher, messages, i -> topic, i -> PAYLOAD);
            if (!arrived.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException((messages - arrived.getCount()) + " of " + messages + " arrived in time");
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            Publishing.quietClose(publisher);
            Publishing.quietClose(subscriber);
        }
    }

    static MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setConnectionTimeout(5);
        return o;
    }
}
