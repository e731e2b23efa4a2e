/**
 * The vocabulary shared by every rule and by everyone who calls the rules: what a sensor reported
 * ({@link org.hearth.rules.model.SensorEvent}), what each sensor is and where
 * ({@link org.hearth.rules.model.HomeLayout}), what the rules concluded ({@link org.hearth.rules.model.Alert})
 * and why ({@link org.hearth.rules.model.Evidence}).
 *
 * <p>All types are immutable values (records and enums) that validate themselves on construction. They hold
 * opaque sensor ids, instants and thresholds only: never a resident's name, address or NHS number.
 *
 * <p>Depends on: {@code java.base} only ({@code java.time}, {@code java.util}). No I/O, threads, clock or logging.
 */
package org.hearth.rules.model;
