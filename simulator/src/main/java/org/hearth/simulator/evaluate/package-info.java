/**
 * Measures the real rules on real homes: replays public smart-home logs (UCI "ADLs Recognition Using Binary
 * Sensors" format) through {@link org.hearth.rules.engine.RulesEngine} to count false inactivity alerts in normal
 * living, and cuts the same logs at random instants to measure how soon a simulated collapse is detected
 * (design §7).
 *
 * <p>Reads data files from a directory given by the caller and never copies them. Depends on {@code java.base},
 * the {@code rules} module and picocli (for {@link org.hearth.simulator.evaluate.EvaluateHomesCommand}) only: no
 * gateway, no network, no clock (time comes from the logs).
 */
package org.hearth.simulator.evaluate;
