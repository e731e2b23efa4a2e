package org.hearth.rules.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.hearth.rules.inactivity.Allowance;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.inactivity.LimitBand;
import org.hearth.rules.inactivity.QuietBand;
import org.hearth.rules.inactivity.QuietContext;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.inactivity.Situation;
import org.hearth.rules.model.Room;
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

    /**
     * The sentence of an alert judged against the learnt routine: what was quiet since when and where, then what is
     * normal and what was allowed. For example {@code "No activity for 0h 55m since 10:31 (motion in kitchen-motion),
     * at home and not in bed or a chair, last seen in the kitchen; lately the longest quiet spell around this time of
     * day was 0h 22m, so 0h 55m (2.5 times that) was allowed (Europe/London)"}, or for an absence {@code "Out for 8h
     * 00m since 12:00 (contact closed at front-door), nothing moving at home since; this resident is rarely out at
     * this time of day, so the clinician's minimum of 8h 00m was allowed (Europe/London)"}.
     */
    static String routine(SensorEvent last, Situation situation, Instant deadline, Optional<SensorEvent> restingOn,
            Allowance allowance, RoutinePolicy policy) {
        QuietContext context = situation.context();
        Room room = situation.room();
        ZoneId zone = policy.zone();
        String since = localTime(last.at(), zone, deadline) + " (" + activity(last) + " " + last.sensorId() + ")";
        String what = switch (context) {
            case AWAY -> "Out for " + duration(Duration.between(last.at(), deadline)) + " since " + since
                    + ", nothing moving at home since";
            case AT_HOME -> quiet(last, deadline) + since + (situation.justGotUp() ? ", not seen since getting up"
                    : ", at home and not in bed or a chair")
                    + (room == Room.OTHER ? "" : ", last seen in the " + room.label());
            case IN_BED -> quiet(last, deadline) + since + ", in bed" + restingSince(last, restingOn, deadline, zone);
            case IN_CHAIR -> quiet(last, deadline) + since + ", in a chair"
                    + restingSince(last, restingOn, deadline, zone);
        };
        return what + "; " + basis(allowance, situation, policy) + " (" + zone.getId() + ")";
    }

    private static String situation(QuietContext context) {
        return switch (context) {
            case AT_HOME -> "up and about";
            case IN_CHAIR -> "in a chair";
            case IN_BED -> "in bed";
            case AWAY -> "out";
        };
    }

    private static String quiet(SensorEvent last, Instant deadline) {
        return "No activity for " + duration(Duration.between(last.at(), deadline)) + " since ";
    }

    private static String restingSince(SensorEvent last, Optional<SensorEvent> restingOn, Instant deadline,
            ZoneId zone) {
        if (restingOn.isEmpty()) {
            return "";
        }
        SensorEvent mat = restingOn.get();
        return mat.equals(last) ? "" : " since " + localTime(mat.at(), zone, deadline) + " (" + mat.sensorId() + ")";
    }

    private static String basis(Allowance a, Situation situation, RoutinePolicy policy) {
        QuietContext context = situation.context();
        String allowed = duration(a.allowed());
        LimitBand band = a.band();
        String bandText = policy.limits(context).size() == 1 ? "all day"
                : TIME.format(band.start()) + "-" + TIME.format(policy.endOf(context, band));
        String normal = normal(a, situation, policy.learning().quantile());
        return switch (a.basis()) {
            case FIXED -> "allowed " + allowed + (bandText.equals("all day") ? " all day" : " in band " + bandText);
            case LEARNING -> "still learning this resident's routine, so the clinician's " + allowed + " for "
                    + bandText + " was allowed";
            case RARE -> "this resident is rarely " + situation(context) + " at this time of day, so the clinician's "
                    + "minimum of " + allowed + " was allowed";
            case LEARNT -> normal + ", so " + allowed + " (" + factor(policy.learning().margin())
                    + " times that) was allowed";
            case FLOOR -> normal + ", so the clinician's minimum of " + allowed + " was allowed";
            case CEILING -> normal + ", so the clinician's maximum of " + allowed + " was allowed";
        };
    }

    /** For example "lately the longest quiet spell around this time of day was 0h 40m". */
    private static String normal(Allowance a, Situation situation, double quantile) {
        String what = switch (situation.context()) {
            case AWAY -> "time out";
            case IN_BED -> "quiet spell in bed";
            case IN_CHAIR -> "quiet spell in a chair";
            case AT_HOME -> situation.justGotUp() ? "quiet spell after getting up" : "quiet spell";
        };
        String often = quantile >= 0.99 ? "lately the longest " + what + " around this time of day was "
                : "on " + Math.round(quantile * 100) + "% of days the longest " + what
                + " around this time of day was at most ";
        return often + duration(a.learntNormal());
    }

    private static String factor(double margin) {
        return margin == Math.rint(margin) ? String.valueOf((long) margin) : String.valueOf(margin);
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
            case OCCUPIED -> "sat or lay down on";
            case VACATED -> "got up from";
            case APPLIANCE_ON -> "switched on";
            case FLUSH -> "flushed";
            case RESIDENT_OK -> "answered a warning on";
            case NO_MOTION, SENSOR_ONLINE, SENSOR_OFFLINE, APPLIANCE_OFF, RADAR_FALL, HEARTBEAT, BATTERY, BATTERY_LOW,
                    TAMPER, BRIDGE_ONLINE, BRIDGE_OFFLINE, POWER_SOURCE ->
                    e.kind().name().toLowerCase(Locale.ROOT) + " from";
        };
    }
}
