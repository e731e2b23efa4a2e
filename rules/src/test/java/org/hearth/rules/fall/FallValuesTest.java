package org.hearth.rules.fall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small values of the package: thresholds, vectors, candidates and the state's own checks. */
class FallValuesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void defaultThresholdsAreTheMeasuredOnes() {
        FallThresholds d = FallThresholds.defaults();

        assertThat(d).isEqualTo(new FallThresholds(1.7, 60, 50, 0.05, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(d.withStillness(Duration.ofSeconds(30)).stillness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new WearableFallDetector().thresholds()).isEqualTo(d);
    }

    @Test
    void thresholdsRejectNonsense() {
        Duration s = Duration.ofSeconds(10);
        assertThatThrownBy(() -> new FallThresholds(1.0, 60, 50, 0.05, s, s)).hasMessageContaining("impactG");
        assertThatThrownBy(() -> new FallThresholds(2, 181, 50, 0.05, s, s)).hasMessageContaining("Orientation");
        assertThatThrownBy(() -> new FallThresholds(2, 60, -1, 0.05, s, s)).hasMessageContaining("Upright");
        assertThatThrownBy(() -> new FallThresholds(2, 60, 50, 0, s, s)).hasMessageContaining("quietStdG");
        assertThatThrownBy(() -> new FallThresholds(2, 60, 50, 0.05, Duration.ofMillis(999), s))
                .hasMessageContaining("stillness");
        assertThatThrownBy(() -> new FallThresholds(2, 60, 50, 0.05, s, Duration.ofSeconds(-1)))
                .hasMessageContaining("maxDelay");
    }

    @Test
    void vectorsMeasureMagnitudeAndAngle() {
        Vec3 down = new Vec3(0, -1, 0);

        assertThat(new Vec3(3, 4, 0).norm()).isEqualTo(5);
        assertThat(down.angleDegreesTo(new Vec3(0, 0, 2))).isCloseTo(90, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(down.angleDegreesTo(new Vec3(0, 3, 0))).isCloseTo(180, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(down.angleDegreesTo(new Vec3(0, 0, 0))).isZero();
        assertThat(new Vec3(0, 0, 2).unit()).isEqualTo(new Vec3(0, 0, 1));
        assertThatThrownBy(() -> new Vec3(Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCandidateMeasuresTheLargestChangeFromAnyPostureBeforeIt() {
        FallCandidate c = new FallCandidate(T0, T0, T0, 3, List.of(new Vec3(0, -1, 0), new Vec3(0, -0.7, 0.7)), null);

        assertThat(c.orientationChangeDegrees(new Vec3(0, 0, -1))).isCloseTo(135, org.assertj.core.data.Offset.offset(1e-6));
        assertThatThrownBy(() -> new FallCandidate(T0, T0, T0, 3, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FallCandidate(T0, T0, T0, 3, List.of(new Vec3(0, -1, 0)), T0))
                .hasMessageContaining("quietSince");
        assertThatThrownBy(() -> new FallCandidate(T0.plusSeconds(1), T0, T0, 3, List.of(new Vec3(0, -1, 0)), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStateRejectsContradictions() {
        assertThat(FallState.initial().anchor()).isNull();
        assertThatThrownBy(() -> new FallState("s", T0, null, null, -1, List.of(), null, false, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FallState("s", T0, T0, null, 0, List.of(), null, false, 0, List.of()))
                .hasMessageContaining("lastFrameSlot");
        assertThatThrownBy(() -> new FallState("s", T0, T0, null, -1, List.of(), null, true, 0, List.of()))
                .hasMessageContaining("uprightFromGait");
        assertThatThrownBy(() -> new FallState("s", T0, T0, new PendingFrame(0, new Vec3(0, -1, 0), 1), 3,
                List.of(new Vec3(0, -1, 0)), null, false, 0, List.of())).hasMessageContaining("pending");
        assertThatThrownBy(() -> new FallState("s", T0, T0, null, 100,
                java.util.Collections.nCopies(FallState.MAX_RECENT_FRAMES + 1, new Vec3(0, -1, 0)), null, false, 0,
                List.of())).hasMessageContaining("at most");
        assertThat(new PendingFrame(3, new Vec3(1, -2, 3), 2).mean()).isEqualTo(new Vec3(0.5, -1, 1.5));
    }
}
