package org.hearth.simulator.scenario;

import java.util.List;
import java.util.Optional;

/**
 * How one home did against its ground truth.
 *
 * @param home       the home's run
 * @param outcomes   one per expectation, in order
 * @param falseAlerts alerts no expectation explains (or that a "no alert" expectation forbade)
 * @param duplicates surplus Tasks: the same alert identifier more than once in the care record
 * @param alerts     every alert the care record received from this home, by raise time
 */
public record Score(HomeRun home, List<Outcome> outcomes, List<ReceivedAlert> falseAlerts, int duplicates,
        List<ReceivedAlert> alerts) {

    /** What became of one expectation. */
    public enum Result {
        /** The expected alert arrived in time, or, for "no alert", none did. */
        DETECTED,
        /** The expected alert arrived, after its deadline. */
        LATE,
        /** The expected alert never arrived. */
        MISSED,
        /** A "no alert" expectation was broken: the forbidden alert arrived. */
        VIOLATED,
        /** The gateway lacks a capability this expectation needs: played, not scored. */
        PENDING
    }

    /**
     * @param expectation the ground truth
     * @param result      what became of it
     * @param alert       the alert matched to it, if any
     * @param missing     for pending: the capabilities the gateway lacks
     */
    public record Outcome(Expectation expectation, Result result, Optional<ReceivedAlert> alert, List<String> missing) {}

    public long count(Result r) {
        return outcomes.stream().filter(o -> o.result() == r).count();
    }

    /** Whether this home fails the run: a miss, a broken "no alert", a duplicate, or a home that did not finish. */
    public boolean failed() {
        return count(Result.MISSED) > 0 || count(Result.VIOLATED) > 0 || duplicates > 0 || home.error().isPresent();
    }
}
