package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.WearableSensor;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worn and radar falls, published on the Hearth topics to a real Mosquitto, reach the real gateway and appear exactly
 * once in the real HAPI JPA care record, coded SNOMED CT 1912002 "Fall"; redelivered batches add nothing, and a radar
 * fall the person gets up from raises nothing.
 */
class FallAlertIT {
    private static final Instant MORNING = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(GatewayRig.LONDON).toInstant();
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        mosquitto = Peers.sharedMosquitto();
    }

    @Test
    void aWornFallRaisesOneSnomedFallAlertAndItsRedeliveryNothingMore(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(mosquitto.uri(), SharedSandbox.get().baseUrl(), dir, MORNING);
                var wearable = new WearableSensor(mosquitto.uri(), rig.gatewayId + "-wearable", DemoHome.HOME_ID)) {
            List<WearableSensor.Batch> fall = WearableSensor.syntheticFall(rig.clock.instant(), 5, 15);
            long[] seqs = new long[fall.size()];
            for (int i = 0; i < fall.size(); i++) {
                WearableSensor.Batch b = fall.get(i);
                rig.clock.advanceTo(b.end()); // the batch is sent when its last sample is taken
                seqs[i] = wearable.accel(DemoHome.WEARABLE, b);
                long accepted = i + 1;
                await().atMost(Duration.ofSeconds(10)).until(() -> rig.gateway.counters().accepted() >= accepted);
                rig.gateway.tick();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            assertThat(rig.gateway.journalledEvents()).isZero(); // samples are never journalled
            String identifier = rig.tasks().keySet().iterator().next();
            assertThat(identifier).contains(":fall-detected:pendant-accel:");
            assertSnomedFall(rig, identifier);

            // at-least-once: every batch delivered again
            for (int i = 0; i < fall.size(); i++) {
                wearable.accel(DemoHome.WEARABLE, seqs[i], fall.get(i));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> rig.gateway.counters().rejected(RejectReason.DUPLICATE) == fall.size());
            rig.advance(Duration.ofSeconds(30), Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() >= 1);
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            assertThat(rig.tasks()).containsOnlyKeys(identifier).containsValue(1);
            assertThat(rig.observations()).containsOnlyKeys(identifier).containsValue(1);
        }
    }

    @Test
    void aRadarFallWithNoMovementForAMinuteRaisesOneSnomedFallAlert(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(mosquitto.uri(), SharedSandbox.get().baseUrl(), dir, MORNING);
                var radar = new WearableSensor(mosquitto.uri(), rig.gatewayId + "-radar", DemoHome.HOME_ID)) {
            radar.radar(DemoHome.RADAR, "fall", rig.clock.instant());
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.gateway.counters().accepted() >= 1);

            rig.advance(Duration.ofSeconds(55), Duration.ofSeconds(5));
            assertThat(rig.gateway.health().alertsRaised()).as("not before the minute is up").isZero();
            rig.advance(Duration.ofSeconds(10), Duration.ofSeconds(5));

            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            String identifier = rig.tasks().keySet().iterator().next();
            assertThat(identifier).contains(":fall-detected-radar:radar:");
            assertSnomedFall(rig, identifier);
        }
    }

    @Test
    void aRadarFallFollowedByMovementRaisesNothingButALaterStillFallDoes(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(mosquitto.uri(), SharedSandbox.get().baseUrl(), dir, MORNING);
                var radar = new WearableSensor(mosquitto.uri(), rig.gatewayId + "-radar", DemoHome.HOME_ID)) {
            radar.radar(DemoHome.RADAR, "fall", rig.clock.instant());
            rig.clock.advance(Duration.ofSeconds(5));
            radar.radar(DemoHome.RADAR, "motion", rig.clock.instant());
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.gateway.counters().accepted() >= 2);

            rig.advance(Duration.ofSeconds(120), Duration.ofSeconds(5));
            assertThat(rig.gateway.health().alertsRaised()).isZero();

            // the same path does raise a fall the person does not get up from
            radar.radar(DemoHome.RADAR, "fall", rig.clock.instant());
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.gateway.counters().accepted() >= 3);
            rig.advance(Duration.ofSeconds(65), Duration.ofSeconds(5));
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
        }
    }

    private static void assertSnomedFall(GatewayRig rig, String identifier) {
        Observation o = rig.careRecord.allObservations().stream()
                .filter(obs -> obs.getIdentifier().stream().anyMatch(id -> identifier.equals(id.getValue())))
                .findFirst().orElseThrow();
        Coding first = o.getCode().getCodingFirstRep();
        assertThat(first.getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(first.getCode()).isEqualTo("1912002");
        assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.PRELIMINARY);
        assertThat(o.getValueBooleanType().booleanValue()).isTrue();
        var task = rig.careRecord.taskByIdentifier(DemoHome.IDENTIFIER_SYSTEM, identifier).orElseThrow();
        assertThat(task.getPriority().toCode()).isEqualTo("stat");
    }
}
