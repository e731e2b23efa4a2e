package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/** The learning's fast next-hour boundary must be exactly the general one of a policy with a band every hour. */
class HourBoundaryTest {
    /** London (the UK clock changes), half-hour offsets, a half-hour DST shift, and a zone that skipped a whole day. */
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"), ZoneId.of("America/St_Johns"));

    @Test
    void equalsTheGeneralBoundaryOfHourlyBandsEverywhereIncludingClockChanges() {
        Seeded.forAll(2000, 4100, random -> {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            // Anywhere in 2011-2027, and often within a day of a clock change, where it matters.
            Instant x = Instant.parse("2011-01-01T00:00:00Z").plusSeconds(random.nextLong(17L * 365 * 86_400));
            if (random.nextBoolean()) {
                var transition = zone.getRules().nextTransition(x);
                if (transition != null) {
                    x = transition.getInstant().plusSeconds(random.nextLong(-7_200, 7_200));
                }
            }
            assertThat(InactivityPolicy.nextHourBoundaryAfter(x, zone)).as("%s in %s", x, zone)
                    .isEqualTo(hourly(zone).nextBoundaryAfter(x));
        });
    }

    @Test
    void onTheUkAutumnChangeTheRepeatedHourIsCountedTwice() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant x = Instant.parse("2026-10-25T00:30:00Z"); // 01:30 BST
        Instant first = InactivityPolicy.nextHourBoundaryAfter(x, london);
        Instant second = InactivityPolicy.nextHourBoundaryAfter(first, london);

        assertThat(first).isEqualTo(Instant.parse("2026-10-25T01:00:00Z")); // clocks back: 01:00 GMT again
        assertThat(second).isEqualTo(Instant.parse("2026-10-25T02:00:00Z")); // 02:00 GMT
    }

    private static InactivityPolicy hourly(ZoneId zone) {
        List<QuietBand> bands = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            bands.add(new QuietBand(LocalTime.of(h, 0), Duration.ofHours(1)));
        }
        return new InactivityPolicy(zone, bands);
    }
}
