/**
 * The rules engine: one home's detection state in, the next state and any alerts out.
 *
 * <p>{@link org.hearth.rules.engine.RulesEngine} is a pure function over immutable values: it holds only the home's
 * layout and policy, never asks for the time, and gives equal outputs for equal inputs, so the gateway can snapshot
 * {@link org.hearth.rules.engine.EngineState} (last activity, help calls, {@link org.hearth.rules.engine.Whereabouts}
 * from the mats and the front door, and the learnt routine), replay its journal after a restart and mint the same
 * alerts with the same keys. The gateway owns the clock and the scheduler: it calls {@code onEvent} for each reading
 * and {@code onTick} when {@code nextDeadline} comes due.
 *
 * <p>Depends on: {@code java.base}, {@link org.hearth.rules.model} and {@link org.hearth.rules.inactivity}. No I/O,
 * threads, clock or logging.
 */
package org.hearth.rules.engine;
