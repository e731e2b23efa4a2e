package org.hearth.simulator.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.fall.FallState;
import org.hearth.rules.fall.FallStep;
import org.hearth.rules.fall.WearableFallDetector;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.junit.jupiter.api.Test;

/** The synthetic fall is one the detector sees as one fall, and only once it has lain still long enough. */
class WearableSensorTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void theSyntheticFallIsDetectedOnceAfterTenSecondsStill() {
        List<Alert> alerts = run(WearableSensor.syntheticFall(T0, 5, 15));

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).type()).isEqualTo(AlertType.FALL_WEARABLE);
        assertThat(alerts.get(0).onset()).isBetween(T0.plusSeconds(5), T0.plusSeconds(6));
    }

    @Test
    void walkingAloneIsNoFall() {
        List<WearableSensor.Batch> walk = WearableSensor.syntheticFall(T0, 30, 0).subList(0, 30);
        assertThat(run(walk)).isEmpty();
    }

    @Test
    void batchesAreOneSecondAt50Hz() {
        List<WearableSensor.Batch> batches = WearableSensor.syntheticFall(T0, 5, 15);
        assertThat(batches).hasSize(21);
        assertThat(batches.get(1).start()).isEqualTo(T0.plusSeconds(1));
        assertThat(batches.get(0).end()).isEqualTo(T0.plusSeconds(1));
        assertThat(batches.get(0).x()).hasSize(50);
    }

    private static List<Alert> run(List<WearableSensor.Batch> batches) {
        WearableFallDetector detector = new WearableFallDetector();
        FallState state = FallState.initial();
        List<Alert> alerts = new ArrayList<>();
        for (WearableSensor.Batch b : batches) {
            FallStep step = detector.onBatch(state, new AccelBatch("pendant-accel", b.start(), b.hz(), b.x(), b.y(), b.z()));
            state = step.state();
            alerts.addAll(step.alerts());
        }
        return alerts;
    }
}
