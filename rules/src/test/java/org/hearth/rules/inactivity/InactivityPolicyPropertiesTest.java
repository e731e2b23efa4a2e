package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.rules.testing.Generators;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/**
 * {@link InactivityPolicy#deadlineAfter} against its definition, checked by brute force: with whole-minute band
 * starts, allowances, last activities and zone offsets, every stretch boundary and so the deadline falls on a whole
 * minute, so it is the earliest minute {@code t} with {@code t - lastActivity >= allowanceAt(t)}. Cases gather
 * around each zone's real 2026 clock changes, with band starts near the local time of the change.
 */
class InactivityPolicyPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), // clocks change by 30 minutes
            ZoneId.of("America/Santiago")); // clocks change at midnight: local midnight is skipped or repeated

    @Test
    void deadlineIsTheEarliestMinuteAtWhichTheSilenceReachesTheAllowanceInForce() {
        Seeded.forAll(1_000, 1_000L, random -> {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            ZoneOffsetTransition change = clockChange2026(random, zone);
            InactivityPolicy policy = Generators.policyNear(random, zone, change.getDateTimeBefore().toLocalTime());
            Instant lastActivity = change.getInstant().plus(random.nextInt(-16 * 60, 2 * 60), ChronoUnit.MINUTES);

            Instant deadline = policy.deadlineAfter(lastActivity);

            Instant bruteForce = lastActivity.plus(1, ChronoUnit.MINUTES);
            while (Duration.between(lastActivity, bruteForce).compareTo(policy.allowanceAt(bruteForce)) < 0) {
                bruteForce = bruteForce.plus(1, ChronoUnit.MINUTES);
            }
            assertThat(deadline).as("%s after %s", policy, lastActivity).isEqualTo(bruteForce);
        });
    }

    @Test
    void silenceAtTheDeadlineLiesBetweenTheSmallestAndLargestAllowance() {
        Seeded.forAll(1_000, 5_000L, random -> {
            ZoneId zone = random.nextInt(5) == 0 ? ZoneId.of("UTC") : ZONES.get(random.nextInt(ZONES.size()));
            InactivityPolicy policy = Generators.policy(random, zone);
            Instant lastActivity = Instant.parse("2026-01-01T00:00:00Z")
                    .plusMillis(random.nextLong(365 * 86_400_000L));

            Duration silence = Duration.between(lastActivity, policy.deadlineAfter(lastActivity));

            Duration min = policy.bands().stream().map(QuietBand::allowance).min(Duration::compareTo).orElseThrow();
            Duration max = policy.bands().stream().map(QuietBand::allowance).max(Duration::compareTo).orElseThrow();
            assertThat(silence).isBetween(min, max);
        });
    }

    /** One of the zone's two clock changes in 2026. */
    private static ZoneOffsetTransition clockChange2026(SplittableRandom random, ZoneId zone) {
        ZoneOffsetTransition first = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        return random.nextBoolean() ? first : zone.getRules().nextTransition(first.getInstant());
    }
}
