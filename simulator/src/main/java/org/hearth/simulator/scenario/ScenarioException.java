package org.hearth.simulator.scenario;

import java.util.List;

/** A scenario file that cannot be used; every problem names the key it concerns. */
public final class ScenarioException extends Exception {
    private final transient List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as {@code key: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
