package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.hearth.rules.model.Room;
import org.junit.jupiter.api.Test;

class LearntRoutineTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Situation BED = Situation.of(QuietContext.IN_BED);
    private static final Situation KITCHEN = Situation.of(QuietContext.AT_HOME, Room.KITCHEN, false);
    private static final int B = LearntRoutine.BUCKETS;

    private final RoutinePolicy utc = RoutinePolicy.ukDefault(UTC);

    @Test
    void aSilenceSpanningHoursGivesEachHourTheSilenceReachedByItsEnd() {
        LearntRoutine r = LearntRoutine.empty()
                .learn(at("2026-06-01T01:00:00Z"), at("2026-06-01T04:30:00Z"), BED, utc);

        int[] bed = r.histograms().get("in-bed");
        assertThat(bed[1 * B + LearntRoutine.bucketOf(3_600)]).isEqualTo(100);
        assertThat(bed[2 * B + LearntRoutine.bucketOf(7_200)]).isEqualTo(100);
        assertThat(bed[3 * B + LearntRoutine.bucketOf(10_800)]).isEqualTo(100);
        assertThat(total(bed)).isEqualTo(300);
        // The 04:00 hour is still in progress: kept apart until a later spell shows it has ended.
        assertThat(r.openHour()).isEqualTo(4);
        assertThat(r.open()).containsExactly(Map.entry("in-bed", 12_600L));
        assertThat(r.hours()[1] + r.hours()[2] + r.hours()[3]).isEqualTo(300);
        assertThat(r.since()).isEqualTo(at("2026-06-01T01:00:00Z"));
    }

    @Test
    void eachOccurrenceOfAnHourGivesOneValueTheLongestSilenceInIt() {
        LearntRoutine r = LearntRoutine.empty()
                .learn(at("2026-06-01T10:00:00Z"), at("2026-06-01T10:05:00Z"), KITCHEN, utc)
                .learn(at("2026-06-01T10:10:00Z"), at("2026-06-01T10:40:00Z"), KITCHEN, utc)
                .learn(at("2026-06-01T11:00:00Z"), at("2026-06-01T11:01:00Z"), KITCHEN, utc);

        int[] kitchen = r.histograms().get("at-home/kitchen");
        assertThat(kitchen[10 * B + LearntRoutine.bucketOf(1_800)]).isEqualTo(100);
        assertThat(total(kitchen)).isEqualTo(100);
        assertThat(r.hours()[10]).isEqualTo(100);
    }

    @Test
    void theHourInProgressIsNotPartOfTheNormal() {
        LearntRoutine r = LearntRoutine.empty()
                .learn(at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z"), KITCHEN, utc);

        assertThat(r.normal(KITCHEN, 10, 1.0)).isZero();
        assertThat(r.days(KITCHEN, 10)).isZero();
        assertThat(r.share(KITCHEN, 10)).isZero();
    }

    @Test
    void theNormalIsAQuantileInterpolatedGeometricallyWithinItsBucket() {
        LearntRoutine r = LearntRoutine.empty();
        for (int day = 0; day < 10; day++) {
            Instant ten = at("2026-06-01T10:00:00Z").plus(Duration.ofDays(day));
            r = r.learn(ten, ten.plus(Duration.ofMinutes(20)), KITCHEN, utc)
                    .learn(ten.plus(Duration.ofHours(2)), ten.plus(Duration.ofHours(2).plusMinutes(1)), KITCHEN, utc);
        }

        // Ten values of 20 min, in the bucket from 20.0 to 26.4 min: the median is the geometric middle.
        assertThat(r.normal(KITCHEN, 10, 0.5)).isEqualTo(Duration.ofMinutes(23));
        assertThat(r.normal(KITCHEN, 10, 1.0)).isEqualTo(Duration.ofMinutes(26));
        // Ten days, the oldest nine days old, at a half-life of 28 days: 2^(-0/28) + ... + 2^(-9/28) = 9.2 days.
        assertThat(r.days(KITCHEN, 10)).isCloseTo(9.2, org.assertj.core.data.Offset.offset(0.3));
        // Hour 11 has no value of its own: it sees those of 10:00 and 12:00 at half weight.
        int[] own = r.histograms().get("at-home/kitchen");
        double at10 = java.util.Arrays.stream(own, 10 * B, 11 * B).sum() / 100.0;
        double at12 = java.util.Arrays.stream(own, 12 * B, 13 * B).sum() / 100.0;
        assertThat(r.days(KITCHEN, 11)).isCloseTo((at10 + at12) / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.share(KITCHEN, 10)).isEqualTo(1.0);
    }

    @Test
    void oldDaysWeighHalfAfterAHalfLifeAndAreForgottenInTheEnd() {
        LearntRoutine r = LearntRoutine.empty()
                .learn(at("2026-01-01T10:00:00Z"), at("2026-01-01T10:20:00Z"), KITCHEN, utc)
                .learn(at("2026-01-01T12:00:00Z"), at("2026-01-01T12:01:00Z"), BED, utc);
        int bucket = 10 * B + LearntRoutine.bucketOf(1_200);

        LearntRoutine aMonthOn = r.learn(at("2026-01-29T12:00:00Z"), at("2026-01-29T12:01:00Z"), BED, utc)
                .learn(at("2026-01-29T14:00:00Z"), at("2026-01-29T14:01:00Z"), BED, utc);
        LearntRoutine aYearOn = r.learn(at("2027-01-01T12:00:00Z"), at("2027-01-01T12:01:00Z"), BED, utc)
                .learn(at("2027-01-01T14:00:00Z"), at("2027-01-01T14:01:00Z"), BED, utc);

        assertThat(aMonthOn.histograms().get("at-home/kitchen")[bucket]).isEqualTo(50);
        assertThat(aYearOn.histograms()).doesNotContainKey("at-home/kitchen");
        assertThat(aYearOn.hours()[10]).isZero();
    }

    @Test
    void theHourTheClocksRepeatIsSeenTwiceAndTheHourTheySkipNever() {
        LearntRoutine autumn = LearntRoutine.empty()
                .learn(at("2026-10-24T23:30:00Z"), at("2026-10-25T03:30:00Z"), BED, RoutinePolicy.ukDefault(LONDON))
                .learn(at("2026-10-25T09:00:00Z"), at("2026-10-25T09:01:00Z"), BED, RoutinePolicy.ukDefault(LONDON));
        LearntRoutine spring = LearntRoutine.empty()
                .learn(at("2026-03-29T00:30:00Z"), at("2026-03-29T02:30:00Z"), BED, RoutinePolicy.ukDefault(LONDON))
                .learn(at("2026-03-29T09:00:00Z"), at("2026-03-29T09:01:00Z"), BED, RoutinePolicy.ukDefault(LONDON));

        // 00:30 BST to 03:30 GMT: local hours 00, 01 (BST), 01 (GMT), 02, 03; four real hours.
        assertThat(autumn.hours()).containsExactly(100, 200, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0);
        int[] bed = autumn.histograms().get("in-bed");
        assertThat(bed[0 * B + LearntRoutine.bucketOf(1_800)]).isEqualTo(100); // by 01:00 BST, 30 min in bed
        assertThat(bed[1 * B + LearntRoutine.bucketOf(5_400)]).isEqualTo(100); // by 01:00 GMT, 90 min
        assertThat(bed[1 * B + LearntRoutine.bucketOf(9_000)]).isEqualTo(100); // by 02:00 GMT, 150 min
        // 00:30 GMT to 03:30 BST: local hours 00, 02, 03; no 01:00 that night.
        assertThat(spring.hours()).containsExactly(100, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0);
    }

    @Test
    void shiftingEverySpellByWholeDaysInAUtcHomeLearnsTheSame() {
        LearntRoutine original = LearntRoutine.empty();
        LearntRoutine shifted = LearntRoutine.empty();
        Duration shift = Duration.ofDays(4_000);
        Instant t = at("2026-06-01T06:17:00Z");
        for (int i = 0; i < 200; i++) {
            Instant end = t.plus(Duration.ofMinutes(7 + (i * 37) % 300));
            Situation s = i % 3 == 0 ? BED : KITCHEN;
            original = original.learn(t, end, s, utc);
            shifted = shifted.learn(t.plus(shift), end.plus(shift), s, utc);
            t = end.plus(Duration.ofMinutes(i % 5));
        }

        Map<String, int[]> shiftedHistograms = shifted.histograms();
        assertThat(shiftedHistograms.keySet()).isEqualTo(original.histograms().keySet());
        original.histograms().forEach((key, w) -> assertThat(shiftedHistograms.get(key)).containsExactly(w));
        assertThat(shifted.hours()).containsExactly(original.hours());
        assertThat(shifted.open()).isEqualTo(original.open());
        assertThat(shifted.since()).isEqualTo(original.since().plus(shift));
    }

    @Test
    void isAValueWithDefensiveCopies() {
        LearntRoutine a = LearntRoutine.empty().learn(at("2026-06-01T01:00:00Z"), at("2026-06-01T04:30:00Z"), BED, utc);
        LearntRoutine b = LearntRoutine.empty().learn(at("2026-06-01T01:00:00Z"), at("2026-06-01T04:30:00Z"), BED, utc);

        a.histograms().get("in-bed")[0] = 99;
        a.hours()[0] = 99;

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(LearntRoutine.empty());
        assertThat(a.toString()).contains("in-bed");
    }

    @Test
    void rejectsRoutinesThatCannotArise() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LearntRoutine(null, null, null, 3, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LearntRoutine(null, null, null, -1, Map.of("in-bed", 5L), null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LearntRoutine(null, null, null, -1, null, Map.of("in-bed", new int[3]), null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LearntRoutine(null, null, null, -1, null, null, new int[23]));
        int[] negative = new int[24 * B];
        negative[7] = -1;
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LearntRoutine(null, null, null, -1, null, Map.of("in-bed", negative), null));
        Map<String, int[]> tooMany = new HashMap<>();
        for (int i = 0; i <= LearntRoutine.MAX_SITUATIONS; i++) {
            tooMany.put("s" + i, new int[24 * B]);
        }
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LearntRoutine(null, null, null, -1, null, tooMany, null));
    }

    private static int total(int[] weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        return sum;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
