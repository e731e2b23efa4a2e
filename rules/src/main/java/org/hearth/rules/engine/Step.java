package org.hearth.rules.engine;

import java.util.List;
import java.util.Objects;
import org.hearth.rules.model.Alert;

/**
 * The result of one engine call: the state to keep and the alerts raised, oldest first.
 *
 * @param state  the new state
 * @param alerts the alerts raised by this call, possibly none; stored as an immutable copy
 */
public record Step(EngineState state, List<Alert> alerts) {

    /**
     * Validates the step and copies the alert list.
     *
     * @param state see the record description
     * @param alerts see the record description
     * @throws NullPointerException if the state, the list or an alert is null
     */
    public Step {
        Objects.requireNonNull(state, "state");
        alerts = List.copyOf(Objects.requireNonNull(alerts, "alerts"));
    }
}
