package org.hearth.simulator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation on the real shared data, as a regression guard: each figure is asserted slightly looser than what
 * the rules reach today, so that a change that makes detection worse fails here. The targets of design §7 are in the
 * summary printed by each run.
 *
 * <p>One target is not met: false alerts, 2 in 21.2 days (2.8 per home-month, target 0.5). Both are the resident
 * getting up from a mat and then, for an hour or more, sitting or sleeping where no sensor sees them: at 19:58 from
 * the seat mat (then TV, the next sensor 61 min later), at 06:25 from the bed (the mat missed them asleep for 3 h).
 * With these sensors that is exactly what a fall after standing up looks like, the commonest fall there is; a
 * detector that reports such a fall within the hour must report these too. Rarer would need a sensor that sees the
 * person where they sit or lie (a room PIR rather than a doorway one, a second seat mat, a wearable), or the "I'm
 * OK" staged warning of design §3 before the alert leaves the home. With only 21 days of one home, 2 alerts is also
 * too few to estimate a rate of 0.5 a month: the figure is indicative.
 */
class HomeEvaluationTest {

    private static final long SEED = 42;
    private static Path data;

    @BeforeAll
    static void findSharedData() {
        data = sharedData();
    }

    @Test
    void learntRoutineOnTheSharedHomes() {
        HomeEvaluation.HomeResult r = HomeEvaluation.run(data, SEED);
        System.out.println(r.summary());
        r.falseAlertExplanations().forEach(System.out::println);

        assertThat(r.homes()).isEqualTo(1);
        assertThat(r.homeDays()).isBetween(21.0, 21.5);
        // Reached: 2 silence alerts in 21.2 days (2.84 per home-month), both a resident who got up from a mat and
        // then sat or slept where no sensor sees them for an hour or more: one prolonged inactivity, one bed exit
        // without return (whose episode raises no second, inactivity, alert). Target <= 0.5: not met.
        assertThat(r.falseAlerts()).isLessThanOrEqualTo(2);
        assertThat(r.falseAlertsPerHomeMonth()).isLessThan(3.0);
        assertThat(r.falseAlertExplanations()).filteredOn(a -> a.contains("prolonged-inactivity")).hasSize(1);
        assertThat(r.collapseTrials()).isEqualTo(200);
        assertThat(r.collapseDetectedFraction()).isEqualTo(1.0);
        // Reached: 46 min by day, 45 min at night (bed exits alert 30 min after getting up). Targets <= 60, <= 120.
        assertThat(r.medianDelayMinDay()).isLessThanOrEqualTo(50);
        assertThat(r.medianDelayMinNight()).isLessThanOrEqualTo(50);
        assertThat(r.maxDelayMin()).isLessThan(24 * 60);
        // Routine detectors, every alert false: reached bathroom 0, bed exit 1 (got up at 06:23, the mat missed the
        // return to bed), door at night 0, missed morning 0.
        r.routineExplanations().forEach(System.out::println);
        assertThat(r.routineFalseAlerts()).containsOnlyKeys("bathroom-dwell", "bed-exit-no-return",
                "door-open-night", "missed-morning-routine");
        assertThat(r.routineFalseAlerts().get("bathroom-dwell")).isZero();
        assertThat(r.routineFalseAlerts().get("bed-exit-no-return")).isLessThanOrEqualTo(1);
        assertThat(r.routineFalseAlerts().get("door-open-night")).isZero();
        assertThat(r.routineFalseAlerts().get("missed-morning-routine")).isZero();
    }

    @Test
    void fixedBandsAloneAreFarWorseOnTheSameHomes() {
        HomeEvaluation.HomeResult fixed = HomeEvaluation.run(data, SEED,
                zone -> RoutinePolicy.fixed(InactivityPolicy.ukDefault(zone)));
        System.out.println("fixed bands, no context:\n" + fixed.summary());

        // The plain UK default bands, without layout or learning: about 30 false alerts a month, hours late.
        assertThat(fixed.falseAlertsPerHomeMonth()).isGreaterThan(20);
        assertThat(fixed.medianDelayMinDay()).isGreaterThan(120);
    }

    /**
     * The shared data directory: {@code -Dhearth.data=DIR} if set, else {@code ../shared/data} from the repository
     * root, found by walking up from the working directory (the module directory under surefire).
     */
    static Path sharedData() {
        String configured = System.getProperty("hearth.data");
        if (configured != null) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir.resolve("smarthome"))) {
                fail("-Dhearth.data=" + configured + " has no smarthome directory");
            }
            return dir;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate.resolve("smarthome"))) {
                return candidate;
            }
        }
        return fail("the shared data (../shared/data/smarthome next to the repository, e.g. /work/shared/data) is "
                + "not there; set -Dhearth.data=DIR to point at it. Never copy it into the project.");
    }
}
