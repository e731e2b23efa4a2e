package org.hearth.simulator.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ground truth for one injected event: the alert the care record should receive, raised between {@code from} and
 * {@code by}; or, when {@code alert} is empty, that no {@code guarded} alert is raised in that span.
 *
 * @param label    what was injected, for the report (e.g. {@code collapse day 2 10:00})
 * @param kind     the injected kind
 * @param alert    the expected alert code, or empty for "no alert"
 * @param guarded  for "no alert": the code that must not appear
 * @param from     earliest raise time that counts
 * @param by       the deadline; later is "late"
 * @param requires capabilities needed for scoring; missing ones make it pending
 */
public record Expectation(String label, InjectionKind kind, Optional<String> alert, String guarded, Instant from,
        Instant by, List<String> requires) {

    /** The code an alert must have to be matched to this expectation (expected, or guarded against). */
    public String code() {
        return alert.orElse(guarded);
    }
}
