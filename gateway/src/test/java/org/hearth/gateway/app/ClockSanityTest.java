package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockSanityTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aClockAtTheEpochOrBeforeTheFloorIsNotSynchronised() {
        assertThat(ClockSanity.check(Instant.EPOCH, Optional.empty()).synchronised()).isFalse();
        assertThat(ClockSanity.check(ClockSanity.FLOOR.minusSeconds(1), Optional.empty()).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("clock: ").contains("not yet synchronised"));
        assertThat(ClockSanity.check(ClockSanity.FLOOR, Optional.empty()).synchronised()).isTrue();
    }

    @Test
    void aClockBehindTheNewestJournalledReadingIsNotSynchronised() {
        Instant newest = NOW.plus(ClockSanity.TOLERANCE).plusSeconds(1);

        assertThat(ClockSanity.check(NOW, Optional.of(newest)).synchronised()).isFalse();
        assertThat(ClockSanity.check(NOW, Optional.of(NOW.plus(ClockSanity.TOLERANCE))).synchronised()).isTrue();
        assertThat(ClockSanity.check(NOW, Optional.of(NOW.minus(Duration.ofDays(3)))).synchronised()).isTrue();
    }
}
