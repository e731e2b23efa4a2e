package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;
import org.hearth.rules.inactivity.QuietContext;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

class WhereaboutsTest {

    private static final Instant T = Instant.parse("2026-06-10T09:00:00Z");

    @Test
    void aBedTakesPrecedenceOverAChairAndAMatOverGoingOut() {
        Whereabouts chair = Whereabouts.unknown().withChair(reading("chair", EventKind.OCCUPIED, 0))
                .withMovement(true, true);
        Whereabouts both = chair.withBed(reading("bed", EventKind.OCCUPIED, 5));

        assertThat(chair.context()).isEqualTo(QuietContext.IN_CHAIR);
        assertThat(both.context()).isEqualTo(QuietContext.IN_BED);
        assertThat(both.restingOn()).contains(reading("bed", EventKind.OCCUPIED, 5));
    }

    @Test
    void outOnlyBehindAClosedDoor() {
        Whereabouts departed = Whereabouts.unknown().withMovement(true, true);

        assertThat(departed.context()).isEqualTo(QuietContext.AWAY);
        assertThat(departed.withFrontDoor(reading("door", EventKind.CONTACT_OPEN, 0)).context())
                .isEqualTo(QuietContext.AT_HOME);
        assertThat(departed.withFrontDoor(reading("door", EventKind.CONTACT_CLOSED, 0)).context())
                .isEqualTo(QuietContext.AWAY);
        assertThat(Whereabouts.unknown().context()).isEqualTo(QuietContext.AT_HOME);
    }

    @Test
    void aVacatedMatRestsNobody() {
        Whereabouts w = Whereabouts.unknown().withBed(reading("bed", EventKind.VACATED, 0));

        assertThat(w.context()).isEqualTo(QuietContext.AT_HOME);
        assertThat(w.restingOn()).isEmpty();
    }

    @Test
    void rejectsReadingsOfTheWrongKind() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Whereabouts(Map.of("bed", reading("bed", EventKind.MOTION, 0)), Map.of(), null, true, false));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Whereabouts(Map.of(), Map.of(), reading("door", EventKind.OCCUPIED, 0), true, false));
    }

    private static SensorEvent reading(String sensor, EventKind kind, int minutes) {
        return SensorEvent.of(sensor, kind, T.plusSeconds(60L * minutes));
    }
}
