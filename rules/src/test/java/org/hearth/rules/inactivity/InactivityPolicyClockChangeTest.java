package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Deadlines on the two UK clock-change days of 2026, asserted as exact UTC instants.
 * Spring forward: 2026-03-29T01:00Z, 01:00 GMT becomes 02:00 BST (a 23 h day).
 * Fall back: 2026-10-25T01:00Z, 02:00 BST becomes 01:00 GMT (a 25 h day).
 */
class InactivityPolicyClockChangeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    // ukDefault: 09:00 3h, 12:00 3h, 18:00 4h, 22:00 10h.
    private static final InactivityPolicy UK = InactivityPolicy.ukDefault(LONDON);

    private static QuietBand band(String start, Duration allowance) {
        return new QuietBand(LocalTime.parse(start), allowance);
    }

    @Nested
    class SpringForward {

        @Test
        void nightAllowanceIsTenRealHoursNotTenHoursOfWallClock() {
            Instant lastActivity = Instant.parse("2026-03-28T21:00:00Z"); // 21:00 GMT

            // 10 real hours later the wall clock reads 08:00 BST, not 07:00.
            assertThat(UK.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        }

        @Test
        void shorterNightLetsTheMorningBandCatchAQuietThatANormalNightWouldNot() {
            Instant lastActivity = Instant.parse("2026-03-28T23:00:00Z"); // 23:00 GMT

            // Night's 10h would end at 10:00 BST; the morning band starts at 09:00 BST = 08:00Z.
            assertThat(UK.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        }

        @Test
        void aDayOfSilenceOnTheShortDayIsTwentyThreeHoursFromMidnightToMidnight() {
            InactivityPolicy p = InactivityPolicy.constant(LONDON, Duration.ofHours(23));
            Instant midnight = Instant.parse("2026-03-29T00:00:00Z"); // 00:00 GMT

            assertThat(p.deadlineAfter(midnight)).isEqualTo(Instant.parse("2026-03-29T23:00:00Z")) // 00:00 BST
                    .isEqualTo(midnight.atZone(LONDON).plusDays(1).toInstant());
        }

        @Test
        void bandStartingInTheSkippedHourBeginsWhenTheClocksGoForward() {
            InactivityPolicy p = new InactivityPolicy(LONDON,
                    List.of(band("00:00", Duration.ofHours(5)), band("01:30", Duration.ofMinutes(30))));
            Instant lastActivity = Instant.parse("2026-03-29T00:45:00Z"); // 00:45 GMT

            assertThat(p.bandAt(Instant.parse("2026-03-29T00:59:59Z")).start()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(p.bandAt(Instant.parse("2026-03-29T01:00:00Z")).start()).isEqualTo(LocalTime.of(1, 30));
            // From 01:00Z (02:00 BST) the 30 min band applies; 30 min after 00:45Z is 01:15Z.
            assertThat(p.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-03-29T01:15:00Z"));
        }
    }

    @Nested
    class FallBack {

        @Test
        void nightAllowanceIsTenRealHoursNotTenHoursOfWallClock() {
            Instant lastActivity = Instant.parse("2026-10-24T20:00:00Z"); // 21:00 BST, evening

            // Night starts 22:00 BST; 10 real hours after 21:00 BST the wall clock reads 06:00 GMT.
            assertThat(UK.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
        }

        @Test
        void longerNightLetsTheNightAllowanceRunOutBeforeTheMorningBand() {
            Instant lastActivity = Instant.parse("2026-10-24T22:30:00Z"); // 23:30 BST

            // On a normal night this would be caught at 09:00; tonight 10h end at 08:30 GMT.
            assertThat(UK.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-10-25T08:30:00Z"));
        }

        @Test
        void aDayOfSilenceOnTheLongDayIsTwentyFiveHoursFromMidnightToMidnight() {
            InactivityPolicy p = InactivityPolicy.constant(LONDON, Duration.ofHours(25));
            Instant midnight = Instant.parse("2026-10-24T23:00:00Z"); // 00:00 BST

            assertThat(p.deadlineAfter(midnight)).isEqualTo(Instant.parse("2026-10-26T00:00:00Z")) // 00:00 GMT
                    .isEqualTo(midnight.atZone(LONDON).plusDays(1).toInstant());
        }

        @Test
        void bandStartingInTheRepeatedHourStartsAtBothOccurrences() {
            InactivityPolicy p = new InactivityPolicy(LONDON,
                    List.of(band("00:00", Duration.ofHours(6)), band("01:30", Duration.ofHours(1))));
            Instant lastActivity = Instant.parse("2026-10-25T00:10:00Z"); // 01:10 BST

            assertThat(p.bandAt(Instant.parse("2026-10-25T00:30:00Z")).start()).isEqualTo(LocalTime.of(1, 30));
            assertThat(p.bandAt(Instant.parse("2026-10-25T01:00:00Z")).start()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(p.bandAt(Instant.parse("2026-10-25T01:30:00Z")).start()).isEqualTo(LocalTime.of(1, 30));
            // 01:30 BST (00:30Z) to 02:00 BST only 50 min have passed; after the clocks go back the wall clock
            // reads 01:00-01:29 GMT (the 6h band again); at 01:30 GMT the 1h band returns with 1h 20m passed.
            assertThat(p.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        }
    }
}
