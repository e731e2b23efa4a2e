package org.hearth.rules.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one local day looked like.
 *
 * <p><b>Hours on clock-change days.</b> Slot {@code h} of {@link #activityByHour()} counts the activity whose local
 * wall-clock hour is {@code h}. On the 25-hour day (last Sunday of October in the UK) the repeated hour 01:00–02:00
 * happens twice and both occurrences count in slot 1, so that a nurse reading "01:00" sees all of it; on the
 * 23-hour day (last Sunday of March) 01:00–02:00 does not exist and slot 1 is 0. Every activity of the day is
 * counted exactly once, so the slots always add up to the day's activity.
 *
 * @param date               the local day
 * @param zone               the home's time zone
 * @param start              local midnight starting the day
 * @param end                local midnight ending it (23, 24 or 25 hours later)
 * @param nightStart         start of the night window for {@link #nightBathroomVisits()} (the evening before)
 * @param nightEnd           end of that window (the morning of the day)
 * @param activityByHour     activity events by local hour, 24 slots, see above; immutable
 * @param roomTransitions    moves from one room to another during the day
 * @param nightBathroomVisits bathroom visits in the night window
 * @param timeInBed          time a bed mat carried someone during the day
 * @param timeOutOfHome      time out of the home during the day
 * @param firstActivity      the day's first activity, null if none
 * @param lastActivity       the day's last activity, null if none
 * @param kettleUses         appliance (kettle) switch-ons
 * @param cancelledWarnings  staged warnings cancelled with "I'm OK"
 * @param deviations         measures far from the resident's baseline, in {@link Measure} order; immutable
 */
public record DailySummary(LocalDate date, ZoneId zone, Instant start, Instant end, Instant nightStart,
                           Instant nightEnd, List<Integer> activityByHour, int roomTransitions,
                           int nightBathroomVisits, Duration timeInBed, Duration timeOutOfHome, Instant firstActivity,
                           Instant lastActivity, int kettleUses, int cancelledWarnings, List<Deviation> deviations) {

    /**
     * Validates the summary and copies the lists.
     *
     * @throws NullPointerException     if a component other than the first and last activity is null
     * @throws IllegalArgumentException if there are not 24 hourly slots
     */
    public DailySummary {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(nightStart, "nightStart");
        Objects.requireNonNull(nightEnd, "nightEnd");
        Objects.requireNonNull(timeInBed, "timeInBed");
        Objects.requireNonNull(timeOutOfHome, "timeOutOfHome");
        activityByHour = List.copyOf(activityByHour);
        if (activityByHour.size() != 24) {
            throw new IllegalArgumentException("need 24 hourly slots, not " + activityByHour.size());
        }
        deviations = deviations == null ? List.of() : List.copyOf(deviations);
    }

    /**
     * The day's activity events.
     *
     * @return the sum of the hourly slots
     */
    public int activityCount() {
        return activityByHour.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * A measure's value in its unit: counts, minutes, or minutes after midnight on the local wall clock.
     *
     * @param measure the measure
     * @return the value; empty for the first or last activity of a day without any
     */
    public OptionalDouble value(Measure measure) {
        return switch (measure) {
            case ACTIVITY -> OptionalDouble.of(activityCount());
            case ROOM_TRANSITIONS -> OptionalDouble.of(roomTransitions);
            case NIGHT_BATHROOM_VISITS -> OptionalDouble.of(nightBathroomVisits);
            case TIME_IN_BED -> OptionalDouble.of(timeInBed.toSeconds() / 60.0);
            case TIME_OUT_OF_HOME -> OptionalDouble.of(timeOutOfHome.toSeconds() / 60.0);
            case FIRST_ACTIVITY -> clockMinutes(firstActivity);
            case LAST_ACTIVITY -> clockMinutes(lastActivity);
            case KETTLE_USES -> OptionalDouble.of(kettleUses);
            case CANCELLED_WARNINGS -> OptionalDouble.of(cancelledWarnings);
        };
    }

    /**
     * The length of the day.
     *
     * @return 23, 24 or 25 hours in a zone like Europe/London
     */
    public Duration length() {
        return Duration.between(start, end);
    }

    /**
     * This summary with its deviations.
     *
     * @param found the deviations
     * @return the new summary
     */
    public DailySummary withDeviations(List<Deviation> found) {
        return new DailySummary(date, zone, start, end, nightStart, nightEnd, activityByHour, roomTransitions,
                nightBathroomVisits, timeInBed, timeOutOfHome, firstActivity, lastActivity, kettleUses,
                cancelledWarnings, found);
    }

    private OptionalDouble clockMinutes(Instant at) {
        if (at == null) {
            return OptionalDouble.empty();
        }
        var local = at.atZone(zone).toLocalTime();
        return OptionalDouble.of(local.getHour() * 60 + local.getMinute() + local.getSecond() / 60.0);
    }
}
