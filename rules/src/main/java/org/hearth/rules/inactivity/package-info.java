/**
 * Prolonged inactivity: how long a resident may be quiet, by local time of day and situation, and when silence
 * becomes an alert.
 *
 * <ul>
 *   <li>{@link org.hearth.rules.inactivity.InactivityPolicy} divides the local day of the home's {@code ZoneId} into
 *       {@link org.hearth.rules.inactivity.QuietBand}s, each with an allowed silence in real elapsed time, and turns
 *       the last activity into the absolute instant at which silence stops being normal; exact on the two UK
 *       clock-change days.</li>
 *   <li>{@link org.hearth.rules.inactivity.LearntRoutine} is what has been learnt of one resident: per
 *       {@link org.hearth.rules.inactivity.Situation} (in bed, in a chair, out, or at home by the room last seen in
 *       and whether they had just got up) and local hour, a decaying histogram of the longest silence by the end of
 *       the hour. Fixed size per situation, part of the engine state.</li>
 *   <li>{@link org.hearth.rules.inactivity.RoutinePolicy} holds the clinician's
 *       {@link org.hearth.rules.inactivity.LimitBand}s per {@link org.hearth.rules.inactivity.QuietContext} (floor,
 *       fallback while learning, ceiling) and the {@link org.hearth.rules.inactivity.RoutineLearning} settings, and
 *       gives the {@link org.hearth.rules.inactivity.Allowance} at any instant: {@code clamp(learnt normal × margin,
 *       floor, ceiling)}, the fallback while learning, the floor for a situation the resident is rarely in at that
 *       hour. Its deadlines reuse {@code InactivityPolicy}, so they are exact across clock changes too.</li>
 * </ul>
 *
 * <p>Depends on: {@code java.base} ({@code java.time}, {@code java.util}) and {@link org.hearth.rules.model} (rooms).
 * No I/O, threads, clock or logging: every instant is passed in.
 */
package org.hearth.rules.inactivity;
