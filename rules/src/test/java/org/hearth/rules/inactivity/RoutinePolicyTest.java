package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hearth.rules.model.Room;
import org.hearth.rules.testing.Generators;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

class RoutinePolicyTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Situation KITCHEN = Situation.of(QuietContext.AT_HOME, Room.KITCHEN, false);
    private static final Situation LIVING = Situation.of(QuietContext.AT_HOME, Room.LIVING, false);
    private static final Instant DAY0 = Instant.parse("2026-06-01T00:00:00Z");

    private final RoutinePolicy policy = RoutinePolicy.ukDefault(UTC);

    @Test
    void ukDefaultsLimitEveryContextAndLearn() {
        RoutinePolicy london = RoutinePolicy.ukDefault(LONDON);

        assertThat(london.learns()).isTrue();
        assertThat(london.limits().keySet()).containsExactlyInAnyOrder(QuietContext.values());
        assertThat(london.limitAt(QuietContext.AT_HOME, LocalTime.of(3, 0)))
                .isEqualTo(new LimitBand(LocalTime.of(22, 0), Duration.ofMinutes(60), Duration.ofHours(10),
                        Duration.ofHours(10)));
        assertThat(london.endOf(QuietContext.AT_HOME, london.limitAt(QuietContext.AT_HOME, LocalTime.NOON)))
                .isEqualTo(LocalTime.of(22, 0));
        assertThat(london.awayAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aFixedPolicyGivesTheDeadlinesOfItsBandsInEverySituation() {
        Seeded.forAll(200, 50_000L, random -> {
            InactivityPolicy bands = Generators.policy(random, LONDON);
            RoutinePolicy fixed = RoutinePolicy.fixed(bands);
            Instant last = Instant.parse("2026-03-27T00:00:00Z").plus(random.nextInt(60 * 24 * 4), ChronoUnit.MINUTES);
            Situation situation = Situation.of(QuietContext.values()[random.nextInt(4)], Room.KITCHEN, false);

            assertThat(fixed.learns()).isFalse();
            assertThat(fixed.deadlineAfter(LearntRoutine.empty(), situation, last))
                    .isEqualTo(bands.deadlineAfter(last));
            assertThat(fixed.allowanceAt(LearntRoutine.empty(), situation, last, last).basis())
                    .isEqualTo(Allowance.Basis.FIXED);
        });
    }

    @Test
    void whileLearningTheFallbackApplies() {
        LearntRoutine routine = days(3, KITCHEN, "10:00", 20);

        Allowance a = policy.allowanceAt(routine, KITCHEN, DAY0.plus(Duration.ofDays(3)), at(3, "10:30"));

        assertThat(a.basis()).isEqualTo(Allowance.Basis.LEARNING);
        assertThat(a.allowed()).isEqualTo(Duration.ofHours(3));
        assertThat(a.learntNormal()).isZero();
    }

    @Test
    void afterLearningTheLongestRecentSpellTimesTheMarginApplies() {
        LearntRoutine routine = days(10, LIVING, "15:00", 40);

        Allowance a = policy.allowanceAt(routine, LIVING, at(10, "15:00"), at(10, "15:30"));

        assertThat(a.basis()).isEqualTo(Allowance.Basis.LEARNT);
        assertThat(a.learntNormal()).isBetween(Duration.ofMinutes(40), Duration.ofMinutes(46));
        assertThat(a.allowed()).isEqualTo(Duration.ofMinutes(Math.round(a.learntNormal().toMinutes() * 2.5)));
    }

    @Test
    void aShortNormalGetsTheFloorAndALongOneTheCeiling() {
        LearntRoutine shortSpells = days(10, KITCHEN, "10:00", 6);
        LearntRoutine longSpells = days(10, LIVING, "13:00", 150);

        Allowance floor = policy.allowanceAt(shortSpells, KITCHEN, at(10, "10:00"), at(10, "10:10"));
        Allowance ceiling = policy.allowanceAt(longSpells, LIVING, at(10, "13:00"), at(10, "14:00"));

        assertThat(floor.basis()).isEqualTo(Allowance.Basis.FLOOR);
        assertThat(floor.allowed()).isEqualTo(Duration.ofMinutes(45));
        assertThat(ceiling.basis()).isEqualTo(Allowance.Basis.CEILING);
        assertThat(ceiling.allowed()).isEqualTo(Duration.ofHours(4));
        assertThat(ceiling.learntNormal()).isGreaterThan(Duration.ofMinutes(100));
    }

    @Test
    void aSituationRarelySeenAtAnHourGetsTheFloor() {
        LearntRoutine routine = days(10, LIVING, "15:00", 40);

        Allowance rare = policy.allowanceAt(routine, KITCHEN, at(10, "15:00"), at(10, "15:30"));

        assertThat(rare.basis()).isEqualTo(Allowance.Basis.RARE);
        assertThat(rare.allowed()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void theEffectivePolicyChangesAtEveryHourAndBandStart() {
        Map<QuietContext, List<LimitBand>> limits = new EnumMap<>(policy.limits());
        limits.put(QuietContext.AT_HOME, List.of(
                new LimitBand(LocalTime.of(7, 30), Duration.ofMinutes(45), Duration.ofHours(3), Duration.ofHours(4)),
                new LimitBand(LocalTime.of(22, 0), Duration.ofMinutes(60), Duration.ofHours(10),
                        Duration.ofHours(10))));
        RoutinePolicy halfPast = new RoutinePolicy(UTC, limits, RoutineLearning.defaults(), Duration.ofMinutes(10));
        LearntRoutine routine = days(10, LIVING, "15:00", 40);

        InactivityPolicy effective = halfPast.effectivePolicy(routine, LIVING, at(10, "15:00"));

        assertThat(effective.bands()).hasSize(25);
        assertThat(effective.bands()).extracting(QuietBand::start).contains(LocalTime.of(7, 30), LocalTime.of(15, 0));
        assertThat(halfPast.deadlineAfter(routine, LIVING, at(10, "15:00")))
                .isEqualTo(effective.deadlineAfter(at(10, "15:00")));
    }

    @Test
    void fallbackPolicyIsTheCliniciansBandsForLearning() {
        assertThat(policy.fallbackPolicy(QuietContext.AT_HOME).bands()).extracting(QuietBand::allowance)
                .containsExactly(Duration.ofHours(3), Duration.ofHours(10));
    }

    @Test
    void rejectsPoliciesThatCannotBeApplied() {
        Map<QuietContext, List<LimitBand>> missing = new EnumMap<>(policy.limits());
        missing.remove(QuietContext.AWAY);
        Map<QuietContext, List<LimitBand>> empty = new EnumMap<>(policy.limits());
        empty.put(QuietContext.AWAY, List.of());
        Map<QuietContext, List<LimitBand>> twice = new EnumMap<>(policy.limits());
        LimitBand band = LimitBand.fixed(LocalTime.NOON, Duration.ofHours(1));
        twice.put(QuietContext.AWAY, List.of(band, band));
        RoutineLearning learning = RoutineLearning.defaults();

        Duration minute = Duration.ofMinutes(1);
        assertThatNullPointerException().isThrownBy(() -> new RoutinePolicy(UTC, missing, learning, minute));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutinePolicy(UTC, empty, learning, minute));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutinePolicy(UTC, twice, learning, minute));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new RoutinePolicy(UTC, policy.limits(), learning, Duration.ZERO));
    }

    /**
     * {@code n} days from {@link #DAY0}, each with a spell of {@code minutes} in {@code situation} from {@code start},
     * and a one-minute spell at every other hour so that every hour has history.
     */
    private LearntRoutine days(int n, Situation situation, String start, int minutes) {
        LearntRoutine r = LearntRoutine.empty();
        Situation elsewhere = Situation.of(QuietContext.IN_BED);
        for (int d = 0; d < n; d++) {
            Instant from = at(d, start);
            Instant to = from.plus(Duration.ofMinutes(minutes));
            Instant hour = DAY0.plus(Duration.ofDays(d));
            for (int h = 0; h < 24; h++, hour = hour.plus(Duration.ofHours(1))) {
                if (hour.equals(from.truncatedTo(ChronoUnit.HOURS))) {
                    r = r.learn(from, to, situation, policy);
                }
                boolean covered = !hour.isBefore(from.truncatedTo(ChronoUnit.HOURS)) && hour.isBefore(to);
                if (!covered) {
                    r = r.learn(hour, hour.plus(Duration.ofMinutes(1)), elsewhere, policy);
                }
            }
        }
        return r.learn(at(n, "23:00"), at(n, "23:01"), elsewhere, policy);
    }

    private static Instant at(int day, String localTime) {
        return DAY0.plus(Duration.ofDays(day)).plus(Duration.between(LocalTime.MIDNIGHT, LocalTime.parse(localTime)));
    }
}
