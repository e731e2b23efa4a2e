package org.hearth.rules.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.BED;
import static org.hearth.rules.testing.TestHome.BEDROOM;
import static org.hearth.rules.testing.TestHome.DOOR;
import static org.hearth.rules.testing.TestHome.KITCHEN;
import static org.hearth.rules.testing.TestHome.LAYOUT;
import static org.hearth.rules.testing.TestHome.LONDON;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.TestHome;
import org.hearth.rules.testing.TestHome.Script;
import org.junit.jupiter.api.Test;

class MorningRoutineTest {

    private final RoutineWatch watch = new RoutineWatch(LAYOUT, RoutineWatchPolicy.ukDefault(LONDON));
    private final LocalDate day = LocalDate.of(2026, 6, 10);

    private static List<Alert> mornings(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.type() == AlertType.MISSED_MORNING_ROUTINE).toList();
    }

    @Test
    void noKitchenOrBathroomByTheFallbackIsAlertedOnceForTheDay() {
        Script s = new Script(day, LONDON).at("00:30", BED, EventKind.OCCUPIED).at("08:00", BED, EventKind.VACATED)
                .at("08:01", BEDROOM, EventKind.MOTION).at("11:30", KITCHEN, EventKind.MOTION);

        assertThat(mornings(Watching.ticked(watch, s.events(), s.instant("23:00"), Duration.ofMinutes(1))))
                .singleElement().satisfies(a -> {
                    assertThat(a.onset()).isEqualTo(s.instant("05:00"));
                    assertThat(a.raisedAt()).isEqualTo(s.instant("11:00"));
                    assertThat(a.sensorId()).isEqualTo(BEDROOM);
                    assertThat(a.evidence().explanation()).startsWith("No kitchen, kettle or bathroom activity this "
                            + "morning by 11:00 (the clinician's setting");
                });
    }

    @Test
    void aKitchenVisitInTimeRaisesNothing() {
        Script s = new Script(day, LONDON).at("00:30", BED, EventKind.OCCUPIED).at("10:50", KITCHEN, EventKind.MOTION);

        assertThat(mornings(Watching.ticked(watch, s.events(), s.instant("23:00"), Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void notWhenOutNorWhenTheSilenceWasAlreadyAlerted() {
        Script out = new Script(day, LONDON).at("00:30", BED, EventKind.OCCUPIED).at("06:00", BED, EventKind.VACATED)
                .at("06:01", DOOR, EventKind.CONTACT_OPEN).at("06:02", DOOR, EventKind.CONTACT_CLOSED);
        assertThat(mornings(Watching.ticked(watch, out.events(), out.instant("12:00"), Duration.ofMinutes(1))))
                .isEmpty();

        Script quiet = new Script(day, LONDON).at("00:30", BED, EventKind.OCCUPIED)
                .at("06:00", BED, EventKind.VACATED);
        RoutineState s = RoutineState.initial();
        for (SensorEvent e : quiet.events()) {
            s = watch.onEvent(s, e).state();
        }
        SensorEvent last = quiet.events().get(1);
        Alert silence = new Alert(AlertType.PROLONGED_INACTIVITY, BED, last.at(), quiet.instant("07:00"),
                new Evidence(List.of(last), "inactivity.learnt-routine", Duration.ofHours(1), Duration.ofHours(1), "x"));
        s = watch.noteEngineAlerts(s, List.of(silence));

        assertThat(mornings(watch.onTick(s, quiet.instant("12:00")).alerts())).isEmpty();
    }

    @Test
    void afterLearningTheDeadlineIsTheUsualStartPlusTheMargin() {
        List<SensorEvent> events = new ArrayList<>(TestHome.regularDays(day, 10, LONDON)); // bathroom at 07:01
        Script late = new Script(day.plusDays(10), LONDON).at("03:00", BED, EventKind.VACATED)
                .at("03:05", BED, EventKind.OCCUPIED).at("07:00", BED, EventKind.VACATED)
                .at("07:01", BEDROOM, EventKind.MOTION);
        events.addAll(late.events());

        List<Alert> alerts = mornings(Watching.ticked(watch, events, late.instant("12:00"), Duration.ofMinutes(5)));

        assertThat(alerts).singleElement().satisfies(a -> {
            LocalTime local = LocalTime.ofInstant(a.raisedAt(), LONDON);
            assertThat(local).isBetween(LocalTime.of(8, 0), LocalTime.of(8, 20));
            assertThat(a.evidence().learntNormal()).isBetween(Duration.ofMinutes(120), Duration.ofMinutes(135));
        });
    }
}
