/**
 * The routine detectors: bathroom dwell, bed exit without return at night, front door opened at night and missed
 * morning routine. Each is pure (state and events or instants in, state and alerts out), keeps an immutable, bounded
 * state, reads local times in the home's zone only, and raises each alert at its deadline instant, never at the
 * instant it was ticked, so tick cadence cannot change an alert. {@link org.hearth.rules.routine.RoutineWatch} runs
 * them together for one home.
 */
package org.hearth.rules.routine;
