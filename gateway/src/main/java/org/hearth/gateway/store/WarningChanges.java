package org.hearth.gateway.store;

import java.util.List;
import org.hearth.rules.warning.CancelledWarning;
import org.hearth.rules.warning.PendingWarning;
import org.hearth.rules.warning.WarningStep;

/**
 * What the warning stage did in one step, committed with the step's state and alerts.
 *
 * @param given      warnings given (to be published to the sounder)
 * @param cancelled  warnings the resident answered: stored as alerts that are never sent
 * @param unanswered warnings that ran out: their alerts are raised as usual
 */
public record WarningChanges(List<PendingWarning> given, List<CancelledWarning> cancelled,
        List<PendingWarning> unanswered) {

    /** Nothing happened. */
    public static final WarningChanges NONE = new WarningChanges(List.of(), List.of(), List.of());

    public WarningChanges {
        given = List.copyOf(given);
        cancelled = List.copyOf(cancelled);
        unanswered = List.copyOf(unanswered);
    }

    /** The changes of a warning step. */
    public static WarningChanges of(WarningStep step) {
        return new WarningChanges(step.warn(), step.cancelled(), step.unanswered());
    }

    /** These changes followed by {@code later}'s, as one commit of a batch stores them. */
    public WarningChanges plus(WarningChanges later) {
        if (later.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return later;
        }
        return new WarningChanges(concat(given, later.given), concat(cancelled, later.cancelled),
                concat(unanswered, later.unanswered));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** True if there is nothing to store. */
    public boolean isEmpty() {
        return given.isEmpty() && cancelled.isEmpty() && unanswered.isEmpty();
    }
}
