package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.BATHROOM;
import static org.hearth.rules.testing.TestHome.BED;
import static org.hearth.rules.testing.TestHome.BEDROOM;
import static org.hearth.rules.testing.TestHome.CHAIR;
import static org.hearth.rules.testing.TestHome.DOOR;
import static org.hearth.rules.testing.TestHome.HALL;
import static org.hearth.rules.testing.TestHome.KITCHEN;
import static org.hearth.rules.testing.TestHome.LAYOUT;
import static org.hearth.rules.testing.TestHome.LIVING;
import static org.hearth.rules.testing.TestHome.LONDON;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.inactivity.Allowance;
import org.hearth.rules.inactivity.QuietContext;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Replay;
import org.hearth.rules.testing.TestHome;
import org.hearth.rules.testing.TestHome.Script;
import org.junit.jupiter.api.Test;

/**
 * The engine with a layout and the UK default routine policy, on June days (BST): nine regular days learnt (see
 * {@link TestHome#regularDay}), then the day under test, 2026-06-10, scripted up to the moment things go quiet.
 */
class RulesEngineRoutineTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 6, 1);
    private static final LocalDate DAY = LocalDate.of(2026, 6, 10);

    private final RulesEngine engine = new RulesEngine(LAYOUT, RoutinePolicy.ukDefault(LONDON));
    private final Script today = new Script(DAY, LONDON);

    @Test
    void whileLearningTheCliniciansFallbackApplies() {
        Script first = new Script(FIRST, LONDON);
        first.at("07:00", BED, EventKind.VACATED).every("07:01", "10:21", 20, KITCHEN, LIVING)
                .at("10:31", KITCHEN, EventKind.MOTION);

        Alert alert = onlyAlert(new Replay(engine).ticking(first.events(), Duration.ofMinutes(1),
                first.instant("20:00")));

        assertThat(alert.raisedAt()).isEqualTo(first.instant("13:31"));
        assertThat(alert.evidence().rule()).isEqualTo(RulesEngine.LEARNT_INACTIVITY_RULE);
        assertThat(alert.evidence().threshold()).isEqualTo(Duration.ofHours(3));
        assertThat(alert.evidence().learntNormal()).isZero();
        assertThat(alert.evidence().explanation()).isEqualTo("No activity for 3h 00m since 10:31 (motion in "
                + "kitchen-motion), at home and not in bed or a chair, last seen in the kitchen; still learning this "
                + "resident's routine, so the clinician's 3h 00m for 07:00-22:00 was allowed (Europe/London)");
    }

    @Test
    void afterLearningAQuietKitchenIsJudgedByTheLearntNormalTimesTheMargin() {
        today.at("10:31", KITCHEN, EventKind.MOTION);

        Replay replay = learntThen(usualUntilThenToday("10:31"), today.instant("20:00"));

        Alert alert = onlyAlert(replay);
        // Kitchen spells around 10:00-11:00 last 20 min (motion every 20 min, going round the rooms); the histogram
        // knows that to within its bucket, 20-26 min.
        assertThat(alert.evidence().learntNormal()).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(27));
        Duration threshold = alert.evidence().threshold();
        assertThat(threshold).isEqualTo(Duration.ofMinutes(Math.round(alert.evidence().learntNormal().toSeconds() * 2.5
                / 60)));
        assertThat(alert.raisedAt()).isEqualTo(today.instant("10:31").plus(threshold));
        assertThat(alert.evidence().observed()).isEqualTo(threshold);
        assertThat(alert.evidence().explanation()).isEqualTo("No activity for " + hm(threshold) + " since 10:31 "
                + "(motion in kitchen-motion), at home and not in bed or a chair, last seen in the kitchen; lately the "
                + "longest quiet spell around this time of day was " + hm(alert.evidence().learntNormal()) + ", so "
                + hm(threshold) + " (2.5 times that) was allowed (Europe/London)");
    }

    @Test
    void gettingUpAtNightAndNotBeingSeenSinceIsAlertedAtTheNightFloor() {
        // In bed since 22:30 yesterday; gets up at 03:00 as every night, and then nothing.
        today.at("03:00", BED, EventKind.VACATED);

        Alert alert = onlyAlert(learntThen(today.events(), today.instant("12:00")));

        assertThat(alert.type()).isEqualTo(AlertType.PROLONGED_INACTIVITY);
        assertThat(alert.sensorId()).isEqualTo(BED);
        assertThat(alert.onset()).isEqualTo(today.instant("03:00"));
        assertThat(alert.raisedAt()).isEqualTo(today.instant("04:00"));
        assertThat(alert.evidence().threshold()).isEqualTo(Duration.ofHours(1));
        // The spells after getting up last a minute; the histogram resolves nothing below 5 min.
        assertThat(alert.evidence().learntNormal()).isEqualTo(Duration.ofMinutes(5));
        assertThat(alert.evidence().explanation()).isEqualTo("No activity for 1h 00m since 03:00 (got up from "
                + "bedroom-mat), not seen since getting up, last seen in the bedroom; lately the longest quiet spell "
                + "after getting up around this time of day was 0h 05m, so the clinician's minimum of 1h 00m was "
                + "allowed (Europe/London)");
    }

    @Test
    void inBedAtNightIsNormalButStillInBedLongAfterTheUsualTimeIsNot() {
        // Skips the toilet trip and the 07:00 rise: in bed since 22:30 yesterday.
        Replay replay = learntThen(List.of(), today.instant("12:00"));

        Alert alert = onlyAlert(replay);
        assertThat(alert.onset()).isEqualTo(today.instant("22:30").minus(Duration.ofDays(1)));
        // Never in bed after 07:00: at 08:00 that is rare, and the clinician's floor of 8 h in bed has long passed.
        assertThat(alert.raisedAt()).isEqualTo(today.instant("08:00"));
        assertThat(alert.evidence().threshold()).isEqualTo(Duration.ofHours(8));
        assertThat(alert.evidence().explanation()).isEqualTo("No activity for 9h 30m since 2026-06-09 22:30 (sat or "
                + "lay down on bedroom-mat), in bed; this resident is rarely in bed at this time of day, so the "
                + "clinician's minimum of 8h 00m was allowed (Europe/London)");
    }

    @Test
    void bedEvidenceHoldsTheMatReadingAndTheLastActivity() {
        today.at("02:00", BEDROOM, EventKind.MOTION); // turning over in bed, the mat still occupied

        Alert alert = onlyAlert(learntThen(today.events(), today.instant("12:00")));

        assertThat(alert.evidence().events()).extracting(SensorEvent::sensorId, SensorEvent::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BED, EventKind.OCCUPIED),
                org.assertj.core.groups.Tuple.tuple(BEDROOM, EventKind.MOTION));
        assertThat(alert.sensorId()).isEqualTo(BEDROOM);
        assertThat(alert.evidence().explanation()).contains("(motion in bedroom-motion), in bed since "
                + "2026-06-09 22:30 (bedroom-mat)");
    }

    @Test
    void sittingIsAllowedLongerThanBeingUpAndAboutButAnUnusuallyLongSitStillAlerts() {
        Replay sitting = learntThen(usualUntil("14:06"), today.instant("23:00"));
        List<SensorEvent> standing = new ArrayList<>(usualUntil("14:05"));
        standing.add(SensorEvent.of(HALL, EventKind.MOTION, today.instant("14:05")));
        Replay about = learntThen(standing, today.instant("23:00"));

        // Usually up from the chair by 16:00; at 17:00, nobody has sat there that late, so the floor of 90 min applies.
        Alert sit = onlyAlert(sitting);
        assertThat(sit.raisedAt()).isEqualTo(today.instant("17:00"));
        assertThat(sit.evidence().explanation()).contains(", in a chair; this resident is rarely in a chair at this "
                + "time of day, so the clinician's minimum of 1h 30m was allowed");
        assertThat(onlyAlert(about).raisedAt()).isBefore(sit.raisedAt());
    }

    @Test
    void goingOutSuspendsInactivityUntilTheNextActivityInside() {
        Replay replay = learntThen(usualUntil("12:01"), today.instant("19:00"));
        assertThat(replay.alerts()).isEmpty();
        assertThat(replay.state().whereabouts().context()).isEqualTo(QuietContext.AWAY);

        replay.ticking(List.of(SensorEvent.of(KITCHEN, EventKind.MOTION, today.instant("19:00"))),
                Duration.ofMinutes(1), today.instant("23:00"));

        assertThat(replay.state().whereabouts().context()).isEqualTo(QuietContext.AT_HOME);
        assertThat(onlyAlert(replay).type()).isEqualTo(AlertType.PROLONGED_INACTIVITY);
        assertThat(onlyAlert(replay).onset()).isEqualTo(today.instant("19:00"));
    }

    @Test
    void anAbsenceFarBeyondTheUsualRaisesAProlongedAbsenceAlert() {
        Alert alert = onlyAlert(learntThen(usualUntil("12:01"), today.instant("23:59")));

        assertThat(alert.type()).isEqualTo(AlertType.PROLONGED_ABSENCE);
        assertThat(alert.sensorId()).isEqualTo(DOOR);
        assertThat(alert.raisedAt()).isEqualTo(today.instant("20:00:10"));
        assertThat(alert.evidence().rule()).isEqualTo(RulesEngine.ABSENCE_RULE);
        assertThat(alert.key()).startsWith("prolonged-absence:front-door:");
        // Never out after 14:00: by 20:00, being out is rare, and the clinician's floor of 8 h applies.
        assertThat(alert.evidence().explanation()).isEqualTo("Out for 8h 00m since 12:00 (contact closed at "
                + "front-door), nothing moving at home since; this resident is rarely out at this time of day, so the "
                + "clinician's minimum of 8h 00m was allowed (Europe/London)");
    }

    @Test
    void aFrontDoorLeftOpenIsNotGoingOut() {
        Alert alert = onlyAlert(learntThen(usualUntil("12:00:05"), today.instant("23:59")));

        assertThat(alert.type()).isEqualTo(AlertType.PROLONGED_INACTIVITY);
        assertThat(alert.raisedAt()).isBefore(today.instant("16:00"));
    }

    @Test
    void someoneStillInTheChairWhenTheFrontDoorClosesIsHome() {
        // A visitor leaves while the resident sits.
        today.at("14:30", DOOR, EventKind.CONTACT_OPEN).at("14:30:10", DOOR, EventKind.CONTACT_CLOSED);

        Replay replay = learntThen(usualUntilThenToday("14:06"), today.instant("15:00"));

        assertThat(replay.state().whereabouts().context()).isEqualTo(QuietContext.IN_CHAIR);
    }

    @Test
    void theFrontDoorUsedOnComingHomeIsNotGoingOutAgain() {
        Replay replay = learntThen(usualUntil("14:01"), today.instant("23:59"));

        assertThat(replay.state().whereabouts().departed()).isFalse();
        Alert alert = onlyAlert(replay);
        assertThat(alert.type()).isEqualTo(AlertType.PROLONGED_INACTIVITY);
        assertThat(alert.onset()).isEqualTo(today.instant("14:00:10"));
        assertThat(alert.evidence().explanation()).contains("last seen in the hall");
    }

    @Test
    void aQuietSpellInARoomTheResidentRarelyIsInAtThatHourGetsTheFloor() {
        today.at("08:00", BEDROOM, EventKind.MOTION); // never in the bedroom at 08:00

        Alert alert = onlyAlert(learntThen(usualUntilThenToday("08:00"), today.instant("12:00")));

        assertThat(alert.raisedAt()).isEqualTo(today.instant("08:45"));
        assertThat(alert.evidence().explanation()).contains("this resident is rarely up and about at this time of "
                + "day, so the clinician's minimum of 0h 45m was allowed");
        assertThat(engine.allowanceAt(stateBefore(alert), alert.raisedAt()).basis()).isEqualTo(Allowance.Basis.RARE);
    }

    @Test
    void aLateMatReadingNeverOverridesANewerOne() {
        List<SensorEvent> events = new ArrayList<>(usualUntil("14:05"));
        events.add(SensorEvent.of(CHAIR, EventKind.OCCUPIED, today.instant("14:05")));
        events.add(SensorEvent.of(CHAIR, EventKind.VACATED, today.instant("14:00")));
        Replay replay = learntThen(events, today.instant("14:06"));

        assertThat(replay.state().whereabouts().context()).isEqualTo(QuietContext.IN_CHAIR);
        assertThat(replay.state().lastActivityAt()).isEqualTo(today.instant("14:05"));
    }

    @Test
    void aMatReadingAtTheInstantOfTheLastActivityStillCounts() {
        List<SensorEvent> events = new ArrayList<>(usualUntil("14:05"));
        events.add(SensorEvent.of(LIVING, EventKind.MOTION, today.instant("14:05")));
        events.add(SensorEvent.of(CHAIR, EventKind.OCCUPIED, today.instant("14:05")));
        Replay replay = learntThen(events, today.instant("14:06"));

        assertThat(replay.state().lastActivity().sensorId()).isEqualTo(LIVING);
        assertThat(replay.state().whereabouts().context()).isEqualTo(QuietContext.IN_CHAIR);
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        Replay replay = learntThen(List.of(), today.instant("02:00"));
        EngineState before = replay.state();
        SensorEvent vacated = SensorEvent.of(BED, EventKind.VACATED, today.instant("03:00"));

        EngineState once = engine.onEvent(before, vacated).state();
        Step twice = engine.onEvent(once, vacated);

        assertThat(twice.state()).isEqualTo(once);
        assertThat(twice.alerts()).isEmpty();
    }

    @Test
    void theLearntRoutineIsPartOfTheStateAndStaysBounded() {
        Replay month = new Replay(engine).events(TestHome.regularDays(FIRST, 60, LONDON));

        EngineState state = month.state();
        assertThat(state.routine().histograms().keySet()).containsExactlyInAnyOrder("at-home/bathroom",
                "at-home/bedroom", "at-home/bedroom/got-up", "at-home/hall", "at-home/kitchen", "at-home/living",
                "at-home/living/got-up", "away", "in-bed", "in-chair");
        assertThat(state.routine().since()).isEqualTo(TestHome.regularDay(FIRST, LONDON).get(0).at());
        assertThat(month.alerts()).isEmpty();
        // 60 days at a half-life of 28 days weigh 100 x (1 - 2^(-60/28)) / (1 - 2^(-1/28)) = about 3,160.
        int[] hours = state.routine().hours();
        assertThat(hours[10]).isBetween(3_000, 3_200);
    }

    /** The regular day under test before {@code localTime} (exclusive): the resident's usual morning. */
    private List<SensorEvent> usualUntil(String localTime) {
        Instant until = today.instant(localTime);
        return TestHome.regularDay(DAY, LONDON).stream().filter(e -> e.at().isBefore(until)).toList();
    }

    /** {@link #usualUntil} then the scripted events of today. */
    private List<SensorEvent> usualUntilThenToday(String localTime) {
        List<SensorEvent> events = new ArrayList<>(usualUntil(localTime));
        events.addAll(today.events());
        return events;
    }

    /** The nine regular days before {@link #DAY}, then {@code events}, ticking every minute until {@code end}. */
    private Replay learntThen(List<SensorEvent> events, Instant end) {
        List<SensorEvent> all = new ArrayList<>(TestHome.regularDays(FIRST, 9, LONDON));
        all.addAll(events);
        Instant lastLearnt = all.get(TestHome.regularDays(FIRST, 9, LONDON).size() - 1).at();
        Replay replay = new Replay(engine).events(all.subList(0, all.size() - events.size()));
        assertThat(replay.alerts()).as("no alert in nine regular days").isEmpty();
        return replay.ticking(events, Duration.ofMinutes(1), end.isAfter(lastLearnt) ? end : lastLearnt);
    }

    private EngineState stateBefore(Alert alert) {
        List<SensorEvent> all = new ArrayList<>(TestHome.regularDays(FIRST, 9, LONDON));
        all.addAll(usualUntilThenToday("08:00"));
        return new Replay(engine).events(all).state();
    }

    private static Alert onlyAlert(Replay replay) {
        assertThat(replay.alerts()).hasSize(1);
        return replay.alerts().get(0);
    }

    private static String hm(Duration d) {
        return Explanations.duration(d);
    }
}
