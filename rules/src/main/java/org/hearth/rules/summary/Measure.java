package org.hearth.rules.summary;

/**
 * One figure of a daily summary, as the resident's sharing settings and the care record name it.
 *
 * <p>{@link #spreadFloor()} is the smallest spread a deviation is judged against, in the measure's own unit: a
 * resident who never goes to the bathroom at night has a spread of zero, and one visit must not then count as
 * infinitely unusual. It is the resolution below which a change means nothing clinically.
 */
public enum Measure {
    /** Activity events in the day, also reported by local hour. */
    ACTIVITY("activity", Unit.PER_DAY, 10),
    /** Moves from one room to another. */
    ROOM_TRANSITIONS("room-transitions", Unit.PER_DAY, 3),
    /** Bathroom visits in the night that ended on the morning of the day. */
    NIGHT_BATHROOM_VISITS("night-bathroom-visits", Unit.PER_DAY, 1),
    /** Minutes a bed mat carried someone. */
    TIME_IN_BED("time-in-bed", Unit.MINUTES, 30),
    /** Minutes out of the home (front door, then silence until the next activity inside). */
    TIME_OUT_OF_HOME("time-out-of-home", Unit.MINUTES, 30),
    /** Local clock time of the first activity, as minutes after midnight on the wall clock. */
    FIRST_ACTIVITY("first-activity", Unit.TIME_OF_DAY, 30),
    /** Local clock time of the last activity, as minutes after midnight on the wall clock. */
    LAST_ACTIVITY("last-activity", Unit.TIME_OF_DAY, 30),
    /** Times an appliance (kettle) was switched on. */
    KETTLE_USES("kettle-uses", Unit.PER_DAY, 1),
    /** Staged warnings the resident cancelled with "I'm OK". */
    CANCELLED_WARNINGS("cancelled-warnings", Unit.PER_DAY, 1);

    /** What a measure's value counts. */
    public enum Unit {
        /** A count for the day (UCUM {@code /d}). */
        PER_DAY,
        /** A duration in minutes (UCUM {@code min}). */
        MINUTES,
        /** A local clock time; its baseline runs on minutes after midnight. */
        TIME_OF_DAY
    }

    private final String code;
    private final Unit unit;
    private final double spreadFloor;

    Measure(String code, Unit unit, double spreadFloor) {
        this.code = code;
        this.unit = unit;
        this.spreadFloor = spreadFloor;
    }

    /**
     * The measure's stable name, used in config and in business identifiers.
     *
     * @return for example {@code "night-bathroom-visits"}
     */
    public String code() {
        return code;
    }

    /**
     * What the value counts.
     *
     * @return the unit
     */
    public Unit unit() {
        return unit;
    }

    /**
     * The smallest spread a deviation is judged against, see the class description.
     *
     * @return the floor, in the measure's unit
     */
    public double spreadFloor() {
        return spreadFloor;
    }

    /**
     * The measure with the given code.
     *
     * @param code a code as returned by {@link #code()}
     * @return the measure
     * @throws IllegalArgumentException if no measure has that code
     */
    public static Measure ofCode(String code) {
        for (Measure m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown summary measure: " + code);
    }
}
