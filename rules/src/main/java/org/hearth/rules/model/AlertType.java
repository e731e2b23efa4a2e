package org.hearth.rules.model;

/**
 * The kinds of alert the rules raise, each with a stable code (used in {@link Alert#key()} and upstream as the
 * alert's code) and the priority it is sent with.
 */
public enum AlertType {
    /** A help button was pressed: immediate, no learning, no cancel. */
    HELP_BUTTON("help-button-pressed", Priority.STAT),
    /** No activity for longer than the resident's policy allows at that time of day. */
    PROLONGED_INACTIVITY("prolonged-inactivity", Priority.URGENT),
    /** The home cannot be watched as it should (e.g. the gateway's storage is full): for the installer, not an emergency. */
    MONITORING_DEGRADED("monitoring-degraded", Priority.ROUTINE),
    /**
     * A worn accelerometer saw a fall: an impact, then the wearer lying still in an orientation far from the one
     * they had before it (see {@code org.hearth.rules.fall.WearableFallDetector}).
     */
    FALL_WEARABLE("fall-detected", Priority.STAT),
    /**
     * A radar reported a fall and then saw no movement for its confirmation window (see
     * {@code org.hearth.rules.fall.RadarFallConfirmer}).
     */
    FALL_RADAR("fall-detected-radar", Priority.STAT),
    /**
     * The resident went out (front door, then silence inside) and has not come back for far longer than their
     * outings usually last at that time of day. Also what a collapse just inside the front door looks like.
     */
    PROLONGED_ABSENCE("prolonged-absence", Priority.URGENT),
    /** In the bathroom far longer than this resident's usual stays (see {@code org.hearth.rules.routine}). */
    BATHROOM_DWELL("bathroom-dwell", Priority.URGENT),
    /** Got out of bed at night and not back in bed within the time a night trip usually takes. */
    BED_EXIT_NO_RETURN("bed-exit-no-return", Priority.URGENT),
    /** The front door was opened at night and the resident did not come back in at once: a wandering risk. */
    DOOR_OPEN_NIGHT("door-open-night", Priority.URGENT),
    /** No kitchen, kettle or bathroom activity by the time the resident's day usually starts, plus a margin. */
    MISSED_MORNING_ROUTINE("missed-morning-routine", Priority.URGENT);

    private final String code;
    private final Priority priority;

    AlertType(String code, Priority priority) {
        this.code = code;
        this.priority = priority;
    }

    /**
     * The stable, lower-kebab-case code of this type. It is part of every alert's business identifier, so it
     * must never change once alerts have been sent.
     *
     * @return the code, for example {@code "help-button-pressed"}
     */
    public String code() {
        return code;
    }

    /**
     * The priority alerts of this type are sent with.
     *
     * @return the priority
     */
    public Priority priority() {
        return priority;
    }
}
