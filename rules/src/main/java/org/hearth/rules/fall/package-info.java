/**
 * Fall detection: from a worn accelerometer ({@link org.hearth.rules.fall.WearableFallDetector}) and from a radar's
 * own fall reports ({@link org.hearth.rules.fall.RadarFallConfirmer}).
 *
 * <p>Both are pure functions over immutable, bounded state values ({@link org.hearth.rules.fall.FallState} per worn
 * sensor, {@link org.hearth.rules.fall.RadarFallState} per home) that the gateway snapshots like the engine's state.
 * Every instant comes from the input: the samples' own times ({@link org.hearth.rules.fall.AccelBatch}) or the
 * events' and ticks' instants; so replaying the same input mints the same alerts with the same keys.
 *
 * <p>The wearable detector's thresholds were measured on the SisFall development set in {@code shared/data} by the
 * simulator's {@code org.hearth.simulator.evaluate.FallEvaluation}; its class description gives the physical reasoning
 * behind each.
 *
 * <p>Depends on: {@code java.base} and {@link org.hearth.rules.model}. No I/O, threads, clock or logging.
 */
package org.hearth.rules.fall;
