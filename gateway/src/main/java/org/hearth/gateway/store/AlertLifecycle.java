package org.hearth.gateway.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alert lifecycle after delivery: what the community team did with each alert (acknowledgements), the
 * acknowledgement poll's cursor, and escalations.
 *
 * <p>Contract: each method is atomic and durable when it returns; if it throws ({@link StoreException}), nothing
 * changed. Safe to call from several threads (calls are serialised). Instants are wall-clock, so they survive a
 * reboot; the cursor is on the care record's clock, everything else on the gateway's.
 */
public interface AlertLifecycle {

    /** The newest Task {@code meta.lastUpdated} seen by the acknowledgement poll, if any poll has succeeded. */
    Optional<Instant> ackCursor();

    /** The current state of each of these alerts that exists (unknown identifiers are left out). */
    Map<String, AlertState> states(Collection<String> identifiers);

    /** True if some alert is in the care record and the team's answer may still change it (sent or accepted). */
    boolean awaitingTeam();

    /**
     * Applies the transitions (each as a state change plus an event with its times) and moves the cursor to
     * {@code cursor}, in one transaction. A transition whose {@code from} no longer matches the stored state is skipped.
     * The cursor never moves backwards.
     */
    void recordTransitions(List<AlertTransition> transitions, Instant cursor, Instant polledAt);

    /** Alerts nobody has taken on (raised or sent) that have not been escalated, oldest first. */
    List<OpenAlert> openAlerts();

    /**
     * Records that the alert is escalated, with an event, unless it already was.
     *
     * @return true if this call escalated it; false if it was escalated before (or is unknown)
     */
    boolean escalate(String identifier, Instant at, String reason);

    /** Escalations with a channel still to do whose next attempt is due at {@code now}. */
    List<Escalation> escalationsDue(Instant now);

    /** The local channel took the notice. */
    void escalationNotified(String identifier, Instant at);

    /** The care record's side is settled; {@code outcome} says how (no personal data). */
    void escalationRecorded(String identifier, Instant at, String outcome);

    /** A channel failed: count the attempt and try again not before {@code notBefore}. */
    void escalationRetry(String identifier, Instant notBefore, String error);

    /** Number of alerts in each state (every state present, zero when none). */
    Map<AlertState, Long> countByState();

    /** Escalations at a glance. */
    EscalationStats escalationStats();
}
