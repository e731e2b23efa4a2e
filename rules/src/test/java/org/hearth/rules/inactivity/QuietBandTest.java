package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class QuietBandTest {

    @Test
    void allowanceMustBeMoreThanZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QuietBand(LocalTime.NOON, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new QuietBand(LocalTime.NOON, Duration.ofMinutes(-5)));
        assertThatNoException().isThrownBy(() -> new QuietBand(LocalTime.NOON, Duration.ofNanos(1)));
    }

    @Test
    void allowanceMustNotExceedTheMaximum() {
        assertThatNoException().isThrownBy(() -> new QuietBand(LocalTime.NOON, QuietBand.MAX_ALLOWANCE));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new QuietBand(LocalTime.NOON, QuietBand.MAX_ALLOWANCE.plusNanos(1)));
    }
}
