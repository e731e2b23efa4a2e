package org.hearth.gateway.config;

import java.util.List;

/** Thrown when a configuration file cannot be used; carries every problem found, each naming its key. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() + " configuration problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code key: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
