package org.hearth.rules.model;

/** The room a sensor is in, as far as the rules care. */
public enum Room {
    /** Bathroom or toilet. */
    BATHROOM("bathroom"),
    /** Bedroom. */
    BEDROOM("bedroom"),
    /** Kitchen. */
    KITCHEN("kitchen"),
    /** Living room, lounge, sitting room. */
    LIVING("living room"),
    /** Hall, landing, entrance, stairs. */
    HALL("hall"),
    /** Any other room, or not known. */
    OTHER("other room");

    private final String label;

    Room(String label) {
        this.label = label;
    }

    /**
     * How a nurse would name the room in a sentence.
     *
     * @return for example {@code "living room"}
     */
    public String label() {
        return label;
    }
}
