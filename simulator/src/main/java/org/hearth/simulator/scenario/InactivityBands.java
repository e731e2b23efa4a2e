package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The inactivity bands written into every simulated home's gateway config, so that the ground truth can say by when
 * a collapse must have been noticed. The night band runs to 09:00: the silence of a night's sleep is judged by the
 * morning band once it starts, so it must start after the resident is normally up.
 */
public final class InactivityBands {
    /** A band: from {@code start} (local) the resident may be quiet for {@code allowance}. */
    public record Band(LocalTime start, Duration allowance) {}

    public static final List<Band> BANDS = List.of(
            new Band(LocalTime.of(9, 0), Duration.ofHours(3)),
            new Band(LocalTime.of(12, 0), Duration.ofHours(3)),
            new Band(LocalTime.of(18, 0), Duration.ofHours(4)),
            new Band(LocalTime.of(22, 0), Duration.ofHours(11)));

    private InactivityBands() {}

    /** The allowance in force at {@code t}. */
    public static Duration allowanceAt(Instant t, ZoneId zone) {
        LocalTime local = t.atZone(zone).toLocalTime();
        Band current = BANDS.get(BANDS.size() - 1);
        for (Band b : BANDS) {
            if (!local.isBefore(b.start())) {
                current = b;
            }
        }
        return current.allowance();
    }

    /**
     * The latest a silence starting at {@code quietFrom} can run before the rules must have fired: the allowance at
     * its start or at the end of that allowance, whichever is longer (a band may change on the way).
     */
    public static Duration worstCase(Instant quietFrom, ZoneId zone) {
        Duration first = allowanceAt(quietFrom, zone);
        Duration second = allowanceAt(quietFrom.plus(first), zone);
        return first.compareTo(second) >= 0 ? first : second;
    }

    /** The YAML of the bands, for the gateway config. */
    public static String yaml() {
        StringBuilder sb = new StringBuilder("inactivity:\n  bands:\n");
        for (Band b : BANDS) {
            sb.append("    - { start: \"").append(b.start()).append("\", allowance: ")
                    .append(b.allowance().toMinutes()).append("m }\n");
        }
        return sb.toString();
    }
}
