package org.hearth.gateway.store;

import java.util.Locale;

/**
 * Where an alert is in its life: {@code raised → sent → accepted → completed}, or {@code rejected}, {@code cancelled}
 * or {@code failed} as the community team's Task says; or {@code cancelled_by_resident}, never sent, when the resident
 * answered the local warning that preceded it. Stored by its {@link #code()}.
 */
public enum AlertState {
    /** Committed by the gateway, not yet in the care record. */
    RAISED,
    /** The care record holds its Observation and Task; nobody has taken it on yet. */
    SENT,
    /** The team took it on (Task received, accepted or in progress). */
    ACCEPTED,
    /** The team finished it. */
    COMPLETED,
    /** The team declined it. */
    REJECTED,
    /** The Task was cancelled (or entered in error). */
    CANCELLED,
    /** The team tried and could not do it. */
    FAILED,
    /**
     * Never sent: the resident answered the local warning in time ("I'm OK"). Kept for the record and the daily
     * summary; it has no outbox row and never reaches the care record.
     */
    CANCELLED_BY_RESIDENT;

    /** The stored, lower-case code, e.g. {@code accepted}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state stored as {@code code}.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static AlertState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** True while nobody has taken the alert on: the only states in which it may be escalated. */
    public boolean awaitsAcceptance() {
        return this == RAISED || this == SENT;
    }

    /** True once the care record holds it and the team's answer may still change it: worth polling for. */
    public boolean awaitsTeam() {
        return this == SENT || this == ACCEPTED;
    }
}
