package org.hearth.rules.fall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccelBatchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static AccelBatch batch(double rate, float[] x, float[] y, float[] z) {
        return new AccelBatch("waist-1", T0, rate, x, y, z);
    }

    @Test
    void samplesAreEvenlySpacedFromTheStart() {
        AccelBatch b = batch(30, new float[4], new float[4], new float[4]);

        assertThat(b.size()).isEqualTo(4);
        assertThat(b.sampleTime(0)).isEqualTo(T0);
        assertThat(b.sampleTime(1)).isEqualTo(T0.plusNanos(33_333_333));
        assertThat(b.sampleTime(3)).isEqualTo(T0.plusMillis(100));
        assertThat(b.sampleTime(4)).as("just after the batch").isEqualTo(T0.plusNanos(133_333_333));
        assertThat(b.period()).isEqualTo(Duration.ofNanos(33_333_333));
        assertThatThrownBy(() -> b.sampleTime(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void samplesAreCopiedInAndOutAndCompareByContent() {
        float[] x = {0.1f, 0.2f};
        AccelBatch b = batch(50, x, new float[] {-1, -1}, new float[] {0, 0});

        x[0] = 9;
        b.x()[1] = 9;

        assertThat(b.x()).containsExactly(0.1f, 0.2f);
        assertThat(b).isEqualTo(batch(50, new float[] {0.1f, 0.2f}, new float[] {-1, -1}, new float[] {0, 0}))
                .hasSameHashCodeAs(batch(50, new float[] {0.1f, 0.2f}, new float[] {-1, -1}, new float[] {0, 0}))
                .isNotEqualTo(batch(50, new float[] {0.1f, 0.3f}, new float[] {-1, -1}, new float[] {0, 0}));
        assertThat(b.toString()).isEqualTo("AccelBatch[sensorId=waist-1, start=2026-03-01T09:00:00Z, rateHz=50.0, samples=2]");
    }

    @Test
    void rejectsWhatCannotBeASensorsBatch() {
        float[] one = {0};
        assertThatThrownBy(() -> batch(0, one, one, one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateHz");
        assertThatThrownBy(() -> batch(1000.5, one, one, one)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch(Double.NaN, one, one, one)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch(50, one, new float[2], one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> batch(50, new float[] {Float.NaN}, one, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> new AccelBatch(" ", T0, 50, one, one, one)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccelBatch("s", null, 50, one, one, one)).isInstanceOf(NullPointerException.class);
        assertThat(batch(1000, one, one, one).rateHz()).isEqualTo(1000);
    }
}
