package org.hearth.rules.fall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.rules.fall.Motion.ON_BACK;
import static org.hearth.rules.fall.Motion.ON_FRONT;
import static org.hearth.rules.fall.Motion.ON_SIDE;
import static org.hearth.rules.fall.Motion.SITTING;
import static org.hearth.rules.fall.Motion.UPRIGHT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WearableFallDetectorTest {

    static final String SENSOR = "waist-1";
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final WearableFallDetector detector = new WearableFallDetector();

    /** The alerts of a replay, the final state, and the most candidates any state held on the way. */
    record Run(List<Alert> alerts, FallState end, int maxCandidates) {
    }

    static Run play(WearableFallDetector detector, List<AccelBatch> batches) {
        FallState state = FallState.initial();
        List<Alert> alerts = new ArrayList<>();
        int maxCandidates = 0;
        for (AccelBatch b : batches) {
            FallStep step = detector.onBatch(state, b);
            state = step.state();
            alerts.addAll(step.alerts());
            maxCandidates = Math.max(maxCandidates, state.candidates().size());
            assertThat(state.recent()).hasSizeLessThanOrEqualTo(FallState.MAX_RECENT_FRAMES);
        }
        return new Run(alerts, state, maxCandidates);
    }

    /** Walks, stands, then falls backwards: a drop at 0.3 g while turning, a 4.5 g impact, lying still. */
    static Motion cleanFall(double stillAfterSeconds) {
        return new Motion().walk(8, 1.8, 0.25, 1.5).still(2)
                .turn(ON_BACK, 0.5, 0.3).impact(4.5, 0.08).still(stillAfterSeconds);
    }

    static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    @Test
    void cleanFallRaisesOneStatAlertAtTheImpactConfirmedAfterTenSecondsOfStillness() {
        Run run = play(detector, cleanFall(20).batches(SENSOR, T0, 100));

        assertThat(run.alerts()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.FALL_WEARABLE);
            assertThat(a.type().code()).isEqualTo("fall-detected");
            assertThat(a.type().priority()).isEqualTo(Priority.STAT);
            assertThat(a.sensorId()).isEqualTo(SENSOR);
            // the impact pulse spans 10.5 s to 10.58 s; onset is the start of its strongest 50-ms frame
            assertThat(a.onset()).isBetween(at(10.45), at(10.58));
            assertThat(a.raisedAt()).isBetween(a.onset().plusSeconds(10), a.onset().plusSeconds(12));
        });
    }

    @Test
    void evidenceGivesRuleStillnessRequiredAndObservedAndASentenceWithUtcInstantsOnly() {
        Alert alert = play(detector, cleanFall(20).batches(SENSOR, T0, 50)).alerts().get(0);

        assertThat(alert.evidence().rule()).isEqualTo("fall.wearable");
        assertThat(alert.evidence().events()).isEmpty();
        assertThat(alert.evidence().threshold()).isEqualTo(Duration.ofSeconds(10));
        assertThat(alert.evidence().observed()).isBetween(Duration.ofSeconds(10), Duration.ofMillis(10_050));
        assertThat(alert.evidence().explanation())
                .startsWith("Fall seen by wearable waist-1: impact of ")
                .contains(" g at " + alert.onset(), "lying still for 10.0 s until " + alert.raisedAt(),
                        "° from the posture before the impact (needs 60°)", "° from upright (needs 50°)")
                .matches(".*impact of [3-5]\\.\\d g.*turned (8\\d|9\\d)°.*");
    }

    @ParameterizedTest
    @ValueSource(doubles = {20, 25, 30, 50, 100, 200})
    void theSameFallIsCaughtAtAnyRateFrom20To200HzAtTheSameInstants(double rateHz) {
        Alert reference = play(detector, cleanFall(20).batches(SENSOR, T0, 200)).alerts().get(0);

        Run run = play(detector, cleanFall(20).batches(SENSOR, T0, rateHz));

        assertThat(run.alerts()).singleElement().satisfies(a -> {
            assertThat(Duration.between(reference.onset(), a.onset()).abs()).isLessThanOrEqualTo(Duration.ofMillis(50));
            assertThat(Duration.between(reference.raisedAt(), a.raisedAt()).abs())
                    .isLessThanOrEqualTo(Duration.ofMillis(100));
        });
    }

    @Test
    void fallsForwardAndSidewaysAreCaughtToo() {
        Motion forward = new Motion().walk(6, 2, 0.25, 1.5).turn(ON_FRONT, 0.6, 0.4).impact(3.5, 0.1).still(15);
        Motion sideways = new Motion().walk(6, 2, 0.25, 1.5).turn(ON_SIDE, 0.6, 0.4).impact(3.0, 0.1).still(15);

        assertThat(play(detector, forward.batches(SENSOR, T0, 50)).alerts()).hasSize(1);
        assertThat(play(detector, sideways.batches(SENSOR, T0, 50)).alerts()).hasSize(1);
    }

    @Test
    void aSoftFallFromAChairIsCaught() {
        // fainting from a chair: a slow slump forward, a 2 g landing, lying prone
        Motion faint = new Motion().posture(SITTING).still(5).turn(ON_FRONT, 1.2, 0.85).impact(2.1, 0.12).still(20);

        assertThat(play(detector, faint.batches(SENSOR, T0, 20)).alerts()).hasSize(1);
    }

    @Test
    void aStumbleBeforeTheFallDoesNotBecomeItsOnset() {
        // a 2.2 g stumble at 6 s, 1.5 s more walking, then the fall's 4.5 g impact at 8.1 s
        Motion stumbleThenFall = new Motion().walk(6, 2, 0.25, 1.5).impact(2.2, 0.1).walk(1.5, 2, 0.25, 1.5)
                .turn(ON_BACK, 0.5, 0.3).impact(4.5, 0.08).still(20);

        Run run = play(detector, stumbleThenFall.batches(SENSOR, T0, 50));

        assertThat(run.maxCandidates()).isEqualTo(2);
        assertThat(run.alerts()).singleElement().satisfies(a -> assertThat(a.onset()).isBetween(at(8.05), at(8.18)));
    }

    @Test
    void sittingDownHardOnAChairRaisesNothing() {
        Motion sitHard = new Motion().walk(6, 2, 0.25, 1.5).still(1)
                .turn(SITTING, 0.4, 0.5).impact(2.8, 0.1).still(60);

        Run run = play(detector, sitHard.batches(SENSOR, T0, 50));

        assertThat(run.maxCandidates()).as("the landing is an impact").isPositive();
        assertThat(run.alerts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {20, 50, 200})
    void walkingAndJoggingWithHardHeelStrikesRaiseNothing(double rateHz) {
        Motion walk = new Motion().walk(60, 2.0, 0.3, 2.4).still(30);
        Motion jog = new Motion().walk(60, 2.8, 0.6, 3.8).turn(SITTING, 0.8, 1.0).still(30);

        Run walking = play(detector, walk.batches(SENSOR, T0, rateHz));
        Run jogging = play(detector, jog.batches(SENSOR, T0, rateHz));

        assertThat(walking.maxCandidates()).as("heel strikes reach the impact threshold").isPositive();
        assertThat(jogging.maxCandidates()).isEqualTo(FallState.MAX_CANDIDATES);
        assertThat(walking.alerts()).isEmpty();
        assertThat(jogging.alerts()).isEmpty();
    }

    @Test
    void lyingDownSlowlyRaisesNothing() {
        Motion lieDown = new Motion().walk(5, 2, 0.25, 1.5).still(2).turn(SITTING, 1.0, 1.0).still(3)
                .turn(ON_BACK, 3.0, 1.0).still(120);

        Run run = play(detector, lieDown.batches(SENSOR, T0, 50));

        assertThat(run.maxCandidates()).isZero();
        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void sittingUpFromLyingWithAJoltRaisesNothingOnceTheUprightDirectionIsKnown() {
        Motion sitUp = new Motion().walk(6, 2, 0.25, 1.5).still(1).turn(SITTING, 1, 1).still(2)
                .turn(ON_BACK, 3, 1).still(20).turn(SITTING, 0.5, 1.0).impact(2.7, 0.05).still(60);
        WearableFallDetector withoutUprightCheck = new WearableFallDetector(new FallThresholds(1.7, 60, 0, 0.05,
                Duration.ofSeconds(10), Duration.ofSeconds(30)));

        Run run = play(detector, sitUp.batches(SENSOR, T0, 50));
        Run unchecked = play(withoutUprightCheck, sitUp.batches(SENSOR, T0, 50));

        assertThat(run.end().upright()).isNotNull();
        assertThat(run.end().uprightFromGait()).isTrue();
        assertThat(run.alerts()).isEmpty();
        assertThat(unchecked.alerts()).as("the jolt turns the wearer 70° from lying").hasSize(1);
    }

    @Test
    void aFallFromWhichThePersonGetsUpAndWalksAwayRaisesNothing() {
        Motion fallAndRecover = new Motion().walk(8, 2, 0.25, 1.5).turn(ON_FRONT, 0.5, 0.3).impact(4, 0.08).still(4)
                .turn(UPRIGHT, 1.5, 1.0).walk(20, 2, 0.25, 1.5).still(30);

        assertThat(play(detector, fallAndRecover.batches(SENSOR, T0, 50)).alerts()).isEmpty();
    }

    @Test
    void oneAlertPerFallHoweverLongThePersonLiesThereAndASecondFallIsASecondAlert() {
        Motion longLie = cleanFall(300);
        Motion twoFalls = cleanFall(15).turn(UPRIGHT, 1.5, 1.0).walk(20, 2, 0.25, 1.5)
                .turn(ON_SIDE, 0.5, 0.3).impact(5, 0.06).still(15);

        Run one = play(detector, longLie.batches(SENSOR, T0, 50));
        Run two = play(detector, twoFalls.batches(SENSOR, T0, 50));

        assertThat(one.alerts()).hasSize(1);
        assertThat(two.alerts()).hasSize(2);
        assertThat(two.alerts().get(0).key()).isNotEqualTo(two.alerts().get(1).key());
        assertThat(two.alerts().get(1).onset()).isAfter(two.alerts().get(0).raisedAt());
    }

    @Test
    void aRepeatedBatchChangesNothing() {
        List<AccelBatch> once = cleanFall(20).batches(SENSOR, T0, 50);
        List<AccelBatch> twice = new ArrayList<>();
        for (AccelBatch b : once) {
            twice.add(b);
            twice.add(b);
        }

        Run reference = play(detector, once);
        Run repeated = play(detector, twice);

        assertThat(repeated.alerts()).isEqualTo(reference.alerts()).hasSize(1);
        assertThat(repeated.end()).isEqualTo(reference.end());
    }

    @Test
    void overlappingBatchesUseOnlyTheirNewSamples() {
        List<AccelBatch> halves = cleanFall(20).batches(SENSOR, T0, 100, 0.5, 0.01, 7);
        List<AccelBatch> overlapping = new ArrayList<>();
        for (int i = 0; i + 1 < halves.size(); i++) {
            overlapping.add(join(halves.get(i), halves.get(i + 1)));
        }

        Run reference = play(detector, halves);
        Run overlapped = play(detector, overlapping);

        assertThat(overlapped.alerts()).isEqualTo(reference.alerts()).hasSize(1);
    }

    @Test
    void stillnessIsNeverAssumedAcrossAGapInTheData() {
        List<AccelBatch> all = cleanFall(30).batches(SENSOR, T0, 50);
        // the impact is at 10.5 s; drop the batches from 12 s to 21 s: the 10 s of stillness count from 21 s
        List<AccelBatch> withGap = all.stream()
                .filter(b -> b.start().isBefore(at(12)) || !b.start().isBefore(at(21))).toList();

        Run run = play(detector, withGap);

        assertThat(run.alerts()).singleElement()
                .satisfies(a -> assertThat(a.raisedAt()).isEqualTo(at(21 + 10)));
    }

    @Test
    void aShortGapIsBridged() {
        List<AccelBatch> all = cleanFall(20).batches(SENSOR, T0, 200, 0.1, 0.01, 3);
        // lose 0.2 s of samples during the stillness
        List<AccelBatch> withGap = all.stream()
                .filter(b -> b.start().isBefore(at(14)) || !b.start().isBefore(at(14.2))).toList();

        assertThat(play(detector, withGap).alerts()).hasSize(1);
    }

    @Test
    void anEmptyBatchChangesNothing() {
        AccelBatch empty = new AccelBatch(SENSOR, T0, 50, new float[0], new float[0], new float[0]);

        assertThat(detector.onBatch(FallState.initial(), empty))
                .isEqualTo(new FallStep(FallState.initial(), List.of()));
    }

    @Test
    void aStateBelongsToOneSensor() {
        FallState state = detector.onBatch(FallState.initial(), cleanFall(1).batches(SENSOR, T0, 50).get(0)).state();
        AccelBatch other = cleanFall(1).batches("waist-2", T0.plusSeconds(1), 50).get(1);

        assertThat(state.sensorId()).isEqualTo(SENSOR);
        assertThatThrownBy(() -> detector.onBatch(state, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one state per sensor");
    }

    @Test
    void aStateRebuiltFromItsComponentsCarriesOnIdentically() {
        List<AccelBatch> batches = cleanFall(20).batches(SENSOR, T0, 50);
        FallState state = FallState.initial();
        List<Alert> direct = new ArrayList<>();
        List<Alert> restored = new ArrayList<>();
        FallState copy = state;
        for (AccelBatch b : batches) {
            FallStep a = detector.onBatch(state, b);
            state = a.state();
            direct.addAll(a.alerts());
            FallStep c = detector.onBatch(copy, b);
            // a snapshot: every component copied into a new value
            FallState s = c.state();
            copy = new FallState(s.sensorId(), s.anchor(), s.lastSampleAt(), s.pending(), s.lastFrameSlot(),
                    new ArrayList<>(s.recent()), s.upright(), s.uprightFromGait(), s.gaitFrames(),
                    new ArrayList<>(s.candidates()));
            restored.addAll(c.alerts());
            assertThat(copy).isEqualTo(state).hasSameHashCodeAs(state);
        }
        assertThat(restored).isEqualTo(direct).hasSize(1);
    }

    private static AccelBatch join(AccelBatch a, AccelBatch b) {
        return new AccelBatch(a.sensorId(), a.start(), a.rateHz(), concat(a.x(), b.x()), concat(a.y(), b.y()),
                concat(a.z(), b.z()));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
