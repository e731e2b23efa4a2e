package org.hearth.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SensorEventTest {

    private static final Instant AT = Instant.parse("2026-03-28T10:02:00Z");

    @Test
    void rejectsEveryNullComponentNamingIt() {
        assertThatNullPointerException().isThrownBy(() -> new SensorEvent(null, EventKind.MOTION, AT, ""))
                .withMessageContaining("sensorId");
        assertThatNullPointerException().isThrownBy(() -> new SensorEvent("s", null, AT, ""))
                .withMessageContaining("kind");
        assertThatNullPointerException().isThrownBy(() -> new SensorEvent("s", EventKind.MOTION, null, ""))
                .withMessageContaining("at");
        assertThatNullPointerException().isThrownBy(() -> new SensorEvent("s", EventKind.MOTION, AT, null))
                .withMessageContaining("detail");
    }

    @Test
    void eventWithoutDetailHasEmptyDetail() {
        assertThat(SensorEvent.of("kitchen-motion", EventKind.MOTION, AT).detail()).isEmpty();
    }

    @Test
    void withAtMovesOnlyTheInstant() {
        SensorEvent press = new SensorEvent("hall-button", EventKind.BUTTON, AT, "single");
        Instant later = AT.plusSeconds(60);

        assertThat(press.withAt(later)).isEqualTo(new SensorEvent("hall-button", EventKind.BUTTON, later, "single"));
    }
}
