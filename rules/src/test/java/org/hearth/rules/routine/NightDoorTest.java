package org.hearth.rules.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.DOOR;
import static org.hearth.rules.testing.TestHome.HALL;
import static org.hearth.rules.testing.TestHome.LAYOUT;
import static org.hearth.rules.testing.TestHome.LONDON;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.testing.TestHome.Script;
import org.junit.jupiter.api.Test;

class NightDoorTest {

    private final RoutineWatch watch = new RoutineWatch(LAYOUT, RoutineWatchPolicy.ukDefault(LONDON));
    private final LocalDate day = LocalDate.of(2026, 6, 10);

    private List<Alert> doors(Script s, String until) {
        return Watching.ticked(watch, s.events(), s.instant(until), Duration.ofMinutes(1)).stream()
                .filter(a -> a.type() == AlertType.DOOR_OPEN_NIGHT).toList();
    }

    @Test
    void leavingAtNightIsAlertedOnceWhenTheGraceRunsOut() {
        Script s = new Script(day, LONDON).at("01:00", HALL, EventKind.MOTION).at("01:01", DOOR, EventKind.CONTACT_OPEN)
                .at("01:01:20", DOOR, EventKind.CONTACT_CLOSED).at("01:02", DOOR, EventKind.CONTACT_OPEN)
                .at("01:02:10", DOOR, EventKind.CONTACT_CLOSED);

        assertThat(doors(s, "03:00")).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("door-open-night:front-door:" + s.instant("01:01").toEpochMilli());
            assertThat(a.raisedAt()).isEqualTo(s.instant("01:06"));
            assertThat(a.evidence().events()).hasSize(2);
            assertThat(a.evidence().explanation()).isEqualTo("Front door front-door opened at 01:01, in the night "
                    + "window 23:00-06:00, and closed at 01:02 with nobody seen inside since after 0h 05m "
                    + "(Europe/London)");
        });
    }

    @Test
    void lockingUpAndStayingInRaisesNothingButADoorLeftOpenDoes() {
        Script lockUp = new Script(day, LONDON).at("23:01", DOOR, EventKind.CONTACT_OPEN)
                .at("23:01:30", DOOR, EventKind.CONTACT_CLOSED).at("23:02", HALL, EventKind.MOTION);
        Script leftOpen = new Script(day, LONDON).at("23:01", DOOR, EventKind.CONTACT_OPEN)
                .at("23:02", HALL, EventKind.MOTION);

        assertThat(doors(lockUp, "23:50")).isEmpty();
        assertThat(doors(leftOpen, "23:50")).singleElement()
                .satisfies(a -> assertThat(a.evidence().explanation()).contains("still open"));
    }

    @Test
    void outsideTheWindowNothingAndEachEpisodeAlertsOnce() {
        Script evening = new Script(day, LONDON).at("22:50", DOOR, EventKind.CONTACT_OPEN)
                .at("22:51", DOOR, EventKind.CONTACT_CLOSED);
        Script twice = new Script(day, LONDON).at("01:00", DOOR, EventKind.CONTACT_OPEN)
                .at("01:00:10", DOOR, EventKind.CONTACT_CLOSED).at("02:00", DOOR, EventKind.CONTACT_OPEN)
                .at("02:00:10", DOOR, EventKind.CONTACT_CLOSED).at("02:01", HALL, EventKind.MOTION)
                .at("03:00", DOOR, EventKind.CONTACT_OPEN);

        assertThat(doors(evening, "23:59")).isEmpty();
        assertThat(doors(twice, "05:00")).extracting(Alert::onset)
                .containsExactly(twice.instant("01:00"), twice.instant("03:00"));
    }
}
