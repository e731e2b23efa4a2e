package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

/** Ordinary June days (BST, local = UTC + 1h) with the default policy: 09:00 3h, 12:00 3h, 18:00 4h, 22:00 10h. */
class RulesEngineTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final RulesEngine engine = new RulesEngine(InactivityPolicy.ukDefault(LONDON));
    private EngineState state = EngineState.initial();
    private final List<Alert> alerts = new ArrayList<>();

    @Test
    void helpButtonRaisesAStatAlertAtOnceWithThePressAsEvidence() {
        SensorEvent press = new SensorEvent("hall-button", EventKind.BUTTON, at("2026-06-10T09:02:00Z"), "single");

        Step step = engine.onEvent(EngineState.initial(), press);

        assertThat(step.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.HELP_BUTTON);
            assertThat(alert.sensorId()).isEqualTo("hall-button");
            assertThat(alert.onset()).isEqualTo(press.at());
            assertThat(alert.raisedAt()).isEqualTo(press.at());
            assertThat(alert.key()).isEqualTo("help-button-pressed:hall-button:" + press.at().toEpochMilli());
            assertThat(alert.evidence().events()).containsExactly(press);
            assertThat(alert.evidence().rule()).isEqualTo(RulesEngine.HELP_BUTTON_RULE);
            assertThat(alert.evidence().threshold()).isZero();
            assertThat(alert.evidence().observed()).isZero();
            assertThat(alert.evidence().explanation())
                    .isEqualTo("Help button pressed on hall-button at 10:02 (Europe/London)");
        });
    }

    @Test
    void aBedExitOrBathroomAlertRaisedDuringTheQuietPeriodIsItsAlertOneEpisodeOneAlert() {
        SensorEvent motion = motion("kitchen-motion", "2026-06-10T09:02:00Z"); // deadline 12:02 UTC
        EngineState quiet = engine.onEvent(EngineState.initial(), motion).state();
        Alert bedExit = new Alert(AlertType.BED_EXIT_NO_RETURN, "bed", motion.at(), at("2026-06-10T09:32:00Z"),
                new org.hearth.rules.model.Evidence(List.of(motion), "routine.bed-exit-no-return", Duration.ZERO,
                        Duration.ZERO, "out of bed"));
        Alert earlier = new Alert(AlertType.BATHROOM_DWELL, "bath", at("2026-06-10T08:30:00Z"),
                at("2026-06-10T09:01:00Z"),
                bedExit.evidence());
        Alert doorAtNight = new Alert(AlertType.DOOR_OPEN_NIGHT, "door", motion.at(), at("2026-06-10T09:32:00Z"),
                bedExit.evidence());

        assertThat(engine.noteRoutineAlerts(quiet, List.of(earlier, doorAtNight))).as("not about this quiet period")
                .isSameAs(quiet);
        EngineState noted = engine.noteRoutineAlerts(quiet, List.of(doorAtNight, bedExit));
        assertThat(engine.nextDeadline(noted)).isEmpty();
        assertThat(engine.onTick(noted, at("2026-06-10T15:00:00Z")).alerts()).isEmpty();
        // The next activity re-arms the inactivity alert.
        EngineState moved = engine.onEvent(noted, motion("kitchen-motion", "2026-06-10T15:01:00Z")).state();
        assertThat(engine.onTick(moved, at("2026-06-10T20:00:00Z")).alerts()).extracting(Alert::type)
                .containsExactly(AlertType.PROLONGED_INACTIVITY);
    }

    @Test
    void helpButtonPressIsAlsoActivity() {
        SensorEvent press = new SensorEvent("hall-button", EventKind.BUTTON, at("2026-06-10T09:02:00Z"), "hold");

        Step step = engine.onEvent(EngineState.initial(), press);

        assertThat(step.state()).isEqualTo(new EngineState(press.at(), press, false, java.util.Map.of("hall-button", press.at())));
        assertThat(engine.nextDeadline(step.state())).contains(at("2026-06-10T12:02:00Z"));
    }

    @Test
    void quietMorningRaisesInactivityExactlyAtTheDeadlineAndOnlyOnce() {
        SensorEvent motion = motion("kitchen-motion", "2026-06-10T09:02:00Z"); // 10:02 BST
        event(motion);

        tick("2026-06-10T12:01:59.999999999Z");
        assertThat(alerts).isEmpty();
        tickEveryMinute("2026-06-10T12:02:00Z", "2026-06-11T12:00:00Z"); // a day of ticks after the deadline

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.PROLONGED_INACTIVITY);
            assertThat(alert.sensorId()).isEqualTo("kitchen-motion");
            assertThat(alert.onset()).isEqualTo(motion.at());
            assertThat(alert.raisedAt()).isEqualTo(at("2026-06-10T12:02:00Z"));
            assertThat(alert.key()).isEqualTo("prolonged-inactivity:kitchen-motion:" + motion.at().toEpochMilli());
            assertThat(alert.evidence().events()).containsExactly(motion);
            assertThat(alert.evidence().rule()).isEqualTo(RulesEngine.INACTIVITY_RULE);
            assertThat(alert.evidence().threshold()).isEqualTo(Duration.ofHours(3));
            assertThat(alert.evidence().observed()).isEqualTo(Duration.ofHours(3));
            assertThat(alert.evidence().explanation()).isEqualTo("No activity for 3h 00m since 10:02 "
                    + "(motion in kitchen-motion); allowed 3h 00m in band 12:00-18:00 (Europe/London)");
        });
        assertThat(state.inactivityAlerted()).isTrue();
        assertThat(engine.nextDeadline(state)).isEmpty();
    }

    @Test
    void alertIsRaisedAtTheDeadlineNotWhenTheLateTickComes() {
        event(motion("kitchen-motion", "2026-06-10T09:02:00Z"));

        tick("2026-06-10T17:45:00Z");

        assertThat(alerts).singleElement().extracting(Alert::raisedAt).isEqualTo(at("2026-06-10T12:02:00Z"));
    }

    @Test
    void shortMorningBandCatchesAQuietNightAtItsStartAndSaysSo() {
        event(motion("kitchen-motion", "2026-06-10T04:55:00Z")); // 05:55 BST; night would allow until 15:55

        tickEveryMinute("2026-06-10T05:00:00Z", "2026-06-10T10:00:00Z");

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.raisedAt()).isEqualTo(at("2026-06-10T08:00:00Z")); // 09:00 BST
            assertThat(alert.evidence().threshold()).isEqualTo(Duration.ofHours(3));
            assertThat(alert.evidence().observed()).isEqualTo(Duration.ofMinutes(185));
            assertThat(alert.evidence().explanation()).isEqualTo("No activity for 3h 05m since 05:55 "
                    + "(motion in kitchen-motion); allowed 3h 00m in band 09:00-12:00 (Europe/London)");
        });
    }

    @Test
    void activityBeforeTheDeadlinePostponesIt() {
        event(motion("kitchen-motion", "2026-06-10T09:02:00Z"));
        tickEveryMinute("2026-06-10T09:03:00Z", "2026-06-10T11:00:00Z");
        event(contact(EventKind.CONTACT_OPEN, "fridge-door", "2026-06-10T11:00:30Z"));

        tickEveryMinute("2026-06-10T11:01:00Z", "2026-06-10T14:00:00Z");
        assertThat(alerts).isEmpty(); // the kitchen's deadline, 12:02Z, has passed unnoticed
        tick("2026-06-10T14:00:30Z");

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.sensorId()).isEqualTo("fridge-door");
            assertThat(alert.raisedAt()).isEqualTo(at("2026-06-10T14:00:30Z"));
        });
    }

    @Test
    void activityAfterAnAlertRearmsInactivity() {
        event(motion("kitchen-motion", "2026-06-10T09:02:00Z"));
        tick("2026-06-10T12:30:00Z");
        event(contact(EventKind.CONTACT_CLOSED, "front-door", "2026-06-10T13:00:00Z"));

        assertThat(state.inactivityAlerted()).isFalse();
        assertThat(engine.nextDeadline(state)).contains(at("2026-06-10T16:00:00Z"));
        tick("2026-06-10T16:00:00Z");

        assertThat(alerts).extracting(Alert::onset, Alert::raisedAt).containsExactly(
                tuple("2026-06-10T09:02:00Z", "2026-06-10T12:02:00Z"),
                tuple("2026-06-10T13:00:00Z", "2026-06-10T16:00:00Z"));
    }

    @Test
    void eventAfterAMissedDeadlineRaisesTheOverdueAlertBeforeApplyingTheEvent() {
        event(motion("kitchen-motion", "2026-06-10T09:02:00Z"));

        Step step = engine.onEvent(state, motion("hall-motion", "2026-06-10T15:00:00Z")); // no tick in between

        assertThat(step.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.sensorId()).isEqualTo("kitchen-motion");
            assertThat(alert.raisedAt()).isEqualTo(at("2026-06-10T12:02:00Z"));
        });
        assertThat(step.state().lastActivity()).isEqualTo(motion("hall-motion", "2026-06-10T15:00:00Z"));
        assertThat(step.state().inactivityAlerted()).isFalse();
    }

    @Test
    void overdueInactivityAndAHelpButtonInOneEventComeOutOldestFirst() {
        event(motion("kitchen-motion", "2026-06-10T09:02:00Z"));

        Step step = engine.onEvent(state,
                new SensorEvent("hall-button", EventKind.BUTTON, at("2026-06-10T15:00:00Z"), "single"));

        assertThat(step.alerts()).extracting(Alert::type)
                .containsExactly(AlertType.PROLONGED_INACTIVITY, AlertType.HELP_BUTTON);
    }

    @Test
    void lateEventsNeverMoveTheLastActivityBack() {
        event(motion("kitchen-motion", "2026-06-10T10:00:00Z"));
        EngineState before = state;

        event(motion("hall-motion", "2026-06-10T09:30:00Z"));
        event(contact(EventKind.CONTACT_OPEN, "front-door", "2026-06-10T08:00:00Z"));

        assertThat(state).isEqualTo(before);
        assertThat(engine.nextDeadline(state)).contains(at("2026-06-10T13:00:00Z"));
    }

    @Test
    void lateButtonPressStillRaisesHelpButDoesNotMoveTheLastActivityBack() {
        event(motion("kitchen-motion", "2026-06-10T10:00:00Z"));
        EngineState before = state;

        event(new SensorEvent("hall-button", EventKind.BUTTON, at("2026-06-10T09:59:00Z"), "single"));

        assertThat(alerts).singleElement().extracting(Alert::type, Alert::onset)
                .containsExactly(AlertType.HELP_BUTTON, at("2026-06-10T09:59:00Z"));
        assertThat(state).isEqualTo(before.withHelpCall("hall-button", at("2026-06-10T09:59:00Z")));
    }

    @Test
    void aRedeliveredOrRepeatedPressWithinTheWindowIsTheSameCallForHelp() {
        event(new SensorEvent("pendant", EventKind.BUTTON, at("2026-06-10T10:00:00Z"), "single"));
        event(new SensorEvent("pendant", EventKind.BUTTON, at("2026-06-10T10:00:02Z"), "single")); // QoS 1 redelivery
        event(new SensorEvent("pendant", EventKind.BUTTON, at("2026-06-10T10:04:59Z"), "double")); // pressed again

        assertThat(alerts).singleElement().extracting(Alert::onset).isEqualTo(at("2026-06-10T10:00:00Z"));
    }

    @Test
    void aPressAfterTheWindowOrOnAnotherButtonRaisesANewAlert() {
        event(new SensorEvent("pendant", EventKind.BUTTON, at("2026-06-10T10:00:00Z"), "single"));
        event(new SensorEvent("hall-button", EventKind.BUTTON, at("2026-06-10T10:01:00Z"), "single"));
        event(new SensorEvent("pendant", EventKind.BUTTON, at("2026-06-10T10:05:00Z"), "single"));

        assertThat(alerts).extracting(Alert::sensorId, Alert::onset).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pendant", at("2026-06-10T10:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("hall-button", at("2026-06-10T10:01:00Z")),
                org.assertj.core.groups.Tuple.tuple("pendant", at("2026-06-10T10:05:00Z")));
    }

    @Test
    void repeatedDeliveryOfTheLastActivityCannotRaiseItsAlertAgain() {
        SensorEvent motion = motion("kitchen-motion", "2026-06-10T09:02:00Z");
        event(motion);
        tick("2026-06-10T12:02:00Z");

        event(motion); // QoS 1 redelivery after the alert
        event(motion("hall-motion", "2026-06-10T09:02:00Z")); // another sensor at the very same instant
        tickEveryMinute("2026-06-10T12:03:00Z", "2026-06-11T12:00:00Z");

        assertThat(alerts).hasSize(1);
        assertThat(state).isEqualTo(new EngineState(motion.at(), motion, true));
    }

    @Test
    void nonActivityEventsChangeNothing() {
        event(motion("kitchen-motion", "2026-06-10T09:02:00Z"));
        EngineState before = state;

        event(SensorEvent.of("kitchen-motion", EventKind.NO_MOTION, at("2026-06-10T09:05:00Z")));
        event(SensorEvent.of("hall-motion", EventKind.SENSOR_OFFLINE, at("2026-06-10T10:00:00Z")));
        event(SensorEvent.of("hall-motion", EventKind.SENSOR_ONLINE, at("2026-06-10T11:00:00Z")));

        assertThat(state).isEqualTo(before);
        assertThat(alerts).isEmpty();
    }

    @Test
    void homeWithNoActivityYetHasNoDeadlineAndNeverAlerts() {
        event(SensorEvent.of("kitchen-motion", EventKind.NO_MOTION, at("2026-06-10T09:05:00Z")));
        event(SensorEvent.of("kitchen-motion", EventKind.SENSOR_ONLINE, at("2026-06-10T09:06:00Z")));

        tickEveryMinute("2026-06-10T09:07:00Z", "2026-06-12T09:00:00Z");

        assertThat(state).isEqualTo(EngineState.initial());
        assertThat(engine.nextDeadline(state)).isEmpty();
        assertThat(alerts).isEmpty();
    }

    @Test
    void explanationsCarryNoEventDetail() {
        event(new SensorEvent("hall-button", EventKind.BUTTON, at("2026-06-10T09:02:00Z"), "secret-detail"));
        tick("2026-06-11T09:00:00Z");

        assertThat(alerts).hasSize(2).allSatisfy(alert ->
                assertThat(alert.evidence().explanation()).doesNotContain("secret-detail"));
    }

    private void event(SensorEvent e) {
        Step step = engine.onEvent(state, e);
        state = step.state();
        alerts.addAll(step.alerts());
    }

    private void tick(String now) {
        Step step = engine.onTick(state, at(now));
        state = step.state();
        alerts.addAll(step.alerts());
    }

    private void tickEveryMinute(String from, String to) {
        for (Instant t = at(from); !t.isAfter(at(to)); t = t.plus(Duration.ofMinutes(1))) {
            tick(t.toString());
        }
    }

    private static org.assertj.core.groups.Tuple tuple(String onset, String raisedAt) {
        return org.assertj.core.groups.Tuple.tuple(at(onset), at(raisedAt));
    }

    private static SensorEvent motion(String sensor, String at) {
        return SensorEvent.of(sensor, EventKind.MOTION, at(at));
    }

    private static SensorEvent contact(EventKind kind, String sensor, String at) {
        return SensorEvent.of(sensor, kind, at(at));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
