package org.hearth.rules.inactivity;

import java.util.Locale;
import java.util.Objects;
import org.hearth.rules.model.Room;

/**
 * What the resident was doing when the home went quiet: the unit the routine is learnt in. Where the resident was
 * last seen decides what a silence means. Quiet after moving into the living room is often someone sitting where no
 * mat is; quiet right after getting up from a bed or chair is not, since a person who stands up walks somewhere
 * within a minute or two; quiet in the bathroom rarely lasts.
 *
 * @param context    the context of the quiet period
 * @param room       for {@link QuietContext#AT_HOME}, the room of the last activity; {@link Room#OTHER} otherwise
 * @param justGotUp  for {@link QuietContext#AT_HOME}, whether the last activity was getting up from a bed or chair;
 *                   false otherwise
 */
public record Situation(QuietContext context, Room room, boolean justGotUp) {

    /**
     * Validates the situation.
     *
     * @param context see the record description
     * @param room see the record description
     * @param justGotUp see the record description
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a room or {@code justGotUp} is given for a context other than at home
     */
    public Situation {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(room, "room");
        if (context != QuietContext.AT_HOME && (room != Room.OTHER || justGotUp)) {
            throw new IllegalArgumentException("only the AT_HOME context has a room and a getting-up");
        }
    }

    /**
     * The situation of a quiet period in {@code context} after an activity in {@code room}.
     *
     * @param context   the context
     * @param room      the room of the last activity
     * @param justGotUp whether the last activity was getting up from a bed or chair
     * @return the situation, with room and getting-up kept for {@link QuietContext#AT_HOME} only
     */
    public static Situation of(QuietContext context, Room room, boolean justGotUp) {
        return context == QuietContext.AT_HOME ? new Situation(context, room, justGotUp)
                : new Situation(context, Room.OTHER, false);
    }

    /**
     * A situation without room, for contexts other than at home (and at home somewhere unknown).
     *
     * @param context the context
     * @return the situation
     */
    public static Situation of(QuietContext context) {
        return of(context, Room.OTHER, false);
    }

    /**
     * A stable text key, used to store the routine: for example {@code "at-home/living/got-up"},
     * {@code "at-home/kitchen"}, {@code "in-bed"}.
     *
     * @return the key
     */
    public String key() {
        String base = context.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (context != QuietContext.AT_HOME) {
            return base;
        }
        return base + "/" + room.name().toLowerCase(Locale.ROOT) + (justGotUp ? "/got-up" : "");
    }
}
