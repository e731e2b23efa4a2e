/**
 * Prolonged inactivity: how long a resident may be quiet, by local time of day, and when silence becomes an alert.
 *
 * <p>An {@link org.hearth.rules.inactivity.InactivityPolicy} divides the local day of the home's {@code ZoneId}
 * into {@link org.hearth.rules.inactivity.QuietBand}s, each with an allowed silence measured in real elapsed
 * time. {@link org.hearth.rules.inactivity.InactivityPolicy#deadlineAfter(java.time.Instant)} turns the last
 * activity into the absolute instant at which the silence stops being normal; it is exact on the two UK
 * clock-change days (see that class for how missing and repeated local times are treated).
 *
 * <p>Depends on: {@code java.base} only ({@code java.time}, {@code java.util}). No I/O, threads, clock or logging:
 * every instant is passed in.
 */
package org.hearth.rules.inactivity;
