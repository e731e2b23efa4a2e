package org.hearth.rules.health;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.rules.model.SensorRole;

/**
 * What a home's sensors cannot tell apart, judged from its layout before anything happens: for the installer and the
 * clinician, so that a home that cannot see does not look safe.
 *
 * <p>The rules learn where silence is normal from the mats and the front door. Measured on the shared UCI home with
 * each sensor removed in turn ({@code hearth-simulator evaluate-homes --ablate}): without the bed mat, 21 false alerts in
 * 21 days (every morning a late riser's sleep looked like a collapse); without the front-door contact, 11 (outings looked
 * like silence at home); without the seat mat, the median delay to detect a daytime collapse rose from 46 to 165 min.
 * Any other single sensor changed little. Those three roles are therefore essential; motion in the rooms a person
 * collapses in most (bathroom, bedroom) is strongly advised.
 */
public final class CoverageGaps {

    private static final Set<Room> ADVISED_MOTION = EnumSet.of(Room.BATHROOM, Room.BEDROOM, Room.KITCHEN, Room.LIVING);

    private CoverageGaps() {
    }

    /**
     * One gap.
     *
     * @param essential whether the rules' figures depend on it (else: advised)
     * @param code      a stable short code, e.g. {@code no-bed-mat}
     * @param sentence  what it means for the resident, in one sentence
     */
    public record Gap(boolean essential, String code, String sentence) {

        /**
         * Validates the gap.
         *
         * @param essential see the record description
         * @param code see the record description
         * @param sentence see the record description
         */
        public Gap {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(sentence, "sentence");
        }
    }

    /**
     * The gaps of a layout, essential ones first.
     *
     * @param layout the home's sensors
     * @return the gaps; empty for a well-covered home
     */
    public static List<Gap> of(HomeLayout layout) {
        Objects.requireNonNull(layout, "layout");
        Set<SensorRole> roles = EnumSet.noneOf(SensorRole.class);
        Set<Room> motion = EnumSet.noneOf(Room.class);
        for (SensorPlacement p : layout.sensors().values()) {
            roles.add(p.role());
            if (p.role() == SensorRole.MOTION) {
                motion.add(p.room());
            }
        }
        List<Gap> gaps = new ArrayList<>();
        if (!roles.contains(SensorRole.BED)) {
            gaps.add(new Gap(true, "no-bed-mat", "No bed mat: a night's sleep cannot be told from lying still after a "
                    + "fall, so nights are judged by the clock alone and a late riser raises false alerts."));
        }
        if (!roles.contains(SensorRole.FRONT_DOOR)) {
            gaps.add(new Gap(true, "no-front-door", "No front-door contact: going out cannot be told from silence at "
                    + "home, so outings raise false alerts."));
        }
        if (!roles.contains(SensorRole.CHAIR)) {
            gaps.add(new Gap(true, "no-chair-mat", "No chair mat: sitting still cannot be told from lying still, so "
                    + "daytime collapses are detected hours later."));
        }
        for (Room room : ADVISED_MOTION) {
            if (!motion.contains(room)) {
                gaps.add(new Gap(false, "no-motion-" + room.name().toLowerCase(java.util.Locale.ROOT),
                        "No motion sensor in the " + room.label() + ": quiet there is judged from the other rooms."));
            }
        }
        return List.copyOf(gaps);
    }
}
