package org.hearth.rules.warning;

import java.time.Instant;
import java.util.Objects;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * A warning the resident answered in time: the alert it held back is not raised, but is kept, with its evidence,
 * for the record and the daily summary.
 *
 * @param warning the warning that was answered
 * @param answer  the {@link EventKind#RESIDENT_OK} press that answered it (which button, which action, when)
 */
public record CancelledWarning(PendingWarning warning, SensorEvent answer) {

    /**
     * Validates the cancellation.
     *
     * @param warning see the record description
     * @param answer see the record description
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code answer} is not a {@link EventKind#RESIDENT_OK} event within the
     *                                  warning's window
     */
    public CancelledWarning {
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(answer, "answer");
        if (answer.kind() != EventKind.RESIDENT_OK || !warning.answeredBy(answer.at())) {
            throw new IllegalArgumentException("a warning is cancelled only by a RESIDENT_OK within its window");
        }
    }

    /**
     * The alert that was not raised.
     *
     * @return the alert, with its evidence
     */
    public Alert alert() {
        return warning.alert();
    }

    /**
     * When the resident answered.
     *
     * @return the answer's instant
     */
    public Instant cancelledAt() {
        return answer.at();
    }

    /**
     * The button that answered.
     *
     * @return its sensor id
     */
    public String cancelledBy() {
        return answer.sensorId();
    }
}
