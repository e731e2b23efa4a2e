package org.hearth.simulator.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a budget of inputs over the targets, round robin by weight, each input made by the target's {@link Mutator} from one
 * seeded random source, so a run is reproducible from its seed. Anything thrown by a target is a crash.
 */
final class Fuzzer {

    /** A crash, with what is needed to replay it: the input's index in the run and the target. */
    record Found(String target, long index, String failure) {}

    /** The result of a run. */
    record Result(long inputs, Map<String, Long> inputsPerTarget, List<Found> crashes) {}

    private final List<FuzzTarget> targets;

    Fuzzer(List<FuzzTarget> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no fuzz target");
        }
        this.targets = List.copyOf(targets);
    }

    Result run(long inputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Mutator> mutators = targets.stream().map(t -> new Mutator(t.corpus())).toList();
        Map<String, Long> perTarget = new LinkedHashMap<>();
        targets.forEach(t -> perTarget.put(t.name(), 0L));
        List<Found> crashes = new ArrayList<>();
        List<Integer> schedule = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            for (int w = 0; w < targets.get(t).weight(); w++) {
                schedule.add(t);
            }
        }
        for (long i = 0; i < inputs; i++) {
            int which = schedule.get((int) (i % schedule.size()));
            FuzzTarget target = targets.get(which);
            byte[] input = mutators.get(which).next(random);
            perTarget.merge(target.name(), 1L, Long::sum);
            try {
                target.run(input, random);
            } catch (Throwable t) { // a crash is anything at all that escapes: errors too (stack overflow, OOM)
                crashes.add(new Found(target.name(), i, t.getClass().getName() + ": " + t.getMessage()));
            }
        }
        return new Result(inputs, perTarget, crashes);
    }
}
