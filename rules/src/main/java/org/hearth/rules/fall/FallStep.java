package org.hearth.rules.fall;

import java.util.List;
import java.util.Objects;
import org.hearth.rules.model.Alert;

/**
 * The result of {@link WearableFallDetector#onBatch}: the sensor's state to keep and the alerts raised.
 *
 * @param state  the new state
 * @param alerts the fall alerts raised by this batch, oldest first, usually none; stored as an immutable copy
 */
public record FallStep(FallState state, List<Alert> alerts) {

    /**
     * Validates the step and copies the alert list.
     *
     * @param state see the record description
     * @param alerts see the record description
     * @throws NullPointerException if the state, the list or an alert is null
     */
    public FallStep {
        Objects.requireNonNull(state, "state");
        alerts = List.copyOf(Objects.requireNonNull(alerts, "alerts"));
    }
}
