package org.hearth.rules.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@link WarningStage} remembers: the warnings pending, earliest deadline first. An immutable value,
 * suitable for snapshots, and bounded: at most {@link #MAX_PENDING} warnings (an alert beyond that is raised at once,
 * never held back).
 *
 * @param pending the pending warnings, sorted by deadline then alert key; stored as an immutable copy; null stands
 *                for none
 */
public record WarningState(List<PendingWarning> pending) {

    /** The most warnings pending at once. More than a handful means something is wrong: then nothing waits. */
    public static final int MAX_PENDING = 16;

    private static final Comparator<PendingWarning> ORDER = Comparator.comparing(PendingWarning::deadline)
            .thenComparing(w -> w.alert().key());

    private static final WarningState INITIAL = new WarningState(List.of());

    /**
     * Validates the state, sorts and copies the list.
     *
     * @param pending see the record description
     * @throws NullPointerException     if a warning is null
     * @throws IllegalArgumentException if two warnings hold alerts with the same key, or there are more than
     *                                  {@link #MAX_PENDING}
     */
    public WarningState {
        List<PendingWarning> sorted = new ArrayList<>(pending == null ? List.of() : pending);
        sorted.forEach(w -> Objects.requireNonNull(w, "warning"));
        if (sorted.size() > MAX_PENDING) {
            throw new IllegalArgumentException("at most " + MAX_PENDING + " warnings may be pending");
        }
        var keys = new HashSet<String>();
        for (PendingWarning w : sorted) {
            if (!keys.add(w.alert().key())) {
                throw new IllegalArgumentException("two pending warnings hold the same alert");
            }
        }
        sorted.sort(ORDER);
        pending = List.copyOf(sorted);
    }

    /**
     * The state with nothing pending.
     *
     * @return the initial state
     */
    public static WarningState initial() {
        return INITIAL;
    }

    /**
     * Whether a warning holding an alert with this key is pending.
     *
     * @param alertKey the alert's {@link org.hearth.rules.model.Alert#key()}
     * @return true if pending
     */
    public boolean holds(String alertKey) {
        return pending.stream().anyMatch(w -> w.alert().key().equals(alertKey));
    }

    /**
     * The earliest deadline pending.
     *
     * @return it, or empty if nothing is pending
     */
    public Optional<Instant> nextDeadline() {
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.get(0).deadline());
    }
}
