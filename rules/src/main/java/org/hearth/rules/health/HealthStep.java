package org.hearth.rules.health;

import java.util.List;
import java.util.Objects;
import org.hearth.rules.model.Alert;

/**
 * The result of one health-detector call: the state to keep and the alerts raised.
 *
 * @param state  the new state
 * @param alerts the {@code MONITORING_DEGRADED} alerts raised by this call, possibly none (immutable copy)
 */
public record HealthStep(SensorHealthState state, List<Alert> alerts) {

    /**
     * Validates the step and copies the list.
     *
     * @throws NullPointerException if the state, the list or an alert is null
     */
    public HealthStep {
        Objects.requireNonNull(state, "state");
        alerts = List.copyOf(Objects.requireNonNull(alerts, "alerts"));
    }
}
