package org.hearth.gateway.config;

import java.util.Locale;
import org.hearth.rules.model.Room;

/** Reads the installer's free-text room names ("Lounge", "en-suite", "landing") as the rooms the rules know. */
final class Rooms {

    private Rooms() {}

    /**
     * The rules' room for an installer's room name.
     *
     * @param name the configured room, e.g. {@code kitchen}; null or unknown names give {@link Room#OTHER}
     * @return the room
     */
    static Room of(String name) {
        if (name == null) {
            return Room.OTHER;
        }
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.contains("bath") || n.contains("toilet") || n.equals("wc") || n.contains("ensuite")
                || n.contains("shower") || n.contains("lavatory")) {
            return Room.BATHROOM;
        }
        if (n.contains("bed")) {
            return Room.BEDROOM;
        }
        if (n.contains("kitchen")) {
            return Room.KITCHEN;
        }
        if (n.contains("living") || n.contains("lounge") || n.contains("sitting") || n.contains("dining")) {
            return Room.LIVING;
        }
        if (n.contains("hall") || n.contains("landing") || n.contains("entrance") || n.contains("stairs")
                || n.contains("porch")) {
            return Room.HALL;
        }
        return Room.OTHER;
    }
}
