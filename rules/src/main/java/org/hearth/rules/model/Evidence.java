package org.hearth.rules.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why an alert was raised: the events behind it, the rule and threshold that judged them, what was observed, what
 * is normal for this resident where the rule learns it, and one sentence a community nurse can read.
 *
 * <p>The explanation holds sensor ids, times and thresholds only, for example
 * {@code "No activity for 3h 05m since 10:02 (motion in kitchen-motion); allowed 3h 00m in band 09:00-12:00
 * (Europe/London)"}. It never carries names, addresses, NHS numbers or raw payloads.
 *
 * @param events      the events the rule judged, in the order it saw them; stored as an immutable copy
 * @param rule        stable id of the rule that fired, for example {@code "inactivity.quiet-bands"}
 * @param threshold   the limit the rule applied ({@link Duration#ZERO} for rules without one)
 * @param observed    what was measured against the threshold ({@link Duration#ZERO} for rules without one)
 * @param explanation a human sentence as described above
 * @param learntNormal what the rule learnt to be normal for this resident in this situation and time of day, from
 *                     which it derived the threshold ({@link Duration#ZERO} for rules that learn nothing, and while
 *                     a learning rule still relies on the clinician's settings); null stands for
 *                     {@link Duration#ZERO}, so evidence stored before this component existed still reads
 */
public record Evidence(List<SensorEvent> events, String rule, Duration threshold, Duration observed,
                       String explanation, Duration learntNormal) {

    /**
     * Evidence of a rule that learns nothing: {@code learntNormal} is {@link Duration#ZERO}.
     *
     * @param events see the record description
     * @param rule see the record description
     * @param threshold see the record description
     * @param observed see the record description
     * @param explanation see the record description
     */
    public Evidence(List<SensorEvent> events, String rule, Duration threshold, Duration observed, String explanation) {
        this(events, rule, threshold, observed, explanation, Duration.ZERO);
    }

    /**
     * Validates the evidence and copies the event list.
     *
     * @param events see the record description
     * @param rule see the record description
     * @param threshold see the record description
     * @param observed see the record description
     * @param explanation see the record description
     * @param learntNormal see the record description
     * @throws NullPointerException     if any component but {@code learntNormal}, or any event, is null
     * @throws IllegalArgumentException if {@code rule} is blank or a duration is negative
     */
    public Evidence {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(explanation, "explanation");
        learntNormal = learntNormal == null ? Duration.ZERO : learntNormal;
        if (rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank");
        }
        if (threshold.isNegative() || observed.isNegative() || learntNormal.isNegative()) {
            throw new IllegalArgumentException("threshold, observed and learntNormal must not be negative");
        }
    }
}
