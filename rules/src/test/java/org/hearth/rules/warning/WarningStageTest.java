package org.hearth.rules.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

class WarningStageTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final WarningStage STAGE =
            new WarningStage(WarningPolicy.defaults(Set.of("pendant"), Set.of("single")));

    static Alert inactivity(Instant raisedAt) {
        SensorEvent last = SensorEvent.of("kitchen-motion", EventKind.MOTION, raisedAt.minus(Duration.ofHours(3)));
        return new Alert(AlertType.PROLONGED_INACTIVITY, "kitchen-motion", last.at(), raisedAt,
                new Evidence(List.of(last), "inactivity.quiet-bands", Duration.ofHours(3), Duration.ofHours(3),
                        "No activity for 3h."));
    }

    static Alert fall(Instant at) {
        return new Alert(AlertType.FALL_WEARABLE, "pendant-accel", at, at,
                new Evidence(List.of(), "fall.wearable", Duration.ZERO, Duration.ZERO, "Impact then stillness."));
    }

    static Alert help(Instant at) {
        SensorEvent press = new SensorEvent("pendant", EventKind.BUTTON, at, "single");
        return new Alert(AlertType.HELP_BUTTON, "pendant", at, at,
                new Evidence(List.of(press), "help-button.immediate", Duration.ZERO, Duration.ZERO, "Pressed."));
    }

    static SensorEvent press(String sensor, String action, Instant at) {
        return new SensorEvent(sensor, EventKind.BUTTON, at, action);
    }

    /** Runs one event through answerOf and apply, as the gateway does. */
    static WarningStep event(WarningState s, SensorEvent e, Instant now) {
        return STAGE.apply(s, List.of(STAGE.answerOf(s, e)), List.of(), now);
    }

    @Test
    void anInactivityAlertIsHeldBackAndAWarningGivenWithAFiveMinuteDeadline() {
        WarningStep step = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(T0)), T0);

        assertThat(step.raise()).isEmpty();
        assertThat(step.warn()).singleElement().satisfies(w -> {
            assertThat(w.warnedAt()).isEqualTo(T0);
            assertThat(w.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        });
        assertThat(step.state().pending()).hasSize(1);
        assertThat(STAGE.nextDeadline(step.state())).contains(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anOkPressWithinTheWindowCancelsTheWarningAndNothingIsRaisedLater() {
        WarningState warned = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(T0)), T0).state();
        Instant at = T0.plus(Duration.ofMinutes(4));

        WarningStep answered = event(warned, press("pendant", "single", at), at);

        assertThat(answered.raise()).isEmpty();
        assertThat(answered.cancelled()).singleElement().satisfies(c -> {
            assertThat(c.alert()).isEqualTo(inactivity(T0));
            assertThat(c.cancelledAt()).isEqualTo(at);
            assertThat(c.cancelledBy()).isEqualTo("pendant");
            assertThat(c.answer().detail()).isEqualTo("single");
        });
        assertThat(answered.state().pending()).isEmpty();
        assertThat(STAGE.onTick(answered.state(), T0.plus(Duration.ofHours(1))).raise()).isEmpty();
    }

    @Test
    void withNobodyAnsweringTheSameAlertIsRaisedOnceAtTheDeadlineWithANote() {
        WarningState warned = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(T0)), T0).state();
        Instant deadline = T0.plus(Duration.ofMinutes(5));

        assertThat(STAGE.onTick(warned, deadline.minusMillis(1)).raise()).isEmpty();
        WarningStep due = STAGE.onTick(warned, deadline.plus(Duration.ofMinutes(3))); // a late tick
        assertThat(due.raise()).singleElement().satisfies(a -> {
            Alert original = inactivity(T0);
            assertThat(a.key()).isEqualTo(original.key());
            assertThat(a.raisedAt()).isEqualTo(deadline); // the deadline, not the late tick
            assertThat(a.evidence().events()).isEqualTo(original.evidence().events());
            assertThat(a.evidence().threshold()).isEqualTo(original.evidence().threshold());
            assertThat(a.evidence().explanation()).startsWith(original.evidence().explanation())
                    .contains("nobody answered within 5 min");
        });
        assertThat(due.unanswered()).hasSize(1);
        assertThat(STAGE.onTick(due.state(), deadline.plus(Duration.ofHours(2))).raise()).isEmpty();
    }

    @Test
    void otherActivityDoesNotCancel() {
        WarningState warned = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(T0)), T0).state();
        Instant at = T0.plus(Duration.ofMinutes(1));

        WarningStep moved = event(warned, SensorEvent.of("lounge-motion", EventKind.MOTION, at), at);

        assertThat(moved.cancelled()).isEmpty();
        assertThat(moved.state()).isEqualTo(warned);
    }

    @Test
    void onlyTheConfiguredButtonAndActionWhileAWarningIsPendingAnswer() {
        WarningState warned = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(T0)), T0).state();
        Instant in = T0.plus(Duration.ofMinutes(2));

        assertThat(STAGE.answerOf(warned, press("pendant", "single", in)).kind()).isEqualTo(EventKind.RESIDENT_OK);
        assertThat(STAGE.answerOf(warned, press("pendant", "hold", in)).kind()).isEqualTo(EventKind.BUTTON);
        assertThat(STAGE.answerOf(warned, press("hall-button", "single", in)).kind()).isEqualTo(EventKind.BUTTON);
        // no warning pending, before the warning, or at its deadline: a press is what it always was
        assertThat(STAGE.answerOf(WarningState.initial(), press("pendant", "single", in)).kind())
                .isEqualTo(EventKind.BUTTON);
        assertThat(STAGE.answerOf(warned, press("pendant", "single", T0.minusSeconds(1))).kind())
                .isEqualTo(EventKind.BUTTON);
        assertThat(STAGE.answerOf(warned, press("pendant", "single", T0.plus(Duration.ofMinutes(5)))).kind())
                .isEqualTo(EventKind.BUTTON);
    }

    @Test
    void aHelpPressDuringAWarningIsRaisedAtOnceAndTheWarningStillEscalates() {
        WarningState warned = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(T0)), T0).state();
        Instant at = T0.plus(Duration.ofMinutes(1));
        SensorEvent hold = STAGE.answerOf(warned, press("pendant", "hold", at));

        WarningStep helped = STAGE.apply(warned, List.of(hold), List.of(help(at)), at);

        assertThat(helped.raise()).containsExactly(help(at));
        assertThat(helped.state()).isEqualTo(warned);
        assertThat(STAGE.onTick(helped.state(), T0.plus(Duration.ofMinutes(5))).raise())
                .extracting(Alert::type).containsExactly(AlertType.PROLONGED_INACTIVITY);
    }

    @Test
    void helpAndMonitoringDegradedAreNeverWarnedAbout() {
        Alert degraded = new Alert(AlertType.MONITORING_DEGRADED, "gateway-store", T0, T0,
                new Evidence(List.of(), "store.disk-budget", Duration.ZERO, Duration.ZERO, "Full."));

        WarningStep step = STAGE.apply(WarningState.initial(), List.of(), List.of(help(T0), degraded), T0);

        assertThat(step.raise()).containsExactly(help(T0), degraded);
        assertThat(step.warn()).isEmpty();
        Duration window = Duration.ofSeconds(30);
        assertThatThrownBy(() -> new WarningPolicy(Map.of(AlertType.HELP_BUTTON, window), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarningPolicy(Map.of(AlertType.MONITORING_DEGRADED, window), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFallGetsTheShortWindowAndAbsenceNoneByDefault() {
        Alert absence = new Alert(AlertType.PROLONGED_ABSENCE, "front-door", T0.minus(Duration.ofHours(9)), T0,
                new Evidence(List.of(), "inactivity.absence", Duration.ZERO, Duration.ZERO, "Out long."));

        WarningStep step = STAGE.apply(WarningState.initial(), List.of(), List.of(fall(T0), absence), T0);

        assertThat(step.raise()).containsExactly(absence);
        assertThat(step.warn()).singleElement().extracting(PendingWarning::window).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void oneOkAnswersEveryWarningPendingAndARepeatedAlertIsNotWarnedTwice() {
        WarningStep first = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(T0), fall(T0)), T0);
        WarningStep repeat = STAGE.apply(first.state(), List.of(), List.of(inactivity(T0)), T0.plusSeconds(5));
        assertThat(repeat.warn()).isEmpty();
        assertThat(repeat.raise()).isEmpty();

        Instant at = T0.plusSeconds(30);
        WarningStep answered = event(repeat.state(), press("pendant", "single", at), at);

        assertThat(answered.cancelled()).extracting(c -> c.alert().type())
                .containsExactlyInAnyOrder(AlertType.PROLONGED_INACTIVITY, AlertType.FALL_WEARABLE);
        assertThat(answered.state().pending()).isEmpty();
    }

    @Test
    void beyondTheBoundAlertsAreRaisedAtOnceNotHeldBack() {
        List<Alert> falls = new java.util.ArrayList<>();
        for (int i = 0; i <= WarningState.MAX_PENDING; i++) {
            falls.add(fall(T0.plusMillis(i)));
        }

        WarningStep step = STAGE.apply(WarningState.initial(), List.of(), falls, T0.plusSeconds(1));

        assertThat(step.warn()).hasSize(WarningState.MAX_PENDING);
        assertThat(step.raise()).containsExactly(falls.get(WarningState.MAX_PENDING));
    }

    @Test
    void aDeadlineInTheRepeatedHourOfTheAutumnChangeFallsExactlyOneWindowLater() {
        ZoneId london = ZoneId.of("Europe/London");
        // 01:58 BST, then the clocks go back at 02:00 BST to 01:00 GMT: the deadline is 5 real minutes on.
        Instant warnedAt = LocalDateTime.of(2026, 10, 25, 1, 58).atZone(london).withEarlierOffsetAtOverlap()
                .toInstant();
        WarningState warned = STAGE.apply(WarningState.initial(), List.of(), List.of(inactivity(warnedAt)), warnedAt)
                .state();

        assertThat(STAGE.onTick(warned, warnedAt.plus(Duration.ofMinutes(5)).minusMillis(1)).raise()).isEmpty();
        assertThat(STAGE.onTick(warned, warnedAt.plus(Duration.ofMinutes(5))).raise()).singleElement()
                .extracting(Alert::raisedAt).isEqualTo(warnedAt.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anAlertDetectedAheadOfTheClockIsWarnedFromItsOwnTime() {
        Instant ahead = T0.plusSeconds(10);

        WarningStep step = STAGE.apply(WarningState.initial(), List.of(), List.of(fall(ahead)), T0);

        assertThat(step.warn()).singleElement().extracting(PendingWarning::warnedAt).isEqualTo(ahead);
    }

    @Test
    void aCancellationNeedsAnOkWithinTheWindow() {
        PendingWarning w = new PendingWarning(inactivity(T0), T0, T0.plus(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> new CancelledWarning(w, press("pendant", "single", T0.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CancelledWarning(w,
                new SensorEvent("pendant", EventKind.RESIDENT_OK, T0.plus(Duration.ofMinutes(5)), "single")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
