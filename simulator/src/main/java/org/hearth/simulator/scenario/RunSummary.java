package org.hearth.simulator.scenario;

import java.util.Locale;

/**
 * A run at a glance.
 *
 * @param scenario    the scenario as run (after --days/--seed)
 * @param homes       homes played
 * @param wallSeconds wall time the homes took to play (not counting the care record's start)
 */
public record RunSummary(Scenario scenario, int homes, double wallSeconds) {

    /** Home-days per second of wall time. */
    public double homeDaysPerSecond() {
        return homes * (double) scenario.days() / Math.max(wallSeconds, 1e-3);
    }

    /** {@code H homes × D days in S s = R home-days/s}. */
    public String speedLine() {
        return String.format(Locale.ROOT, "%d homes × %d days in %.1f s = %.2f home-days/s", homes, scenario.days(),
                wallSeconds, homeDaysPerSecond());
    }
}
