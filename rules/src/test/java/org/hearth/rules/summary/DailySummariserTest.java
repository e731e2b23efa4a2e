package org.hearth.rules.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.model.EventKind.APPLIANCE_OFF;
import static org.hearth.rules.model.EventKind.APPLIANCE_ON;
import static org.hearth.rules.model.EventKind.CONTACT_CLOSED;
import static org.hearth.rules.model.EventKind.CONTACT_OPEN;
import static org.hearth.rules.model.EventKind.FLUSH;
import static org.hearth.rules.model.EventKind.MOTION;
import static org.hearth.rules.model.EventKind.NO_MOTION;
import static org.hearth.rules.model.EventKind.OCCUPIED;
import static org.hearth.rules.model.EventKind.VACATED;
import static org.hearth.rules.summary.Days.at;
import static org.hearth.rules.summary.Days.ev;
import static org.hearth.rules.summary.Days.summariser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

class DailySummariserTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 10);
    private static final LocalDate EVE = DAY.minusDays(1);

    @Test
    void anOrdinaryDayGivesEveryMeasure() {
        List<SensorEvent> events = List.of(
                ev("bed-mat", OCCUPIED, at(EVE, "22:30")),
                ev("bathroom-motion", MOTION, at(DAY, "03:00")),
                ev("bedroom-motion", MOTION, at(DAY, "03:10")),
                ev("bed-mat", VACATED, at(DAY, "07:15")),
                ev("kitchen-motion", MOTION, at(DAY, "07:20")),
                ev("kitchen-motion", NO_MOTION, at(DAY, "07:30")),
                ev("kettle", APPLIANCE_ON, at(DAY, "07:25")),
                ev("lounge-motion", MOTION, at(DAY, "09:00")),
                ev("bed-mat", OCCUPIED, at(DAY, "22:00")));

        DailySummary s = summariser().summarise(DAY, events, 0);

        assertThat(s.length()).isEqualTo(Duration.ofHours(24));
        // 03:00 bathroom, 03:10 bedroom, 07:15 vacated, 07:20 kitchen, 07:25 kettle, 09:00 lounge, 22:00 occupied
        assertThat(s.activityCount()).isEqualTo(7);
        assertThat(s.activityByHour().get(7)).isEqualTo(3);
        assertThat(s.firstActivity()).isEqualTo(at(DAY, "03:00"));
        assertThat(s.lastActivity()).isEqualTo(at(DAY, "22:00"));
        assertThat(s.nightBathroomVisits()).isEqualTo(1);
        // (bedroom, the evening before) -> bathroom -> bedroom -> kitchen -> lounge -> bedroom
        assertThat(s.roomTransitions()).isEqualTo(5);
        assertThat(s.timeInBed()).isEqualTo(Duration.ofMinutes(7 * 60 + 15 + 120));
        assertThat(s.kettleUses()).isEqualTo(1);
        assertThat(s.timeOutOfHome()).isZero();
    }

    @Test
    void nightBathroomVisitsAreEpisodesInTheNightWindow() {
        List<SensorEvent> events = List.of(
                ev("bathroom-motion", MOTION, at(EVE, "21:50")),   // before the night
                ev("bathroom-motion", MOTION, at(EVE, "23:00")),   // visit 1
                ev("flush", FLUSH, at(EVE, "23:04")),              // same visit
                ev("bathroom-motion", MOTION, at(DAY, "02:00")),   // visit 2
                ev("bathroom-motion", MOTION, at(DAY, "02:10")),   // same visit, 10 min gap
                ev("bedroom-motion", MOTION, at(DAY, "02:12")),
                ev("bathroom-motion", MOTION, at(DAY, "02:14")),   // visit 3: back after another room
                ev("bathroom-motion", MOTION, at(DAY, "05:00")),   // visit 4: gap over 15 min
                ev("bathroom-motion", MOTION, at(DAY, "07:30")));  // morning, not night

        assertThat(summariser().summarise(DAY, events, 0).nightBathroomVisits()).isEqualTo(4);
    }

    @Test
    void goingOutThroughTheFrontDoorCountsUntilTheReturn() {
        List<SensorEvent> events = List.of(
                ev("kitchen-motion", MOTION, at(DAY, "10:00")),
                ev("front-door", CONTACT_OPEN, at(DAY, "10:05")),
                ev("front-door", CONTACT_CLOSED, at(DAY, "10:06")),
                ev("front-door", CONTACT_OPEN, at(DAY, "12:06")),   // back two hours later
                ev("front-door", CONTACT_CLOSED, at(DAY, "12:07")),
                ev("hall-motion", MOTION, at(DAY, "12:08")),
                // a quick look outside: quiet for 5 min only, not out
                ev("front-door", CONTACT_OPEN, at(DAY, "15:00")),
                ev("front-door", CONTACT_CLOSED, at(DAY, "15:01")),
                ev("hall-motion", MOTION, at(DAY, "15:06")),
                // out in the evening, not back by midnight
                ev("front-door", CONTACT_OPEN, at(DAY, "23:00")),
                ev("front-door", CONTACT_CLOSED, at(DAY, "23:01")));

        DailySummary s = summariser().summarise(DAY, events, 0);

        assertThat(s.timeOutOfHome()).isEqualTo(Duration.ofMinutes(120 + 59));
    }

    @Test
    void anAbsenceFromTheEveningBeforeCountsFromMidnight() {
        List<SensorEvent> events = List.of(
                ev("hall-motion", MOTION, at(EVE, "20:00")),
                ev("front-door", CONTACT_OPEN, at(EVE, "20:01")),
                ev("front-door", CONTACT_CLOSED, at(EVE, "20:02")),
                ev("front-door", CONTACT_OPEN, at(DAY, "01:00")),
                ev("hall-motion", MOTION, at(DAY, "01:01")));

        assertThat(summariser().summarise(DAY, events, 0).timeOutOfHome()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aKettleReportingPowerRepeatedlyIsOneUse() {
        List<SensorEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(ev("kettle", APPLIANCE_ON, at(DAY, "07:0" + i)));
        }
        events.add(ev("kettle", APPLIANCE_OFF, at(DAY, "07:08")));
        events.add(ev("kettle", APPLIANCE_ON, at(DAY, "07:09")));   // switched on again: a second use
        events.add(ev("kettle", APPLIANCE_ON, at(DAY, "07:30")));   // never reported off, 21 min later: a third
        events.add(ev("kitchen-motion", APPLIANCE_ON, at(DAY, "08:00"))); // not an appliance: ignored

        assertThat(summariser().summarise(DAY, events, 0).kettleUses()).isEqualTo(3);
    }

    @Test
    void eventsOutsideTheSpanAndDuplicatesDoNotCount() {
        SensorEvent morning = ev("kitchen-motion", MOTION, at(DAY, "08:00"));
        List<SensorEvent> events = List.of(morning, morning,
                ev("kitchen-motion", MOTION, at(DAY.plusDays(1), "00:00")),
                ev("kitchen-motion", MOTION, at(EVE, "11:59")));

        DailySummary s = summariser().summarise(DAY, events, 2);

        assertThat(s.activityCount()).isEqualTo(1);
        assertThat(s.cancelledWarnings()).isEqualTo(2);
    }

    @Test
    void aDayWithoutActivityHasNoFirstOrLastActivity() {
        DailySummary s = summariser().summarise(DAY, List.of(), 0);

        assertThat(s.firstActivity()).isNull();
        assertThat(s.value(Measure.FIRST_ACTIVITY)).isEmpty();
        assertThat(s.activityByHour()).containsOnly(0);
    }
}
