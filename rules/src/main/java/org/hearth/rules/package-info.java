/**
 * Pure detection rules: events and instants in, state and alerts out.
 *
 * <ul>
 *   <li>{@link org.hearth.rules.model}: the shared values (sensor events, home layout, alerts, evidence).</li>
 *   <li>{@link org.hearth.rules.inactivity}: time-of-day quiet bands, the learnt routine, allowances and
 *       deadlines.</li>
 *   <li>{@link org.hearth.rules.fall}: falls from a worn accelerometer's samples and from a radar's own reports.</li>
 *   <li>{@link org.hearth.rules.engine}: the engine that applies the rules to one home's state.</li>
 * </ul>
 *
 * <p>Depends on: {@code java.base} only. No I/O, threads, clock or logging: the gateway owns those and passes every
 * instant in, so the same inputs always give the same outputs.
 */
package org.hearth.rules;
