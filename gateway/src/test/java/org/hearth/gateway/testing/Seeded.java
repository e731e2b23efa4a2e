package org.hearth.gateway.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A minimal property runner: checks a property against many pseudo-random cases, each drawn from its own seed, and
 * names the seed of a falsifying case so it can be replayed with {@code forAll(1, seed, property)}.
 *
 * <p>The same design as the rules module's runner (which is not on this module's classpath). Plain JUnit on purpose:
 * jqwik 1.10 asks that AI coding agents not use it, and these tests were written by one. The seeds are fixed, so
 * every run checks the same cases.
 */
public final class Seeded {

    private Seeded() {
    }

    /**
     * Runs {@code property} once for each of {@code tries} seeds starting at {@code firstSeed}.
     *
     * @throws AssertionError naming the seed, if the property fails (or throws) for a case
     */
    public static void forAll(int tries, long firstSeed, Consumer<SplittableRandom> property) {
        for (int i = 0; i < tries; i++) {
            long seed = firstSeed + i;
            try {
                property.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property falsified by seed " + seed
                        + " (replay with forAll(1, " + seed + "L, ...)): " + e, e);
            }
        }
    }
}
