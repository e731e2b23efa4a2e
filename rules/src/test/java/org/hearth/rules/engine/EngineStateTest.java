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
    void rejectsStatesThatCannotArise() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(AT, null, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(null, MOTION, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(AT.plusSeconds(1), MOTION, false));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new EngineState(AT, SensorEvent.of("kitchen-motion", EventKind.NO_MOTION, AT), false));
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineState(null, null, true));
    }
}
