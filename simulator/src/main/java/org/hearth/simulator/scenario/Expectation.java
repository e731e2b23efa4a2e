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
 * @param alsoExplains codes of other alerts the same event rightly raises in its span (a collapse in the bathroom is
 *                 also a far too long bathroom stay): never false, and for an expected alert each also answers it,
 *                 since the gateway raises one alert per episode from whichever rule is due first
 */
public record Expectation(String label, InjectionKind kind, Optional<String> alert, String guarded, Instant from,
        Instant by, List<String> requires, List<String> alsoExplains) {

    /** Copies the lists. */
    public Expectation {
        requires = List.copyOf(requires);
        alsoExplains = List.copyOf(alsoExplains);
    }

    /** An expectation that explains no other alert. */
    public Expectation(String label, InjectionKind kind, Optional<String> alert, String guarded, Instant from,
            Instant by, List<String> requires) {
        this(label, kind, alert, guarded, from, by, requires, List.of());
    }

    /** The code an alert must have to be matched to this expectation (expected, or guarded against). */
    public String code() {
        return alert.orElse(guarded);
    }
}
