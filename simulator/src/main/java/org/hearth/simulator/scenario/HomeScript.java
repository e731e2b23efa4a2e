package org.hearth.simulator.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one simulated home will go through, decided before it runs: the stimuli in time order and the ground
 * truth. Each home of a run has its own resident seed, so homes differ while every run of the same seed is the same.
 *
 * @param index        the home's number in the run, from 0
 * @param seed         its resident's seed
 * @param home         its rooms and sensors
 * @param stimuli      what happens, sorted by instant
 * @param expectations what should reach the care record
 */
public record HomeScript(int index, long seed, Scenario.HomeSpec home, List<Stimulus> stimuli,
        List<Expectation> expectations) {

    /** The seed of home {@code index} of a run whose first home has {@code seed}. */
    public static long seedOf(long seed, int index) {
        return seed + 7919L * index;
    }

    /** Plans home {@code index} of {@code scenario}, from {@code seed} (see {@link #seedOf}). */
    public static HomeScript of(Scenario scenario, int index, long seed) throws IOException {
        if (scenario.replay().isPresent()) {
            return Replays.script(scenario, index, seed);
        }
        Plan plan = new RoutinePlanner(scenario, seed).plan();
        Injector injector = new Injector(scenario);
        List<Expectation> expectations = injector.apply(plan);
        List<Stimulus> stimuli = new PlanRenderer(scenario.home(), seed)
                .render(plan, injector.stuckSensors(), injector.bridgeDownSpans());
        return new HomeScript(index, seed, scenario.home(), stimuli, expectations);
    }

    /** A copy with stimuli merged in (kept sorted). */
    HomeScript with(List<Stimulus> more, List<Expectation> moreExpectations) {
        List<Stimulus> all = new ArrayList<>(stimuli);
        all.addAll(more);
        all.sort(Comparator.comparing(Stimulus::at));
        List<Expectation> ex = new ArrayList<>(expectations);
        ex.addAll(moreExpectations);
        return new HomeScript(index, seed, home, all, ex);
    }
}
