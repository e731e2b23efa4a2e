package org.hearth.simulator.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What one home's run did, as the simulator saw it (what the care record received is read separately).
 *
 * @param script        the home's script
 * @param gatewayId     its gateway's id: every alert identifier of this home starts with it and a colon
 * @param activity      resident activity per local day and hour ([day][hour]), for the heatmap
 * @param published     sensor messages published
 * @param alertsRaised  alerts the gateway raised (by its own count, across restarts)
 * @param error         why the home could not be played to the end, if it could not
 */
public record HomeRun(HomeScript script, String gatewayId, int[][] activity, long published, long alertsRaised,
        Optional<String> error) {

    /** Counts the resident's activity stimuli into a [day][hour] grid of local time. */
    public static int[][] activityGrid(List<Stimulus> stimuli, Scenario scenario) {
        ZoneId zone = scenario.zone();
        int[][] grid = new int[scenario.days()][24];
        for (Stimulus s : stimuli) {
            if (!s.action().isActivity()) {
                continue;
            }
            var local = s.at().atZone(zone);
            long day = ChronoUnit.DAYS.between(scenario.start(), local.toLocalDate());
            if (day >= 0 && day < scenario.days()) {
                grid[(int) day][local.getHour()]++;
            }
        }
        return grid;
    }

    /** The instant the run's home ended. */
    static Instant end(Scenario scenario) {
        return RoutinePlanner.runEnd(scenario);
    }
}
