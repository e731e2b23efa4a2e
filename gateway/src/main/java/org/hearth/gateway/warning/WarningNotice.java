package org.hearth.gateway.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hearth.gateway.store.UnpublishedWarning;
import org.hearth.rules.model.AlertType;

/**
 * What the sounder is told: which kind of alert is about to go, by when the resident can stop it, and what to say.
 * No personal data: no names, no sensor names, no identifiers of the resident.
 *
 * @param id a short opaque id, the same for every publication of the same warning (consumers de-duplicate on it)
 * @param alertType the alert's code, e.g. {@code prolonged-inactivity}
 * @param warnedAt when the warning was given
 * @param deadline when the alert goes to the care team if nobody presses the button
 * @param text a short sentence for a speaker to say
 */
public record WarningNotice(String id, String alertType, Instant warnedAt, Instant deadline, String text) {

    /** Said before an inactivity alert. */
    public static final String ARE_YOU_OK = "Are you OK? Press your button if you are.";
    /** Said before a fall alert. */
    public static final String HAVE_YOU_FALLEN = "Have you fallen? Press your button if you are OK.";

    public WarningNotice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alertType, "alertType");
        Objects.requireNonNull(warnedAt, "warnedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(text, "text");
    }

    /** The notice of a stored warning. */
    public static WarningNotice of(UnpublishedWarning w) {
        boolean fall = w.type() == AlertType.FALL_WEARABLE || w.type() == AlertType.FALL_RADAR;
        String text = fall ? HAVE_YOU_FALLEN : ARE_YOU_OK;
        return new WarningNotice(Long.toString(w.id()), w.type().code(), w.warnedAt(), w.deadline(), text);
    }

    /** The time the resident has to answer. */
    public Duration window() {
        return Duration.between(warnedAt, deadline);
    }
}
