package org.hearth.simulator.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One thing under fuzz: a decoder (or the config loader), its seed corpus, and what a clean outcome is. {@link #run}
 * returns normally for a clean outcome (accepted, ignored or rejected with a reason) and throws for anything else,
 * which the fuzzer counts as a crash.
 */
interface FuzzTarget {
    /** The name used by {@code --target}. */
    String name();

    /** How many inputs this target gets per round of the fuzzer (the slow config loader gets fewer). */
    int weight();

    /** Real payload shapes to mutate. */
    List<byte[]> corpus();

    /** Runs one input; {@code random} may pick the input's context (e.g. the topic it arrived on). */
    void run(byte[] input, SplittableRandom random) throws Exception;
}
