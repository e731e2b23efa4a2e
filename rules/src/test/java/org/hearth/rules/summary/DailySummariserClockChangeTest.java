package org.hearth.rules.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.model.EventKind.MOTION;
import static org.hearth.rules.model.EventKind.OCCUPIED;
import static org.hearth.rules.model.EventKind.VACATED;
import static org.hearth.rules.summary.Days.at;
import static org.hearth.rules.summary.Days.ev;
import static org.hearth.rules.summary.Days.summariser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two UK clock-change days of 2026: 29 March (23 hours) and 25 October (25 hours). */
class DailySummariserClockChangeTest {
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);

    @Test
    void theSpringDayHas23HoursAndNoHourOne() {
        var events = List.of(
                ev("bed-mat", OCCUPIED, at(SPRING.minusDays(1), "23:00")),
                ev("bathroom-motion", MOTION, at(SPRING, "00:30")),
                ev("bathroom-motion", MOTION, at(SPRING, "02:30")),   // 01:30 GMT: the clock jumped at 01:00
                ev("bed-mat", VACATED, at(SPRING, "07:00")),
                ev("kitchen-motion", MOTION, at(SPRING, "23:59")));

        DailySummary s = summariser().summarise(SPRING, events, 0);

        assertThat(s.length()).isEqualTo(Duration.ofHours(23));
        assertThat(s.activityByHour().get(1)).isZero();
        assertThat(s.activityByHour().get(0)).isEqualTo(1);
        assertThat(s.activityByHour().get(2)).isEqualTo(1);
        assertThat(s.activityCount()).isEqualTo(5 - 1);   // the 23:00 occupancy was the evening before
        // In bed from midnight to 07:00 local: six real hours on this day.
        assertThat(s.timeInBed()).isEqualTo(Duration.ofHours(6));
        assertThat(s.nightBathroomVisits()).isEqualTo(2);
        assertThat(s.nightEnd()).isEqualTo(at(SPRING, "07:00"));
        assertThat(s.lastActivity()).isEqualTo(at(SPRING, "23:59"));
    }

    @Test
    void theAutumnDayHas25HoursAndCountsTheRepeatedHourInSlotOne() {
        var events = List.of(
                ev("bed-mat", OCCUPIED, at(AUTUMN.minusDays(1), "23:00")),
                ev("bathroom-motion", MOTION, at(AUTUMN, "01:30", 1)),   // first 01:30 (BST)
                ev("bathroom-motion", MOTION, at(AUTUMN, "01:30", 0)),   // second 01:30 (GMT), an hour later
                ev("bed-mat", VACATED, at(AUTUMN, "07:00")),
                ev("kitchen-motion", MOTION, at(AUTUMN, "23:59")));

        DailySummary s = summariser().summarise(AUTUMN, events, 0);

        assertThat(s.length()).isEqualTo(Duration.ofHours(25));
        assertThat(s.activityByHour().get(1)).isEqualTo(2);
        assertThat(s.activityCount()).isEqualTo(4);
        // In bed from midnight to 07:00 local: eight real hours on this day.
        assertThat(s.timeInBed()).isEqualTo(Duration.ofHours(8));
        assertThat(s.nightBathroomVisits()).isEqualTo(2);
        assertThat(s.value(Measure.FIRST_ACTIVITY)).hasValue(90.0);
    }

    @Test
    void theDaysAroundTheChangesMeetExactlyAtLocalMidnight() {
        var summariser = summariser();
        for (LocalDate day : List.of(SPRING, AUTUMN)) {
            assertThat(summariser.summarise(day.minusDays(1), List.of(), 0).end())
                    .isEqualTo(summariser.summarise(day, List.of(), 0).start());
            assertThat(summariser.summarise(day, List.of(), 0).end())
                    .isEqualTo(summariser.summarise(day.plusDays(1), List.of(), 0).start());
            assertThat(summariser.summarise(day.plusDays(1), List.of(), 0).length()).isEqualTo(Duration.ofHours(24));
        }
    }
}
