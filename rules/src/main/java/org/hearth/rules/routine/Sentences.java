package org.hearth.rules.routine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hearth.rules.model.SensorEvent;

/** Pieces of the routine alerts' explanations: sensor ids, local times and durations only, never event details. */
final class Sentences {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Sentences() {
    }

    /** {@code "1h 05m"}. */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
    }

    /** The local time of {@code t}, with its date if that differs from the local date of {@code reference}. */
    static String localTime(Instant t, ZoneId zone, Instant reference) {
        LocalDate day = LocalDate.ofInstant(t, zone);
        return (day.equals(LocalDate.ofInstant(reference, zone)) ? TIME : DATE_TIME).format(t.atZone(zone));
    }

    /** {@code "10:02 (motion in bathroom-motion)"}. */
    static String seen(SensorEvent e, ZoneId zone, Instant reference) {
        return localTime(e.at(), zone, reference) + " (" + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " in " + e.sensorId() + ")";
    }

    /** {@code "usually the longest take up to 0h 12m, so 0h 24m (2.0 times the usual longest) was allowed"}. */
    static String allowance(StayLimits.Limit limit, String what) {
        if (limit.normal().isZero()) {
            return duration(limit.allowed()) + " was allowed (" + limit.basis() + ")";
        }
        return "usually the longest " + what + " take up to " + duration(limit.normal()) + ", so "
                + duration(limit.allowed()) + " (" + limit.basis() + ") was allowed";
    }
}
