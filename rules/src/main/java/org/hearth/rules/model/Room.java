package org.hearth.rules.model;

/** The room a sensor is in, as far as the rules care. */
public enum Room {
    /** Bathroom or toilet. */
    BATHROOM,
    /** Bedroom. */
    BEDROOM,
    /** Kitchen. */
    KITCHEN,
    /** Living room, lounge, sitting room. */
    LIVING,
    /** Hall, landing, entrance, stairs. */
    HALL,
    /** Any other room, or not known. */
    OTHER
}
