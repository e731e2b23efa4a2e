package org.hearth.rules.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hearth.rules.model.Alert;

/**
 * An alert held back while the resident is asked, locally, whether they are all right.
 *
 * @param alert    the alert as the rules raised it
 * @param warnedAt when the warning was given
 * @param deadline when the alert is raised if nobody has answered; an instant, so restarts and clock changes keep it
 */
public record PendingWarning(Alert alert, Instant warnedAt, Instant deadline) {

    /**
     * Validates the warning.
     *
     * @param alert see the record description
     * @param warnedAt see the record description
     * @param deadline see the record description
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if the deadline is not after {@code warnedAt}, or the warning is given before
     *                                  the alert's onset
     */
    public PendingWarning {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(warnedAt, "warnedAt");
        Objects.requireNonNull(deadline, "deadline");
        if (!deadline.isAfter(warnedAt)) {
            throw new IllegalArgumentException("deadline must be after warnedAt");
        }
        if (warnedAt.isBefore(alert.onset())) {
            throw new IllegalArgumentException("a warning cannot come before its alert's onset");
        }
    }

    /**
     * The time the resident has to answer.
     *
     * @return from {@code warnedAt} to {@code deadline}
     */
    public Duration window() {
        return Duration.between(warnedAt, deadline);
    }

    /**
     * Whether a press at {@code at} answers this warning: at or after the warning, before its deadline. A press
     * before the warning was given cannot be its answer.
     *
     * @param at when the button was pressed
     * @return true if it answers
     */
    public boolean answeredBy(Instant at) {
        return !at.isBefore(warnedAt) && at.isBefore(deadline);
    }
}
