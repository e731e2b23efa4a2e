package org.hearth.rules.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A minimal property runner: checks a property against many pseudo-random cases, each drawn from its own seed,
 * and names the seed of a falsifying case so it can be replayed with {@code forAll(1, seed, property)}.
 *
 * <p>Deliberately plain JUnit: jqwik 1.10 asks that AI coding agents not use it, and these tests were written by
 * one. The seeds are fixed, so every run checks the same cases.
 */
public final class Seeded {

    private Seeded() {
    }

    /**
     * Runs {@code property} once for each of {@code tries} seeds starting at {@code firstSeed}.
     *
     * @param tries     how many cases
     * @param firstSeed seed of the first case; case {@code i} uses {@code firstSeed + i}
     * @param property  draws a case from the random source and asserts on it
     * @throws AssertionError naming the seed, if the property fails for a case
     */
    public static void forAll(int tries, long firstSeed, Consumer<SplittableRandom> property) {
        for (int i = 0; i < tries; i++) {
            long seed = firstSeed + i;
            try {
                property.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property falsified by seed " + seed
                        + " (replay with forAll(1, " + seed + "L, ...)): " + e.getMessage(), e);
            }
        }
    }
}
