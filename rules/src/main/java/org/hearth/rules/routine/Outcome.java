package org.hearth.rules.routine;

import java.util.List;
import java.util.Objects;
import org.hearth.rules.model.Alert;

/**
 * The result of one detector call: the state to keep and the alerts raised, oldest first.
 *
 * @param state  the new state
 * @param alerts the alerts raised, possibly none; an immutable copy
 * @param <S>    the detector's state type
 */
public record Outcome<S>(S state, List<Alert> alerts) {

    /**
     * Validates and copies.
     *
     * @param state see the record description
     * @param alerts see the record description
     */
    public Outcome {
        Objects.requireNonNull(state, "state");
        alerts = List.copyOf(alerts);
    }

    /**
     * A result raising nothing.
     *
     * @param state the state
     * @param <S>   its type
     * @return the outcome
     */
    public static <S> Outcome<S> quiet(S state) {
        return new Outcome<>(state, List.of());
    }
}
