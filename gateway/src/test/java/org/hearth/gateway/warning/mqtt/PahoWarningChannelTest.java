package org.hearth.gateway.warning.mqtt;

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
import org.hearth.gateway.ingest.mqtt.EmbeddedBroker;
import org.hearth.gateway.store.MonitorState;
import org.hearth.gateway.store.WarningChanges;
import org.hearth.gateway.store.sqlite.SqliteLocalWarnings;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.gateway.warning.WarningAnnouncer;
import org.hearth.gateway.warning.WarningNotice;
import org.hearth.rules.warning.PendingWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warning channel and its announcer against a real (embedded) broker, which is at first not there. */
class PahoWarningChannelTest {
    private static final String TOPIC = "hearth/home-1/warning";
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aWarningIsRetriedUntilTheBrokerTakesItAndArrivesAsJsonWithoutPersonalData() throws Exception {
        var clock = MutableClock.at("2026-11-23T12:00:00Z");
        int port = freePort();
        try (SqliteStore store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-1");
                var channel = new PahoWarningChannel("tcp://127.0.0.1:" + port, "gw-warning", Optional.empty(),
                        Optional.empty(), TOPIC, Duration.ofSeconds(2))) {
            var alert = TestAlerts.inactivity("kitchen-motion", T0.minus(Duration.ofHours(3)), Duration.ofHours(3));
            var warning = new PendingWarning(alert, T0, T0.plus(Duration.ofMinutes(5)));
            store.record(List.of(), MonitorState.initial(), List.of(),
                    new WarningChanges(List.of(warning), List.of(), List.of()));
            var warnings = new SqliteLocalWarnings(store);
            var announcer = new WarningAnnouncer(warnings, channel, clock);

            assertThat(announcer.announcePending()).isFalse(); // no broker yet
            assertThat(warnings.unpublished(T0)).singleElement().satisfies(w -> assertThat(w.attempts()).isEqualTo(1));

            try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", port, dir.resolve("broker"))) {
                List<String> received = new CopyOnWriteArrayList<>();
                MqttClient sounder = new MqttClient(broker.uri(), "sounder", new MemoryPersistence());
                sounder.connect();
                sounder.subscribe(TOPIC, 1, (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8)));

                clock.advance(Duration.ofSeconds(1));
                assertThat(announcer.announcePending()).isTrue();
                assertThat(announcer.announcePending()).isTrue(); // published once: nothing left to do

                await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
                JsonNode json = new ObjectMapper().readTree(received.get(0));
                assertThat(json.path("schema").asText()).isEqualTo("hearth.warning/1");
                assertThat(json.path("alertType").asText()).isEqualTo("prolonged-inactivity");
                assertThat(json.path("deadline").asText()).isEqualTo("2026-11-23T12:05:00Z");
                assertThat(json.path("window").asText()).isEqualTo("PT5M");
                assertThat(json.path("text").asText()).isEqualTo(WarningNotice.ARE_YOU_OK);
                assertThat(json.size()).isEqualTo(7);
                assertThat(received.get(0)).doesNotContain("kitchen").doesNotContain("gw-1");
                assertThat(warnings.unpublished(T0)).isEmpty();
                sounder.disconnect();
                sounder.close();
            }
        }
    }
}
