package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordinary days; see {@link InactivityPolicyClockChangeTest} for the two UK clock-change days. */
class InactivityPolicyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    // ukDefault: 09:00 3h, 12:00 3h, 18:00 4h, 22:00 10h. June is BST, so local = UTC + 1h.
    private final InactivityPolicy policy = InactivityPolicy.ukDefault(LONDON);

    private static QuietBand band(String start, Duration allowance) {
        return new QuietBand(LocalTime.parse(start), allowance);
    }

    @Test
    void storesBandsSortedByStart() {
        QuietBand night = band("22:00", Duration.ofHours(10));
        QuietBand morning = band("07:00", Duration.ofHours(3));

        assertThat(new InactivityPolicy(LONDON, List.of(night, morning)).bands()).containsExactly(morning, night);
    }

    @Test
    void rejectsNoBandsTwoBandsWithOneStartAndNullBands() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InactivityPolicy(LONDON, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new InactivityPolicy(LONDON,
                List.of(band("07:00", Duration.ofHours(3)), band("07:00", Duration.ofHours(4)))));
        assertThatNullPointerException().isThrownBy(() ->
                new InactivityPolicy(LONDON, Arrays.asList(band("07:00", Duration.ofHours(3)), null)));
    }

    @Test
    void bandAtFollowsTheLocalWallClockAndWrapsBeforeTheFirstStart() {
        assertThat(policy.bandAt(Instant.parse("2026-06-10T07:59:59.999Z")).start()).isEqualTo(LocalTime.of(22, 0));
        assertThat(policy.bandAt(Instant.parse("2026-06-10T08:00:00Z")).start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(policy.bandAt(Instant.parse("2026-06-10T16:59:59Z")).start()).isEqualTo(LocalTime.of(12, 0));
        assertThat(policy.bandAt(Instant.parse("2026-06-10T21:00:00Z")).start()).isEqualTo(LocalTime.of(22, 0));
        assertThat(policy.allowanceAt(Instant.parse("2026-06-10T02:00:00Z"))).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void endOfIsTheNextBandsStartWrappingToTheFirst() {
        assertThat(policy.endOf(policy.bands().get(0))).isEqualTo(LocalTime.of(12, 0));
        assertThat(policy.endOf(policy.bands().get(3))).isEqualTo(LocalTime.of(9, 0));
        InactivityPolicy single = InactivityPolicy.constant(LONDON, Duration.ofHours(5));
        assertThat(single.endOf(single.bands().get(0))).isEqualTo(LocalTime.MIDNIGHT);
        assertThatIllegalArgumentException().isThrownBy(() -> policy.endOf(band("01:00", Duration.ofHours(1))));
    }

    @Test
    void quietWithinOneBandIsDueAfterThatBandsAllowance() {
        Instant lastActivity = Instant.parse("2026-06-10T09:02:00Z"); // 10:02 BST, morning band

        assertThat(policy.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-06-10T12:02:00Z"));
    }

    @Test
    void shortBandStartingAfterALongQuietCatchesItAtItsStart() {
        Instant lastActivity = Instant.parse("2026-06-09T22:30:00Z"); // 23:30 BST: night would allow until 09:30

        assertThat(policy.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-06-10T08:00:00Z")); // 09:00
    }

    @Test
    void nightAllowanceAppliesWhenItRunsOutBeforeTheMorningBand() {
        Instant lastActivity = Instant.parse("2026-06-09T21:30:00Z"); // 22:30 BST

        assertThat(policy.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-06-10T07:30:00Z")); // 08:30
    }

    @Test
    void quietThatRunsIntoALongerBandIsJudgedByThatBandOnceItBegins() {
        Instant lastActivity = Instant.parse("2026-06-10T19:00:00Z"); // 20:00 BST: evening 4h would be 00:00

        // At 22:00 only 2h have passed, and from then on the night's 10h applies.
        assertThat(policy.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-06-11T05:00:00Z")); // 06:00
    }

    @Test
    void quietIsDueAtTheNextBandsStartOrAfterItsAllowanceWhicheverIsLater() {
        // 09:00-12:00 allows 3h, 12:00-09:00 allows 1h.
        InactivityPolicy p = new InactivityPolicy(LONDON,
                List.of(band("09:00", Duration.ofHours(3)), band("12:00", Duration.ofHours(1))));
        Instant lastActivity = Instant.parse("2026-06-10T10:30:00Z"); // 11:30 BST

        // At 12:00 only 30 min have passed; from 12:00 the 1h allowance is due at 12:30 BST.
        assertThat(p.deadlineAfter(lastActivity)).isEqualTo(Instant.parse("2026-06-10T11:30:00Z"));
        // Quiet since 10:55 BST: at the 12:00 start 1h 05m have passed, so it is due exactly then.
        assertThat(p.deadlineAfter(Instant.parse("2026-06-10T09:55:00Z")))
                .isEqualTo(Instant.parse("2026-06-10T11:00:00Z"));
    }

    @Test
    void deadlineIsStrictlyAfterTheLastActivityEvenForATinyAllowance() {
        InactivityPolicy p = InactivityPolicy.constant(LONDON, Duration.ofNanos(1));
        Instant lastActivity = Instant.parse("2026-06-10T10:30:00Z");

        assertThat(p.deadlineAfter(lastActivity)).isEqualTo(lastActivity.plusNanos(1));
    }

    @Test
    void ukDefaultHasTheDocumentedBands() {
        assertThat(policy.zone()).isEqualTo(LONDON);
        assertThat(policy.bands()).containsExactly(
                band("09:00", Duration.ofHours(3)),
                band("12:00", Duration.ofHours(3)),
                band("18:00", Duration.ofHours(4)),
                band("22:00", Duration.ofHours(10)));
    }
}
