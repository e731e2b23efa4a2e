package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hearth.rules.testing.Generators;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/**
 * {@link InactivityPolicy#deadlineAfter} against its definition, checked by brute force: with whole-minute band
 * starts, allowances, last activities and zone offsets, every stretch boundary and so the deadline falls on a whole
 * minute, so it is the earliest minute {@code t} with {@code t - lastActivity >= allowanceAt(t)}.
 */
class InactivityPolicyPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/London"), ZoneId.of("UTC"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), // clocks change by 30 minutes
            ZoneId.of("America/Santiago")); // clocks change at midnight: local midnight is skipped or repeated

    // Each zone's 2026 clock changes, where the interesting cases are; plus ordinary days.
    private static final List<Instant> AROUND = List.of(
            Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
            Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-11-01T06:00:00Z"),
            Instant.parse("2026-04-04T15:00:00Z"), Instant.parse("2026-10-03T15:30:00Z"),
            Instant.parse("2026-04-05T03:00:00Z"), Instant.parse("2026-09-06T04:00:00Z"),
            Instant.parse("2026-06-10T12:00:00Z"), Instant.parse("2026-01-15T12:00:00Z"));

    @Test
    void deadlineIsTheEarliestMinuteAtWhichTheSilenceReachesTheAllowanceInForce() {
        Seeded.forAll(400, 1_000L, random -> {
            InactivityPolicy policy = Generators.policy(random, ZONES.get(random.nextInt(ZONES.size())));
            Instant lastActivity = AROUND.get(random.nextInt(AROUND.size()))
                    .plus(random.nextInt(-36 * 60, 36 * 60), ChronoUnit.MINUTES);

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
            InactivityPolicy policy = Generators.policy(random, ZONES.get(random.nextInt(ZONES.size())));
            Instant lastActivity = AROUND.get(random.nextInt(AROUND.size()))
                    .plusMillis(random.nextLong(-3 * 86_400_000L, 3 * 86_400_000L));

            Duration silence = Duration.between(lastActivity, policy.deadlineAfter(lastActivity));

            Duration min = policy.bands().stream().map(QuietBand::allowance).min(Duration::compareTo).orElseThrow();
            Duration max = policy.bands().stream().map(QuietBand::allowance).max(Duration::compareTo).orElseThrow();
            assertThat(silence).isBetween(min, max);
        });
    }
}
