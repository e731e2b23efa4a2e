package org.hearth.gateway.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest's own reconnect loop against a real (embedded) broker that goes away and comes back on the same port
 * with no memory of the session: the ingest must find it again and subscribe anew.
 */
class PahoIngestReconnectTest {

    @TempDir
    Path dir;

    @Test
    void reconnectsAndResubscribesAfterTheBrokerComesBack() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        EmbeddedBroker first = EmbeddedBroker.start("127.0.0.1", 0, dir.resolve("a"));
        int port = URI.create(first.uri()).getPort();
        try (var ingest = new PahoIngest(first.uri(), "gw-reconnect", Optional.empty(), Optional.empty(), "test/#",
                (topic, payload) -> received.add(new String(payload, StandardCharsets.UTF_8)))) {
            ingest.start();
            await().atMost(Duration.ofSeconds(10)).until(ingest::connected);
            publish(first.uri(), "before");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("before"));

            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !ingest.connected());
            try (EmbeddedBroker second = EmbeddedBroker.start("127.0.0.1", port, dir.resolve("b"))) {
                await().atMost(Duration.ofSeconds(15)).until(ingest::connected);
                assertThat(ingest.connections()).isEqualTo(2);
                publish(second.uri(), "after");
                await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("after"));
            }
        }
    }

    private static void publish(String uri, String text) throws Exception {
        var client = new MqttClient(uri, "publisher-" + text, new MemoryPersistence());
        client.connect();
        client.publish("test/x", text.getBytes(StandardCharsets.UTF_8), 1, false);
        client.disconnect();
        client.close();
    }
}
