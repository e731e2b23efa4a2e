package org.hearth.simulator.evaluate;

import java.util.Locale;

/** The {@code Type} column of a UCI ADL sensors file: what an activation interval means. */
public enum UciSensorType {
    /** Motion detected continuously from start to end. */
    PIR,
    /** Reed switch open from start to end (a door, fridge or cupboard opened ... closed). */
    MAGNETIC,
    /** Pressure mat carrying someone from start to end. */
    PRESSURE,
    /** A toilet flush (the interval is the cistern refilling). */
    FLUSH,
    /** An appliance drawing power from start to end. */
    ELECTRIC,
    /** A type this reader does not know: its start still counts as someone doing something. */
    UNKNOWN;

    /**
     * The type named in a file.
     *
     * @param text the {@code Type} column, any case
     * @return the type, {@link #UNKNOWN} if not one of the above
     */
    public static UciSensorType parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "pir" -> PIR;
            case "magnetic" -> MAGNETIC;
            case "pressure" -> PRESSURE;
            case "flush" -> FLUSH;
            case "electric" -> ELECTRIC;
            default -> UNKNOWN;
        };
    }
}
