package org.hearth.gateway.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.inactivity.LimitBand;
import org.hearth.rules.inactivity.QuietContext;
import org.hearth.rules.inactivity.RoutinePolicy;

/**
 * The learnt-routine policy of a home from its configured {@code inactivity.bands}: the clinician's bands stay the
 * word on silence at home, the learnt routine only tightens it.
 *
 * <p>At home and off the mats, each configured band becomes a {@link LimitBand} whose fallback (applied during the
 * first {@link org.hearth.rules.inactivity.RoutineLearning#learningPeriod()}, so a new installation behaves exactly
 * as the fixed bands did) and ceiling are the configured allowance, and whose floor is
 * {@link RoutinePolicy#ukDefault}'s at that time of day (never above the allowance). In bed, in a chair and out, the
 * contexts the bands never described, {@link RoutinePolicy#ukDefault}'s limits apply.
 */
public final class ClinicianLimits {

    private ClinicianLimits() {
    }

    /**
     * The routine policy of a home.
     *
     * @param bands the configured inactivity bands (and the home's zone)
     * @return the policy
     */
    public static RoutinePolicy routinePolicy(InactivityPolicy bands) {
        RoutinePolicy defaults = RoutinePolicy.ukDefault(bands.zone());
        Map<QuietContext, List<LimitBand>> limits = new EnumMap<>(defaults.limits());
        limits.put(QuietContext.AT_HOME, bands.bands().stream().map(b -> {
            Duration floor = defaults.limitAt(QuietContext.AT_HOME, b.start()).floor();
            Duration allowed = b.allowance();
            return new LimitBand(b.start(), floor.compareTo(allowed) < 0 ? floor : allowed, allowed, allowed);
        }).toList());
        return new RoutinePolicy(bands.zone(), limits, defaults.learning(), defaults.awayAfter());
    }
}
