package org.hearth.rules.inactivity;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A stretch of the local day and the silence allowed in it. A band runs from its {@code start} to the start of
 * the next band of its {@link InactivityPolicy}.
 *
 * @param start     local wall-clock time at which the band begins
 * @param allowance how long the resident may go without activity while the band applies, in real elapsed time
 *                  (a 10 h night allowance is 10 h on the night the clocks change too); more than zero and at
 *                  most {@link #MAX_ALLOWANCE}
 */
public record QuietBand(LocalTime start, Duration allowance) {

    /**
     * The longest allowance a band may have. Far beyond any clinical setting; the bound keeps the deadline
     * computation short and its arithmetic far from overflow.
     */
    public static final Duration MAX_ALLOWANCE = Duration.ofDays(7);

    /**
     * Validates the band.
     *
     * @param start see the record description
     * @param allowance see the record description
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the allowance is not more than zero or exceeds {@link #MAX_ALLOWANCE}
     */
    public QuietBand {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(allowance, "allowance");
        if (allowance.isNegative() || allowance.isZero()) {
            throw new IllegalArgumentException("allowance of the band at " + start + " must be more than zero");
        }
        if (allowance.compareTo(MAX_ALLOWANCE) > 0) {
            throw new IllegalArgumentException(
                    "allowance of the band at " + start + " must be at most " + MAX_ALLOWANCE);
        }
    }
}
