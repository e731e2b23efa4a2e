package org.hearth.rules.model;

import java.util.Locale;

/**
 * How fast a human must respond to an alert, in the terms of FHIR {@code Task.priority}. Declared from most to
 * least urgent, so the natural order of the constants is the order in which alerts go upstream.
 */
public enum Priority {
    /** Respond at once (for example: a help button was pressed). */
    STAT,
    /** Respond soon (for example: prolonged inactivity). */
    URGENT,
    /** Normal handling (for example: a daily summary, monitoring degraded). */
    ROUTINE;

    /**
     * The FHIR R4 {@code request-priority} code.
     *
     * @return {@code "stat"}, {@code "urgent"} or {@code "routine"}
     */
    public String fhirCode() {
        return name().toLowerCase(Locale.ROOT);
    }
}
