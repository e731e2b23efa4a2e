package org.hearth.rules.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.BATHROOM;
import static org.hearth.rules.testing.TestHome.BED;
import static org.hearth.rules.testing.TestHome.KETTLE;
import static org.hearth.rules.testing.TestHome.LAYOUT;
import static org.hearth.rules.testing.TestHome.LONDON;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.testing.TestHome;
import org.hearth.rules.testing.TestHome.Script;
import org.junit.jupiter.api.Test;

class BedExitTest {

    private final RoutineWatch watch = new RoutineWatch(LAYOUT, RoutineWatchPolicy.ukDefault(LONDON));
    private final LocalDate day = LocalDate.of(2026, 6, 10);

    private List<Alert> bedExits(Script s, String until) {
        return Watching.ticked(watch, s.events(), s.instant(until), Duration.ofMinutes(1)).stream()
                .filter(a -> a.type() == AlertType.BED_EXIT_NO_RETURN).toList();
    }

    @Test
    void outOfBedAtNightAndNotBackIsAlertedAtTheFallbackWhileLearning() {
        Script s = new Script(day, LONDON).at("00:30", BED, EventKind.OCCUPIED).at("02:10", BED, EventKind.VACATED)
                .at("02:11", BATHROOM, EventKind.MOTION);

        assertThat(bedExits(s, "06:00")).singleElement().satisfies(a -> {
            assertThat(a.onset()).isEqualTo(s.instant("02:10"));
            assertThat(a.raisedAt()).isEqualTo(s.instant("02:55"));
            assertThat(a.sensorId()).isEqualTo(BED);
            assertThat(a.evidence().explanation()).startsWith("Out of bed since 02:10 (vacated in bedroom-mat) at "
                    + "night, not back in bed after 0h 45m; 0h 45m was allowed");
        });
    }

    @Test
    void backInBedInTimeRaisesNothing() {
        Script s = new Script(day, LONDON).at("02:10", BED, EventKind.VACATED).at("02:50", BED, EventKind.OCCUPIED);

        assertThat(bedExits(s, "06:00")).isEmpty();
    }

    @Test
    void gettingUpForTheDayOrSittingUpInTheArmchairIsNoNightTripToAlert() {
        Script nearEnd = new Script(day, LONDON).at("06:40", BED, EventKind.VACATED);
        Script kettle = new Script(day, LONDON).at("05:30", BED, EventKind.VACATED)
                .at("05:40", KETTLE, EventKind.APPLIANCE_ON);
        Script byDay = new Script(day, LONDON).at("14:00", BED, EventKind.VACATED);
        Script armchair = new Script(day, LONDON).at("00:40", BED, EventKind.VACATED)
                .at("00:44", TestHome.CHAIR, EventKind.OCCUPIED);

        assertThat(bedExits(nearEnd, "09:00")).isEmpty();
        assertThat(bedExits(kettle, "09:00")).isEmpty();
        assertThat(bedExits(byDay, "18:00")).isEmpty();
        assertThat(bedExits(armchair, "06:00")).isEmpty();
    }

    @Test
    void afterLearningShortTripsTheClinicianFloorApplies() {
        List<org.hearth.rules.model.SensorEvent> events = new java.util.ArrayList<>(
                TestHome.regularDays(day, 10, LONDON)); // 5-minute trips at 03:00
        Script s = new Script(day.plusDays(10), LONDON).at("03:00", BED, EventKind.VACATED);
        events.addAll(s.events());

        List<Alert> alerts = Watching.ticked(watch, events, s.instant("06:00"), Duration.ofMinutes(5)).stream()
                .filter(a -> a.type() == AlertType.BED_EXIT_NO_RETURN).toList();

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.raisedAt()).isEqualTo(s.instant("03:30"));
            assertThat(a.evidence().learntNormal()).isPositive().isLessThan(Duration.ofMinutes(10));
            assertThat(a.evidence().explanation()).contains("the clinician's minimum");
        });
    }
}
