package org.hearth.rules.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.BATHROOM;
import static org.hearth.rules.testing.TestHome.KITCHEN;
import static org.hearth.rules.testing.TestHome.LAYOUT;
import static org.hearth.rules.testing.TestHome.LONDON;
import static org.hearth.rules.testing.TestHome.TOILET;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.TestHome.Script;
import org.junit.jupiter.api.Test;

class BathroomDwellTest {

    private final RoutineWatch watch = new RoutineWatch(LAYOUT, RoutineWatchPolicy.ukDefault(LONDON));
    private final LocalDate day = LocalDate.of(2026, 6, 10);

    @Test
    void whileLearningAStayLongerThanTheFallbackIsAlertedOnceAtItsDeadline() {
        Script s = new Script(day, LONDON).at("10:00", KITCHEN, EventKind.MOTION)
                .at("10:05", BATHROOM, EventKind.MOTION).at("10:06", BATHROOM, EventKind.MOTION)
                .at("10:08", TOILET, EventKind.FLUSH);

        List<Alert> alerts = Watching.ticked(watch, s.events(), s.instant("12:00"), Duration.ofMinutes(1));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.BATHROOM_DWELL);
            assertThat(a.key()).isEqualTo("bathroom-dwell:bathroom-motion:" + s.instant("10:05").toEpochMilli());
            assertThat(a.raisedAt()).isEqualTo(s.instant("10:50"));
            assertThat(a.evidence().threshold()).isEqualTo(Duration.ofMinutes(45));
            assertThat(a.evidence().events()).extracting(SensorEvent::sensorId).containsExactly(BATHROOM, TOILET);
            assertThat(a.evidence().explanation()).startsWith("In the bathroom for 0h 45m since 10:05 (motion in "
                    + "bathroom-motion), not seen anywhere else since; 0h 45m was allowed (the clinician's setting");
        });
    }

    @Test
    void leavingBeforeTheDeadlineRaisesNothing() {
        Script s = new Script(day, LONDON).at("10:05", BATHROOM, EventKind.MOTION)
                .at("10:49", KITCHEN, EventKind.MOTION);

        assertThat(Watching.ticked(watch, s.events(), s.instant("12:00"), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void afterLearningTheAllowanceFollowsThisResidentsStaysWithinTheClinicianBounds() {
        List<SensorEvent> events = new ArrayList<>();
        for (int d = 0; d < 10; d++) { // ten days of 12-minute stays
            Script s = new Script(day.plusDays(d), LONDON).at("09:00", BATHROOM, EventKind.MOTION)
                    .at("09:12", KITCHEN, EventKind.MOTION);
            events.addAll(s.events());
        }
        Script last = new Script(day.plusDays(10), LONDON).at("09:00", BATHROOM, EventKind.MOTION);
        events.addAll(last.events());

        List<Alert> alerts = Watching.ticked(watch, events, last.instant("11:00"), Duration.ofMinutes(5));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.evidence().learntNormal()).isBetween(Duration.ofMinutes(11), Duration.ofMinutes(14));
            assertThat(a.evidence().threshold()).isEqualTo(a.evidence().learntNormal().multipliedBy(2));
            assertThat(a.raisedAt()).isEqualTo(last.instant("09:00").plus(a.evidence().threshold()));
        });
    }

    @Test
    void repeatedAndLateEventsDoNotRaiseASecondAlert() {
        Script s = new Script(day, LONDON).at("10:05", BATHROOM, EventKind.MOTION)
                .at("10:55", BATHROOM, EventKind.MOTION).at("10:55", BATHROOM, EventKind.MOTION)
                .at("10:56", TOILET, EventKind.FLUSH);
        List<SensorEvent> events = new ArrayList<>(s.events());
        events.add(SensorEvent.of(BATHROOM, EventKind.MOTION, s.instant("10:05"))); // redelivered late

        assertThat(Watching.untilEnd(watch, events, s.instant("12:00"))).hasSize(1);
    }
}
