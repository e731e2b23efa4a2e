package org.hearth.rules.inactivity;

import java.time.Duration;
import java.util.Objects;

/**
 * The silence allowed at one moment, and where it came from: what the evidence of an inactivity alert reports.
 *
 * @param allowed      the allowed silence
 * @param learntNormal the resident's learnt normal behind it ({@link Duration#ZERO} unless {@code basis} is
 *                     {@link Basis#LEARNT}, {@link Basis#FLOOR} or {@link Basis#CEILING})
 * @param basis        how {@code allowed} was chosen
 * @param band         the clinician's band in force
 */
public record Allowance(Duration allowed, Duration learntNormal, Basis basis, LimitBand band) {

    /** How an allowance was chosen. */
    public enum Basis {
        /** The clinician's band allows one fixed value: nothing is learnt. */
        FIXED,
        /** The routine is still in its learning period: the clinician's fallback applies. */
        LEARNING,
        /**
         * Learnt: the resident is rarely in this context at this time of day, so a long silence in it is not their
         * routine and the clinician's floor applies.
         */
        RARE,
        /** The learnt normal times the margin, within the clinician's floor and ceiling. */
        LEARNT,
        /** The learnt normal times the margin was below the clinician's floor: the floor applies. */
        FLOOR,
        /** The learnt normal times the margin was above the clinician's ceiling: the ceiling applies. */
        CEILING;

        /**
         * Whether the allowance comes from what was learnt of the resident.
         *
         * @return true for {@link #RARE}, {@link #LEARNT}, {@link #FLOOR} and {@link #CEILING}
         */
        public boolean learnt() {
            return this == RARE || this == LEARNT || this == FLOOR || this == CEILING;
        }
    }

    /**
     * Validates the allowance.
     *
     * @param allowed see the record description
     * @param learntNormal see the record description
     * @param basis see the record description
     * @param band see the record description
     * @throws NullPointerException if a component is null
     */
    public Allowance {
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(learntNormal, "learntNormal");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(band, "band");
    }
}
