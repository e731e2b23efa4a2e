package org.hearth.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutinePlannerTest {

    private static Scenario scenario(String yaml) throws ScenarioException {
        return ScenarioParser.parse(yaml, Path.of("."));
    }

    @Test
    void theSameSeedPlansTheSameDaysAndAnotherSeedOthers() throws Exception {
        Scenario s = scenario("name: week\ndays: 7\nseed: 5\ninject: [ { kind: collapse, day: 3 } ]\n");

        HomeScript a = HomeScript.of(s, 0, 5);
        HomeScript b = HomeScript.of(s, 0, 5);
        HomeScript c = HomeScript.of(s, 1, HomeScript.seedOf(5, 1));

        assertThat(a.stimuli()).isEqualTo(b.stimuli()).isNotEqualTo(c.stimuli());
        assertThat(a.expectations()).isEqualTo(b.expectations());
    }

    @Test
    void daysVaryButTheResidentIsUpEveryMorningAndNeverActiveAfterACollapse() throws Exception {
        Scenario s = scenario("name: week\ndays: 7\nseed: 3\ninject: [ { kind: collapse, day: 4, at: \"10:00\" } ]\n");
        HomeScript script = HomeScript.of(s, 0, 3);
        int[][] grid = HomeRun.activityGrid(script.stimuli(), s);

        for (int d = 0; d < 7; d++) {
            int morning = grid[d][6] + grid[d][7] + grid[d][8];
            assertThat(morning).as("day " + (d + 1) + " morning").isPositive();
        }
        assertThat(grid[0]).isNotEqualTo(grid[1]);
        Expectation collapse = script.expectations().get(0);
        assertThat(collapse.alert()).contains("prolonged-inactivity");
        assertThat(script.stimuli()).filteredOn(x -> x.action().isActivity())
                .noneMatch(x -> !x.at().isBefore(collapse.from()) && x.at().isBefore(collapse.by()));
    }

    @Test
    void aPressOnTheSpringClockChangeAtAnHourThatDoesNotExistHappensAnHourLater() throws Exception {
        Scenario s = scenario("name: spring\nstart: 2026-03-29\ninject: [ { kind: clock-change, at: \"01:30\" } ]\n");

        Expectation e = HomeScript.of(s, 0, 1).expectations().get(0);

        assertThat(e.from().atZone(ZoneId.of("Europe/London")).toLocalTime()).hasToString("02:30");
        assertThat(e.from()).hasToString("2026-03-29T01:30:00Z");
    }

    @Test
    void everyKindPlansAndExpectsSomething() throws Exception {
        StringBuilder inject = new StringBuilder("name: all\ndays: 2\ninject:\n");
        for (InjectionKind k : InjectionKind.values()) {
            String sensor = k == InjectionKind.BATTERY_DYING ? ", sensor: kitchen-motion" : ""; // not the stuck one
            inject.append("  - { kind: ").append(k.code()).append(", day: 2").append(sensor).append(" }\n");
        }
        HomeScript script = HomeScript.of(scenario(inject.toString()), 0, 9);

        List<InjectionKind> kinds = script.expectations().stream().map(Expectation::kind).toList();
        assertThat(kinds).containsExactly(InjectionKind.values());
        assertThat(script.stimuli()).anyMatch(x -> x.action() instanceof Stimulus.GatewayRestart)
                .anyMatch(x -> x.action() instanceof Stimulus.Uplink u && u.down())
                .anyMatch(x -> x.action() instanceof Stimulus.Bridge b && !b.online())
                .anyMatch(x -> x.action() instanceof Stimulus.Battery b && b.low())
                .anyMatch(x -> x.action() instanceof Stimulus.Radar r && r.type().equals("fall"))
                .anyMatch(x -> x.action() instanceof Stimulus.Accel);
    }

    @Test
    void everyMorningHasAWashAndABreakfastHoweverLateTheResidentWakesOrSlowlyTheyDress() throws Exception {
        Scenario s = scenario("name: month\ndays: 30\n");
        int mornings = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<Plan.Segment> segments = new RoutinePlanner(s, seed).plan().segments();
            for (int i = 1; i < segments.size(); i++) {
                Plan.Segment prev = segments.get(i - 1);
                Plan.Segment up = segments.get(i);
                if (!(prev.room().equals("bedroom") && prev.mode() == Plan.Mode.RESTING
                        && up.room().equals("bedroom") && up.mode() == Plan.Mode.ACTIVE)) {
                    continue; // not getting up
                }
                mornings++;
                Instant wake = up.start();
                Instant bathroomBy = wake.plus(Duration.ofHours(1));
                // breakfast is drawn around its own time: an early riser (up to 75 min early) may eat up to 45 min late
                Instant kitchenBy = wake.plus(Duration.ofHours(3));
                List<Plan.Segment> after = segments.subList(i, segments.size());
                String day = "seed " + seed + ", up at " + wake;
                assertThat(after).as(day).anyMatch(x -> x.room().equals("bathroom") && x.start().isBefore(bathroomBy));
                assertThat(after).as(day).anyMatch(x -> x.room().equals("kitchen") && x.start().isBefore(kitchenBy));
            }
        }
        assertThat(mornings).isEqualTo(40 * 30);
    }

    @Test
    void aCollapseInTheBathroomAlsoExplainsABathroomStayAlertAndOneElsewhereDoesNot() throws Exception {
        // seed 7961's resident is in the bathroom at 10:00 on day 5, in the lounge at 15:00
        Scenario s = scenario("name: month\ndays: 30\nseed: 42\ninject:\n"
                + "  - { kind: collapse, day: 5, at: \"10:00\" }\n  - { kind: collapse, day: 6, at: \"15:00\" }\n");
        List<Expectation> truth = HomeScript.of(s, 1, 7961).expectations();
        Plan plan = new RoutinePlanner(s, 7961).plan();
        List<Expectation> fresh = new Injector(s).apply(plan);

        assertThat(fresh).isEqualTo(truth);
        assertThat(plan.at(truth.get(0).from())).get().extracting(Plan.Segment::room).isEqualTo("bathroom");
        assertThat(truth.get(0).alsoExplains()).containsExactly("bathroom-dwell");
        assertThat(plan.at(truth.get(1).from())).get().extracting(Plan.Segment::room).isNotEqualTo("bathroom");
        assertThat(truth.get(1).alsoExplains()).isEmpty();
    }

    @Test
    void aResidentWhoCollapsesSoonAfterComingHomeIsSeenInsideAfterTheFrontDoorCloses() throws Exception {
        Scenario s = scenario("""
                name: outing
                days: 3
                routine:
                  outing: { chance: 1.0, at: "10:30", length: 90m }
                inject:
                  - { kind: collapse, day: 1, at: "11:00" }
                  - { kind: collapse, day: 2, at: "11:15" }
                  - { kind: collapse, day: 3, at: "11:30" }
                """);
        int cameHome = 0;
        for (long seed = 1; seed <= 20; seed++) {
            HomeScript script = HomeScript.of(s, 0, seed);
            for (Expectation collapse : script.expectations()) {
                Instant t = collapse.from();
                List<Stimulus> before = script.stimuli().stream().filter(x -> x.action().isActivity())
                        .filter(x -> x.at().isBefore(t) && !x.at().isBefore(t.minus(Duration.ofMinutes(25)))).toList();
                int lastDoor = -1;
                for (int i = 0; i < before.size(); i++) {
                    lastDoor = before.get(i).action().sensorId().equals("front-door") ? i : lastDoor;
                }
                if (lastDoor < 0) {
                    continue; // the outing clashed with something that day
                }
                cameHome++;
                assertThat(before.subList(lastDoor + 1, before.size())).as("seed " + seed + ", " + collapse.label())
                        .isNotEmpty(); // seen inside after the door: not someone going out
            }
        }
        assertThat(cameHome).isGreaterThan(30);
    }
}
