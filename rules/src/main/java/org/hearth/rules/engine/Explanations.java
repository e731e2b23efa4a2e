package org.hearth.rules.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.inactivity.QuietBand;
import org.hearth.rules.model.SensorEvent;

/**
 * The sentences in {@link org.hearth.rules.model.Evidence#explanation()}. They hold sensor ids, local times and
 * thresholds only; never event details or anything about the person.
 */
final class Explanations {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Explanations() {
    }

    /** For example {@code "Help button pressed on hall-button at 10:02 (Europe/London)"}. */
    static String helpButton(SensorEvent press, ZoneId zone) {
        return "Help button pressed on " + press.sensorId() + " at " + localTime(press.at(), zone, press.at())
                + " (" + zone.getId() + ")";
    }

    /**
     * For example {@code "No activity for 3h 05m since 10:02 (motion in kitchen-motion); allowed 3h 00m in band
     * 09:00-12:00 (Europe/London)"}. The time of the last activity carries its date when that differs from the
     * deadline's local date.
     */
    static String inactivity(SensorEvent last, Instant deadline, InactivityPolicy policy) {
        ZoneId zone = policy.zone();
        QuietBand band = policy.bandAt(deadline);
        String bandText = policy.bands().size() == 1
                ? "all day"
                : "band " + TIME.format(band.start()) + "-" + TIME.format(policy.endOf(band));
        return "No activity for " + duration(Duration.between(last.at(), deadline))
                + " since " + localTime(last.at(), zone, deadline)
                + " (" + activity(last) + " " + last.sensorId() + ")"
                + "; allowed " + duration(band.allowance()) + " in " + bandText + " (" + zone.getId() + ")";
    }

    /** {@code "3h 05m"}, with {@code " 07s"} appended when there are whole seconds. */
    static String duration(Duration d) {
        String text = String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
        return d.toSecondsPart() == 0 ? text : text + String.format(Locale.ROOT, " %02ds", d.toSecondsPart());
    }

    /**
     * Local {@code HH:mm}, dated when its local date differs from {@code reference}'s, and with its UTC offset
     * when the clocks went back and the same wall time happened twice.
     */
    static String localTime(Instant t, ZoneId zone, Instant reference) {
        ZonedDateTime local = t.atZone(zone);
        LocalDateTime wall = local.toLocalDateTime();
        String text = wall.toLocalDate().equals(reference.atZone(zone).toLocalDate())
                ? TIME.format(wall)
                : DATE_TIME.format(wall);
        if (zone.getRules().getValidOffsets(wall).size() > 1) {
            ZoneOffset offset = local.getOffset();
            text += " UTC" + (offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId());
        }
        return text;
    }

    private static String activity(SensorEvent e) {
        return switch (e.kind()) {
            case MOTION -> "motion in";
            case CONTACT_OPEN -> "contact opened at";
            case CONTACT_CLOSED -> "contact closed at";
            case BUTTON -> "button pressed on";
            case NO_MOTION, SENSOR_ONLINE, SENSOR_OFFLINE, RADAR_FALL -> e.kind().name().toLowerCase(Locale.ROOT) + " from";
        };
    }
}
