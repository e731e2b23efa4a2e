package org.hearth.simulator.bench;

import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/** Publishes QoS 1 as fast as the broker acknowledges, keeping a window of messages in flight. */
final class Publishing {
    static final int WINDOW = 500;

    private Publishing() {}

    /** Publishes {@code count} messages, waiting for every PUBACK before returning. */
    static void blast(MqttAsyncClient client, int count, IntFunction<String> topic, IntFunction<byte[]> payload)
            throws MqttException, InterruptedException {
        Semaphore window = new Semaphore(WINDOW);
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                window.release();
            }
        };
        for (int i = 0; i < count; i++) {
            window.acquire();
            MqttMessage m = new MqttMessage(payload.apply(i));
            m.setQos(1);
            client.publish(topic.apply(i), m, null, release);
        }
        window.acquire(WINDOW);
    }

    static void quietClose(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            // closing a benchmark client: nothing to save
        }
    }
}
