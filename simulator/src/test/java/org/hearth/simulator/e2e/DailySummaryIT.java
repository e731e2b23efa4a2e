package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hearth.gateway.app.Gateway;
import org.hearth.gateway.config.ConfigLoader;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.rules.summary.Measure;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.faults.FaultyCareRecordProxy;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.Zigbee2MqttSensors;
import org.hearth.simulator.time.VirtualClock;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated day in the demo home, then local midnight: the day's summary reaches the real HAPI care record as one
 * Observation per measure, exactly once (also across a restart at midnight), and behind an alert raised with it.
 */
class DailySummaryIT {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Duration POLL = Duration.ofMillis(500);
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        mosquitto = Peers.sharedMosquitto();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(GatewayRig.LONDON).toInstant();
    }

    /** The demo home, with its front door declared as the way out. */
    private static String yaml(String gatewayId, String careRecordUrl, Path dir) {
        return DemoHome.yaml(gatewayId, mosquitto.uri(), careRecordUrl, dir.resolve("hearth.db"))
                .replace("kind: contact, room: hall }", "kind: contact, room: hall, role: front-door }");
    }

    /** Summary Observations of {@code gatewayId} in the care record, by identifier. */
    private static Map<String, List<Observation>> summaries(String gatewayId) {
        return SharedSandbox.inspector().allObservations().stream()
                .filter(o -> identifier(o).startsWith(gatewayId + ":summary:"))
                .collect(Collectors.groupingBy(DailySummaryIT::identifier));
    }

    private static String identifier(Observation o) {
        return o.getIdentifier().stream().filter(i -> DemoHome.IDENTIFIER_SYSTEM.equals(i.getSystem()))
                .map(Identifier::getValue).findFirst().orElse("");
    }

    private static Optional<Observation> alertObservation(String gatewayId) {
        return SharedSandbox.inspector().allObservations().stream()
                .filter(o -> identifier(o).startsWith(gatewayId + ":help-button")).findFirst();
    }

    /** Publishes one reading at the rig's current time and waits until the gateway has journalled it. */
    private static void play(GatewayRig rig, Instant when, Reading reading) throws Exception {
        rig.advance(Duration.between(rig.clock.instant(), when), Duration.ofMinutes(5));
        long before = rig.gateway.journalledEvents();
        reading.publish(rig.sensors);
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.gateway.journalledEvents() > before);
    }

    /** Movement seen by a PIR, which reports clear again 90 s later, as a real one does (never clearing is "stuck"). */
    private static void move(GatewayRig rig, Instant when, String pir) throws Exception {
        play(rig, when, s -> s.motion(pir, true));
        play(rig, when.plusSeconds(90), s -> s.motion(pir, false));
    }

    @FunctionalInterface
    private interface Reading {
        void publish(Zigbee2MqttSensors s) throws Exception;
    }

    @Test
    void aDaysSummaryReachesTheCareRecordOnceAndBehindAnAlertRaisedWithIt(@TempDir Path dir) throws Exception {
        try (var proxy = FaultyCareRecordProxy.start(SharedSandbox.get().baseUrl());
                var rig = new GatewayRig(id -> yaml(id, proxy.baseUrl(), dir), dir, at(MONDAY, 6, 55))) {
            move(rig, at(MONDAY, 7, 0), DemoHome.BEDROOM);
            move(rig, at(MONDAY, 7, 5), DemoHome.BATHROOM);
            move(rig, at(MONDAY, 7, 30), DemoHome.KITCHEN);
            move(rig, at(MONDAY, 9, 0), DemoHome.LOUNGE);
            play(rig, at(MONDAY, 10, 0), s -> s.door(DemoHome.FRONT_DOOR, true));   // going out
            play(rig, at(MONDAY, 10, 1), s -> s.door(DemoHome.FRONT_DOOR, false));
            play(rig, at(MONDAY, 12, 0), s -> s.door(DemoHome.FRONT_DOOR, true));   // back
            play(rig, at(MONDAY, 12, 1), s -> s.door(DemoHome.FRONT_DOOR, false));
            move(rig, at(MONDAY, 12, 2), DemoHome.HALL);
            move(rig, at(MONDAY, 13, 0), DemoHome.KITCHEN);
            move(rig, at(MONDAY, 15, 0), DemoHome.LOUNGE);
            move(rig, at(MONDAY, 17, 0), DemoHome.KITCHEN);
            move(rig, at(MONDAY, 19, 0), DemoHome.LOUNGE);
            move(rig, at(MONDAY, 21, 30), DemoHome.BEDROOM);
            move(rig, at(MONDAY, 23, 0), DemoHome.BATHROOM);
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().pending() == 0);
            long delivered = rig.gateway.health().outbox().delivered();

            // The care record goes away just before midnight; a help call and the summary queue up together.
            proxy.down(true);
            play(rig, at(MONDAY, 23, 59), s -> s.press(DemoHome.PENDANT, "single"));
            rig.advance(Duration.ofMinutes(2), Duration.ofSeconds(30));
            // The help call and Monday's summary (and any installer notice the day's sensors earned) wait together.
            assertThat(rig.gateway.health().outbox().pending()).isGreaterThanOrEqualTo(2);
            assertThat(summaries(rig.gatewayId)).isEmpty();

            proxy.down(false);
            // Time goes on while the uplink recovers: past every not-before, the breaker's wait and the rate limit.
            await().atMost(Duration.ofSeconds(90)).pollInterval(POLL).until(() -> {
                rig.advance(Duration.ofSeconds(30), Duration.ofSeconds(30));
                return rig.gateway.health().outbox().pending() == 0
                        && rig.gateway.health().outbox().delivered() >= delivered + 2;
            });
            rig.advance(Duration.ofDays(1).minusMinutes(10), Duration.ofHours(1)); // into Wednesday: one more summary

            Map<String, List<Observation>> summaries = summaries(rig.gatewayId);
            assertThat(summaries.keySet()).filteredOn(k -> k.endsWith(":" + MONDAY))
                    .hasSize(Measure.values().length);
            assertThat(summaries).allSatisfy((id, found) -> assertThat(found).hasSize(1));
            Observation alert = alertObservation(rig.gatewayId).orElseThrow();
            assertThat(summaries.values()).allSatisfy(found -> assertThat(found.get(0).getMeta().getLastUpdated())
                    .isAfter(alert.getMeta().getLastUpdated()));

            assertThat(value(summaries, Measure.ACTIVITY)).isEqualTo(16.0);
            assertThat(value(summaries, Measure.TIME_OUT_OF_HOME)).isEqualTo(119.0);
            assertThat(value(summaries, Measure.ROOM_TRANSITIONS)).isEqualTo(10.0);
            assertThat(value(summaries, Measure.NIGHT_BATHROOM_VISITS)).isZero();
            Observation activity = summaries.get(rig.gatewayId + ":summary:activity:" + MONDAY).get(0);
            assertThat(activity.getEffectivePeriod().getStart().toInstant()).isEqualTo(at(MONDAY, 0, 0));
            assertThat(activity.getComponent()).hasSize(24);
            assertThat(activity.getSubject().getIdentifier().getValue()).isEqualTo(DemoHome.TEST_NHS_NUMBER);
        }
    }

    private static double value(Map<String, List<Observation>> summaries, Measure m) {
        String id = summaries.keySet().stream().filter(k -> k.contains(":summary:" + m.code() + ":" + MONDAY))
                .findFirst().orElseThrow();
        return summaries.get(id).get(0).getValueQuantity().getValue().doubleValue();
    }

    @Test
    void aGatewayDownAtMidnightSummarisesTheDayOnceWhenItComesBack(@TempDir Path dir) throws Exception {
        String gatewayId = "gw-sum-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        GatewayConfig config = new ConfigLoader(Map.of()).parse(yaml(gatewayId, SharedSandbox.get().baseUrl(), dir));
        var clock = VirtualClock.at(at(MONDAY, 9, 0), GatewayRig.LONDON);

        try (Gateway gateway = Gateway.start(config, clock, false)) {
            await().atMost(Duration.ofSeconds(20)).until(gateway::ready);
            try (var sensors = new Zigbee2MqttSensors(gateway.brokerUri(), gatewayId + "-bridge", "zigbee2mqtt")) {
                sensors.motion(DemoHome.KITCHEN, true);
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.journalledEvents() >= 1);
            }
            clock.advanceTo(at(MONDAY, 11, 0));
            gateway.tick();
        }
        clock.advanceTo(at(MONDAY.plusDays(1), 0, 20)); // down across midnight

        long delivered;
        try (Gateway gateway = Gateway.start(config, clock, false)) {
            gateway.tick(); // the morning's silence is long past too: an inactivity alert joins the summary
            await().atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                    .until(() -> gateway.health().outbox().pending() == 0);
            delivered = gateway.health().outbox().delivered();
        }
        clock.advance(Duration.ofMinutes(10));
        try (Gateway gateway = Gateway.start(config, clock, false)) {
            gateway.tick();
            assertThat(gateway.health().outbox().pending()).isZero();
            assertThat(gateway.health().outbox().delivered()).isEqualTo(delivered);
        }

        Map<String, List<Observation>> summaries = summaries(gatewayId);
        assertThat(summaries).hasSize(Measure.values().length)
                .allSatisfy((id, found) -> assertThat(found).hasSize(1))
                .allSatisfy((id, found) -> assertThat(id).endsWith(":" + MONDAY));
        assertThat(value(summaries, Measure.ACTIVITY)).isEqualTo(1.0);
    }
}
