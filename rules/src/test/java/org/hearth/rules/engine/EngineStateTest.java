package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

class EngineStateTest {

    private static final Instant AT = Instant.parse("2026-06-10T09:02:00Z");
    private static final SensorEvent MOTION = SensorEvent.of("kitchen-motion", EventKind.MOTION, AT);

    @Test
    void initialStateRemembersNoActivity() {
        assertThat(EngineState.initial()).isEqualTo(new EngineState(null, null, false));
    }

    @Test
    void knowsNothingOfWhereaboutsAndHasLearntNothingAtFirst() {
        assertThat(EngineState.initial().whereabouts()).isEqualTo(Whereabouts.unknown());
        assertThat(EngineState.initial().routine()).isEqualTo(org.hearth.rules.inactivity.LearntRoutine.empty());
        assertThat(new EngineState(AT, MOTION, false, java.util.Map.of(), null, null))
                .isEqualTo(new EngineState(AT, MOTION, false));
    }

    @Test
    void newActivityKeepsWhereaboutsRoutineAndHelpCalls() {
        Whereabouts away = Whereabouts.unknown().withMovement(true, true);
        EngineState s = new EngineState(AT, MOTION, true).withWhereabouts(away).withHelpCall("button", AT);

        EngineState next = s.withActivity(SensorEvent.of("hall", EventKind.MOTION, AT.plusSeconds(60)));

        assertThat(next.inactivityAlerted()).isFalse();
        assertThat(next.whereabouts()).isEqualTo(away);
        assertThat(next.helpCalls()).containsKey("button");
        assertThat(next.routine()).isEqualTo(s.routine());
    }

    @Test
    void rejectsStatesThatCannotArise() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(AT, null, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(null, MOTION, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(AT.plusSeconds(1), MOTION, false));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new EngineState(AT, SensorEvent.of("kitchen-motion", EventKind.NO_MOTION, AT), false));
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(null, null, true));
    }
}
