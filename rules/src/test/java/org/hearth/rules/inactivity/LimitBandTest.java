package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class LimitBandTest {

    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    @Test
    void clampKeepsADurationWithinFloorAndCeiling() {
        LimitBand band = new LimitBand(SEVEN, Duration.ofMinutes(45), Duration.ofHours(3), Duration.ofHours(4));

        assertThat(band.clamp(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(45));
        assertThat(band.clamp(Duration.ofMinutes(90))).isEqualTo(Duration.ofMinutes(90));
        assertThat(band.clamp(Duration.ofHours(9))).isEqualTo(Duration.ofHours(4));
        assertThat(band.adjustable()).isTrue();
    }

    @Test
    void aFixedBandAllowsOneValueWhateverIsLearnt() {
        LimitBand band = LimitBand.fixed(SEVEN, Duration.ofHours(3));

        assertThat(band.adjustable()).isFalse();
        assertThat(band.clamp(Duration.ofMinutes(1))).isEqualTo(Duration.ofHours(3));
        assertThat(band.clamp(Duration.ofHours(30))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void rejectsLimitsOutOfOrderOrOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LimitBand(SEVEN, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LimitBand(SEVEN, Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(3)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LimitBand(SEVEN, Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(3)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LimitBand(SEVEN, Duration.ofHours(1), Duration.ofHours(2), Duration.ofDays(8)));
    }
}
