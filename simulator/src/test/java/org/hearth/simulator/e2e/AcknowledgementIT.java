package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.gateway.app.GatewayCli;
import org.hearth.gateway.store.AlertState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.home.DemoHome;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The community team's answers reach the gateway, and a help call nobody takes on is escalated once: against the
 * real HAPI JPA care record and the gateway's real broker, on virtual time. The test plays the team by setting Task
 * statuses in the care record, and the local sounder by subscribing to the escalation topic.
 */
class AcknowledgementIT {
    private static final Instant MORNING = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(GatewayRig.LONDON).toInstant();
    private static final String ESCALATION_TOPIC = "hearth/demo-home/escalation";
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startCareRecord() {
        SharedSandbox.get();
    }

    @Test
    void theTeamsAnswersMoveAlertsAlongAndAHelpCallNobodyTakesOnIsEscalatedOnce(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig("embedded", SharedSandbox.get().baseUrl(), dir, MORNING);
                var sounder = new Sounder(rig.gateway.brokerUri(), ESCALATION_TOPIC)) {

            // A help call, delivered, then accepted and completed by the team.
            String first = pressAndAwaitDelivery(rig, 1);
            setTaskStatus(rig, first, Task.TaskStatus.ACCEPTED);
            awaitState(rig, AlertState.ACCEPTED, 1);
            setTaskStatus(rig, first, Task.TaskStatus.COMPLETED);
            awaitState(rig, AlertState.COMPLETED, 1);
            assertThat(rig.gateway.health().alerts().get(AlertState.ACCEPTED)).isZero();

            // A second help call nobody takes on: nothing before the deadline...
            rig.clock.advance(RulesEngine.HELP_CALL_WINDOW); // a later press, not part of the first call
            String second = pressAndAwaitDelivery(rig, 2);
            Instant raised = rig.clock.instant();
            rig.advance(Duration.ofMinutes(9).plusSeconds(59), Duration.ofMinutes(1));
            awaitUplinkPasses(rig, 2);
            assertThat(rig.gateway.health().escalations().total()).isZero();
            assertThat(sounder.messages).isEmpty();

            // ...then, past raisedAt + 10 min, exactly one escalation on each channel.
            rig.clock.advanceTo(raised.plus(Duration.ofMinutes(10)));
            rig.gateway.tick();
            assertThat(rig.gateway.health().escalations().total()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> sounder.messages.size() == 1);
            JsonNode notice = JSON.readTree(sounder.messages.get(0));
            assertThat(notice.path("schema").asText()).isEqualTo("hearth.escalation/1");
            assertThat(notice.path("alertType").asText()).isEqualTo("help-button-pressed");
            assertThat(notice.path("identifier").asText()).isEqualTo(second);
            assertThat(Instant.parse(notice.path("raisedAt").asText())).isEqualTo(raised);
            assertThat(notice.path("home").asText()).isEqualTo("demo-home");
            assertThat(sounder.messages.get(0)).doesNotContain(DemoHome.TEST_NHS_NUMBER);

            await().atMost(Duration.ofSeconds(30)).until(() -> task(rig, second).hasBusinessStatus());
            Task escalated = task(rig, second);
            assertThat(escalated.getBusinessStatus().getText()).isEqualTo("escalated: not accepted within 10 min");
            assertThat(escalated.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
            assertThat(escalated.getPriority().toCode()).isEqualTo("stat");
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().escalations().awaitingCareRecord() == 0);
            String versionAfterEscalation = escalated.getMeta().getVersionId();

            // Further ticks (and polls) do not escalate again.
            long passes = rig.gateway.uplinkPasses();
            rig.advance(Duration.ofMinutes(5), Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.uplinkPasses() >= passes + 3);
            assertThat(sounder.messages).hasSize(1);
            assertThat(rig.gateway.health().escalations().total()).isEqualTo(1);
            assertThat(task(rig, second).getMeta().getVersionId()).isEqualTo(versionAfterEscalation);
            assertThat(rig.tasks()).hasSize(2).containsValues(1, 1);

            // The health command, reading the live store read-only, sees the same.
            rig.gateway.writeHealthSnapshot();
            var out = new StringWriter();
            var err = new StringWriter();
            CommandLine cli = GatewayCli.commandLine(rig.clock);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute("health", "--config", rig.configFile.toString(), "--json");

            JsonNode health = JSON.readTree(out.toString());
            assertThat(err.toString()).isEmpty();
            assertThat(health.path("status").asText()).as(out.toString()).isEqualTo("healthy");
            assertThat(exit).isZero();
            assertThat(health.path("gateway").asText()).isEqualTo(rig.gatewayId);
            assertThat(health.path("alerts").path("total").asLong()).isEqualTo(2);
            assertThat(health.path("alerts").path("completed").asLong()).isEqualTo(1);
            assertThat(health.path("alerts").path("sent").asLong()).isEqualTo(1);
            assertThat(health.path("alerts").path("accepted").asLong()).isZero();
            assertThat(health.path("escalations").path("total").asLong()).isEqualTo(1);
            assertThat(health.path("escalations").path("awaitingNotification").asLong()).isZero();
            assertThat(health.path("outbox").path("depth").asLong()).isZero();
            assertThat(health.path("outbox").path("delivered").asLong()).isEqualTo(2);
            assertThat(health.path("uplink").path("breaker").asText()).isEqualTo("CLOSED");
            assertThat(out.toString()).doesNotContain(DemoHome.TEST_NHS_NUMBER);

            // Once the team accepts the escalated call, the alert is accepted like any other.
            setTaskStatus(rig, second, Task.TaskStatus.INPROGRESS);
            awaitState(rig, AlertState.ACCEPTED, 1);
        }
    }

    /** Presses the pendant and waits until the care record holds the {@code n}th Task and the alert is sent. */
    private static String pressAndAwaitDelivery(GatewayRig rig, int n) throws Exception {
        List<String> before = List.copyOf(rig.tasks().keySet());
        rig.sensors.press(DemoHome.PENDANT, "single");
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == n);
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() == n);
        return rig.tasks().keySet().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
    }

    private static Task task(GatewayRig rig, String identifier) {
        return rig.careRecord.taskByIdentifier(DemoHome.IDENTIFIER_SYSTEM, identifier).orElseThrow();
    }

    private static void setTaskStatus(GatewayRig rig, String identifier, Task.TaskStatus status) {
        rig.careRecord.setTaskStatus(task(rig, identifier).getIdElement().getIdPart(), status);
    }

    /** Lets a poll interval pass on the virtual clock, ticks, and waits until {@code n} alerts are in {@code state}. */
    private static void awaitState(GatewayRig rig, AlertState state, long n) {
        rig.clock.advance(POLL_INTERVAL.plusSeconds(1));
        rig.gateway.tick();
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().alerts().get(state) == n);
    }

    private static void awaitUplinkPasses(GatewayRig rig, int more) {
        long passes = rig.gateway.uplinkPasses();
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.uplinkPasses() >= passes + more);
    }

    /** The local sounder: a real MQTT subscriber on the escalation topic. */
    private static final class Sounder implements AutoCloseable {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final MqttClient client;

        Sounder(String broker, String topic) throws Exception {
            client = new MqttClient(broker, "sounder-" + System.nanoTime(), new MemoryPersistence());
            var options = new MqttConnectOptions();
            options.setMaxInflight(1000); // Paho 1.2.5 can report 32202 (too many in flight) under its default 10
            options.setCleanSession(true);
            client.connect(options);
            client.subscribe(topic, 1, (t, m) -> messages.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }
}
