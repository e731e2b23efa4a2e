/**
 * The silence rules of one home run as one: the rules engine and the routine detectors, in the order the gateway runs
 * them and each told of the other's alerts ({@link org.hearth.rules.home.SilenceRules}).
 *
 * <p>Depends on {@link org.hearth.rules.engine}, {@link org.hearth.rules.routine} and {@link org.hearth.rules.model}.
 * No I/O, threads, clock or logging.
 */
package org.hearth.rules.home;
