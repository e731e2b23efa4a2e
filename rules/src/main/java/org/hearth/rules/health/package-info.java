/**
 * Monitoring degraded: whether each sensor can still see ({@link org.hearth.rules.health.SensorHealthDetector}).
 *
 * <p>A pure function over an immutable, bounded state value ({@link org.hearth.rules.health.SensorHealthState}, one
 * watch per configured sensor) that the gateway snapshots with the engine's state. Every instant comes from the
 * events and ticks; durations are measured between instants, never in local time, so clock changes and a gateway
 * clock stepping back cannot double or lose an alert.
 *
 * <p>Depends on: {@code java.base} and {@link org.hearth.rules.model}. No I/O, threads, clock or logging.
 */
package org.hearth.rules.health;
