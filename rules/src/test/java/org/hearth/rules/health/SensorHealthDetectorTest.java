package org.hearth.rules.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.Priority;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

class SensorHealthDetectorTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String HALL = "hall-motion";
    private static final String DOOR = "front-door";
    private final SensorHealthDetector detector =
            new SensorHealthDetector(List.of(HALL, DOOR), HealthPolicy.defaults(LONDON));

    private SensorHealthState state = SensorHealthState.initial();
    private final List<Alert> alerts = new ArrayList<>();

    private void event(String id, EventKind kind, Duration after, String detail) {
        HealthStep step = detector.onEvent(state, new SensorEvent(id, kind, T0.plus(after), detail));
        state = step.state();
        alerts.addAll(step.alerts());
    }

    private void event(String id, EventKind kind, Duration after) {
        event(id, kind, after, "");
    }

    private void tick(Duration after) {
        HealthStep step = detector.onTick(state, T0.plus(after));
        state = step.state();
        alerts.addAll(step.alerts());
    }

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void anOfflineSensorIsAlertedOnceAfterTheGraceAndAgainOnlyInANewEpisode() {
        event(HALL, EventKind.MOTION, min(0));
        event(HALL, EventKind.SENSOR_OFFLINE, min(10));
        tick(min(14));
        assertThat(alerts).isEmpty();
        tick(min(15));
        tick(min(16));
        tick(min(60));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.MONITORING_DEGRADED);
            assertThat(a.type().priority()).isEqualTo(Priority.ROUTINE);
            assertThat(a.sensorId()).isEqualTo("hall-motion/offline");
            assertThat(a.onset()).isEqualTo(T0.plus(min(10)));
            assertThat(a.raisedAt()).isEqualTo(T0.plus(min(15)));
            assertThat(a.evidence().rule()).isEqualTo("health.offline");
            assertThat(a.evidence().threshold()).isEqualTo(min(5));
            assertThat(a.evidence().events()).extracting(SensorEvent::kind).containsExactly(EventKind.SENSOR_OFFLINE);
            assertThat(a.evidence().explanation())
                    .isEqualTo("Sensor hall-motion offline since 09:10, longer than the 0h 05m allowed: it cannot see,"
                            + " so quiet there is not proof that all is well (Europe/London)");
        });
        assertThat(SensorHealthDetector.blinding(state)).extracting(Episode::problem)
                .containsExactly(HealthProblem.OFFLINE);

        event(HALL, EventKind.SENSOR_ONLINE, min(70));
        assertThat(state.episodes()).isEmpty();
        event(HALL, EventKind.SENSOR_OFFLINE, min(80));
        tick(min(90));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).key()).isNotEqualTo(alerts.get(0).key());
    }

    @Test
    void aShortOfflineBlipIsNoProblem() {
        event(HALL, EventKind.SENSOR_OFFLINE, min(0));
        tick(min(4));
        event(HALL, EventKind.MOTION, min(4));
        tick(min(30));
        assertThat(alerts).isEmpty();
    }

    @Test
    void theBridgeGoingDownIsOneAlertNotOnePerSensor() {
        event(HALL, EventKind.MOTION, min(0));
        event(DOOR, EventKind.CONTACT_CLOSED, min(0));
        event(SensorHealthDetector.BRIDGE_ID, EventKind.BRIDGE_OFFLINE, min(1));
        event(HALL, EventKind.SENSOR_OFFLINE, min(2));
        tick(min(6));
        tick(Duration.ofHours(30));
        assertThat(alerts).extracting(Alert::sensorId).containsExactly("zigbee2mqtt-bridge/bridge-down");
        assertThat(alerts.get(0).evidence().explanation()).contains("Zigbee bridge is down since 09:01");

        event(SensorHealthDetector.BRIDGE_ID, EventKind.BRIDGE_ONLINE, Duration.ofHours(31));
        assertThat(state.episodes()).isEmpty();
        // Silence is counted from the bridge's return, not from before the outage.
        tick(Duration.ofHours(31).plus(min(6)));
        assertThat(alerts).extracting(Alert::sensorId).containsExactly("zigbee2mqtt-bridge/bridge-down",
                "hall-motion/offline");
    }

    @Test
    void aSensorSilentBeyondItsLearntRhythmIsAlertedAndRecoversWhenHeardAgain() {
        // Hourly heartbeats for two days: the longest gap is 1 h, so 3 h of silence is too much.
        for (int h = 0; h <= 48; h++) {
            event(HALL, EventKind.HEARTBEAT, Duration.ofHours(h));
            event(DOOR, EventKind.HEARTBEAT, Duration.ofHours(h));
        }
        assertThat(state.watch(HALL).silenceLimit(detector.policy())).isEqualTo(Duration.ofHours(3));
        event(DOOR, EventKind.HEARTBEAT, Duration.ofHours(49));
        event(DOOR, EventKind.HEARTBEAT, Duration.ofHours(50));
        tick(Duration.ofHours(50).plus(min(59)));
        assertThat(alerts).isEmpty();
        event(DOOR, EventKind.HEARTBEAT, Duration.ofHours(51));
        tick(Duration.ofHours(51).plus(min(1)));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.sensorId()).isEqualTo("hall-motion/silent");
            assertThat(a.onset()).isEqualTo(T0.plus(Duration.ofHours(48)));
            assertThat(a.raisedAt()).isEqualTo(T0.plus(Duration.ofHours(51)));
            assertThat(a.evidence().threshold()).isEqualTo(Duration.ofHours(3));
        });
        event(HALL, EventKind.BATTERY, Duration.ofHours(53), "90");
        assertThat(state.episodes()).isEmpty();
        // The silent spell itself is not learnt as rhythm.
        assertThat(state.watch(HALL).longestGap()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void untilItsRhythmIsLearntASensorMayBeSilentFor25HoursAndOneNeverHeardFromIsSilentSinceStart() {
        event(HALL, EventKind.MOTION, min(0));
        tick(Duration.ofHours(24));
        assertThat(alerts).isEmpty();
        tick(Duration.ofHours(26));
        assertThat(alerts).extracting(Alert::sensorId).containsExactlyInAnyOrder("hall-motion/silent",
                "front-door/silent");
    }

    @Test
    void mainsDevicesHaveATenMinuteFloorAndBatteryDevicesAnHour() {
        event(HALL, EventKind.POWER_SOURCE, min(0), "mains");
        event(DOOR, EventKind.POWER_SOURCE, min(0), "battery");
        for (int m = 0; m <= 2 * 24 * 60; m += 1) {
            event(HALL, EventKind.HEARTBEAT, min(m));
            event(DOOR, EventKind.HEARTBEAT, min(m));
        }
        assertThat(state.watch(HALL).silenceLimit(detector.policy())).isEqualTo(min(10));
        assertThat(state.watch(DOOR).silenceLimit(detector.policy())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMotionSensorStuckOnOccupiedIsAlertedOnlyOnceAnotherSensorSeesTheResidentElsewhere() {
        event(HALL, EventKind.MOTION, min(0));
        event(HALL, EventKind.MOTION, min(30));
        tick(Duration.ofHours(5)); // someone may be sitting in the hall: no proof yet
        event(DOOR, EventKind.CONTACT_OPEN, min(90)); // within the 2 h limit: no proof either
        assertThat(alerts).isEmpty();
        event(DOOR, EventKind.CONTACT_OPEN, Duration.ofHours(5));
        event(DOOR, EventKind.CONTACT_CLOSED, Duration.ofHours(5).plus(min(1)));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.sensorId()).isEqualTo("hall-motion/stuck-occupied");
            assertThat(a.onset()).isEqualTo(T0);
            assertThat(a.raisedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
            assertThat(a.evidence().threshold()).isEqualTo(Duration.ofHours(2));
        });
        event(HALL, EventKind.NO_MOTION, Duration.ofHours(6));
        assertThat(state.episodes()).isEmpty();
        assertThat(state.watch(HALL).longestOccupied()).isZero(); // the stuck spell is not learnt as normal
    }

    @Test
    void aRadarSeeingSomeoneSitStillForHoursIsNotStuck() {
        String radar = "lounge-radar";
        var withRadar = new SensorHealthDetector(List.of(HALL, DOOR, radar), List.of(radar),
                HealthPolicy.defaults(LONDON));
        SensorHealthState s = SensorHealthState.initial();
        List<Alert> raised = new ArrayList<>();
        for (SensorEvent e : List.of(new SensorEvent(radar, EventKind.MOTION, T0, ""),
                new SensorEvent(DOOR, EventKind.CONTACT_OPEN, T0.plus(Duration.ofHours(5)), ""),
                new SensorEvent(HALL, EventKind.MOTION, T0.plus(Duration.ofHours(5)).plus(min(1)), ""))) {
            HealthStep step = withRadar.onEvent(s, e);
            s = step.state();
            raised.addAll(step.alerts());
        }
        raised.addAll(withRadar.onTick(s, T0.plus(Duration.ofHours(6))).alerts());

        assertThat(raised).isEmpty(); // the same spell from a PIR is stuck (the test above)
    }

    @Test
    void aLowBatteryIsAlertedBelow20AndClearedOnlyFrom30() {
        event(HALL, EventKind.BATTERY, min(0), "45");
        event(HALL, EventKind.BATTERY, min(1), "19");
        event(HALL, EventKind.BATTERY, min(2), "25");
        event(HALL, EventKind.BATTERY, min(3), "18");
        assertThat(alerts).extracting(Alert::sensorId).containsExactly("hall-motion/battery-low");
        assertThat(alerts.get(0).onset()).isEqualTo(T0.plus(min(1)));
        event(HALL, EventKind.BATTERY, min(4), "29");
        assertThat(state.episodes()).isNotEmpty();
        event(HALL, EventKind.BATTERY, min(5), "30");
        assertThat(state.episodes()).isEmpty();
        event(HALL, EventKind.BATTERY_LOW, min(6), "true");
        assertThat(alerts).hasSize(2);
        event(HALL, EventKind.BATTERY_LOW, min(7), "false");
        assertThat(state.episodes()).isEmpty();
        assertThat(SensorHealthDetector.blinding(state)).isEmpty();
    }

    @Test
    void tamperAndBatteryInOneMessageAreTwoAlertsWithTwoKeys() {
        event(DOOR, EventKind.TAMPER, min(1), "true");
        event(DOOR, EventKind.BATTERY, min(1), "5");
        event(DOOR, EventKind.TAMPER, min(2), "true");
        assertThat(alerts).extracting(Alert::sensorId).containsExactly("front-door/tampered", "front-door/battery-low");
        assertThat(alerts.get(0).key()).isNotEqualTo(alerts.get(1).key());
        event(DOOR, EventKind.TAMPER, min(3), "false");
        assertThat(state.episodes()).containsOnlyKeys("front-door/battery-low");
    }

    @Test
    void anUnconfiguredSensorIsIgnored() {
        event("stranger", EventKind.SENSOR_OFFLINE, min(0));
        tick(min(30));
        assertThat(state.sensors()).isEmpty();
        assertThat(alerts).isEmpty();
    }

    @Test
    void theClockSteppingBackNeitherEndsNorRepeatsAnEpisode() {
        event(HALL, EventKind.SENSOR_OFFLINE, min(0));
        tick(min(10));
        tick(min(2));
        tick(min(20));
        assertThat(alerts).hasSize(1);
    }

    @Test
    void nextDeadlineIsWhenTheGraceEnds() {
        event(HALL, EventKind.MOTION, min(0));
        event(DOOR, EventKind.MOTION, min(0));
        event(HALL, EventKind.SENSOR_OFFLINE, min(3));
        assertThat(detector.nextDeadline(state)).contains(T0.plus(min(8)));
    }

    @Test
    void anInactivityAlertWhileASensorIsBlindSaysItCannotSee() {
        Alert inactivity = new Alert(AlertType.PROLONGED_INACTIVITY, DOOR, T0, T0.plus(Duration.ofHours(3)),
                new Evidence(List.of(), "inactivity.routine", Duration.ofHours(3), Duration.ofHours(3),
                        "No activity for 3h 00m since 09:00"));
        assertThat(CantSee.annotate(inactivity, state, detector.policy())).isEqualTo(inactivity);

        event(HALL, EventKind.SENSOR_OFFLINE, min(0));
        tick(min(30));
        Alert noted = CantSee.annotate(inactivity, state, detector.policy());
        assertThat(noted.key()).isEqualTo(inactivity.key());
        assertThat(noted.evidence().explanation()).isEqualTo("No activity for 3h 00m since 09:00. Monitoring degraded,"
                + " so this quiet may be the sensors', not the resident's; can't see: hall-motion offline since 09:00");
        Alert help = new Alert(AlertType.HELP_BUTTON, DOOR, T0, T0, inactivity.evidence());
        assertThat(CantSee.annotate(help, state, detector.policy())).isEqualTo(help);
    }
}
