package org.hearth.gateway.escalation.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.gateway.escalation.EscalationNotice;
import org.hearth.gateway.ingest.mqtt.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The escalation channel against a real (embedded) broker, and without one. */
class PahoEscalationChannelTest {

    private static final String TOPIC = "hearth/home-1/escalation";
    private static final EscalationNotice NOTICE = new EscalationNotice("home-1", "help-button-pressed", "stat",
            "gw-1:help-button-pressed:pendant:1", Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T09:10:00Z"),
            Duration.ofMinutes(10));

    @TempDir
    Path dir;

    @Test
    void aSubscriberReceivesTheNoticeAsJsonWithoutPersonalData() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir);
                var channel = new PahoEscalationChannel(broker.uri(), "gw-escalation", Optional.empty(), Optional.empty(), TOPIC,
                        Duration.ofSeconds(5))) {
            List<String> received = new CopyOnWriteArrayList<>();
            MqttClient subscriber = new MqttClient(broker.uri(), "sounder", new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe(TOPIC, 1, (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8)));

            assertThat(channel.publish(NOTICE)).isEmpty();

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            JsonNode json = new ObjectMapper().readTree(received.get(0));
            assertThat(json.path("schema").asText()).isEqualTo("hearth.escalation/1");
            assertThat(json.path("alertType").asText()).isEqualTo("help-button-pressed");
            assertThat(json.path("identifier").asText()).isEqualTo("gw-1:help-button-pressed:pendant:1");
            assertThat(json.path("raisedAt").asText()).isEqualTo("2026-11-23T09:00:00Z");
            assertThat(json.path("after").asText()).isEqualTo("PT10M");
            assertThat(json.size()).isEqualTo(8);
            subscriber.disconnect();
            subscriber.close();
        }
    }

    @Test
    void withoutABrokerPublishingFailsWithAReasonInsteadOfThrowing() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (var channel = new PahoEscalationChannel("tcp://127.0.0.1:" + port, "gw-escalation", Optional.empty(), Optional.empty(),
                TOPIC, Duration.ofSeconds(2))) {

            assertThat(channel.publish(NOTICE)).hasValueSatisfying(reason -> assertThat(reason).startsWith("mqtt reason "));
        }
    }
}
