package org.hearth.rules.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One open, already alerted problem of one sensor: it ends when the sensor recovers, and only a new episode alerts
 * again.
 *
 * @param sensorId the sensor (or {@link SensorHealthDetector#BRIDGE_ID})
 * @param problem  what is wrong
 * @param since    when the problem began (the alert's onset)
 * @param raisedAt when it was alerted
 */
public record Episode(String sensorId, HealthProblem problem, Instant since, Instant raisedAt) {

    /**
     * Validates the episode.
     *
     * @throws NullPointerException if a component is null
     */
    public Episode {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    /** The key of a sensor's problem in {@link SensorHealthState#episodes()}, e.g. {@code "hall-motion/offline"}. */
    static String key(String sensorId, HealthProblem problem) {
        return sensorId + "/" + problem.code();
    }
}
