package org.hearth.rules.warning;

import java.util.List;
import java.util.Objects;
import org.hearth.rules.model.Alert;

/**
 * The result of one {@link WarningStage} call.
 *
 * @param state      the new state
 * @param raise      the alerts to raise now, in order: those that allow no warning, and those whose warning went
 *                   unanswered (with their note)
 * @param warn       the warnings given by this call: for each, the gateway asks the resident locally
 * @param cancelled  the warnings the resident answered: their alerts are not raised
 * @param unanswered the warnings whose deadline passed without an answer; their alerts are in {@code raise}
 */
public record WarningStep(WarningState state, List<Alert> raise, List<PendingWarning> warn,
        List<CancelledWarning> cancelled, List<PendingWarning> unanswered) {

    /**
     * Validates the step and copies the lists.
     *
     * @param state see the record description
     * @param raise see the record description
     * @param warn see the record description
     * @param cancelled see the record description
     * @param unanswered see the record description
     * @throws NullPointerException if any component or element is null
     */
    public WarningStep {
        Objects.requireNonNull(state, "state");
        raise = List.copyOf(raise);
        warn = List.copyOf(warn);
        cancelled = List.copyOf(cancelled);
        unanswered = List.copyOf(unanswered);
    }

    /**
     * Whether nothing happened: nothing raised, warned, cancelled or left unanswered.
     *
     * @return true if no list has an element
     */
    public boolean isQuiet() {
        return raise.isEmpty() && warn.isEmpty() && cancelled.isEmpty() && unanswered.isEmpty();
    }
}
