package org.hearth.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.warning.CancelledWarning;

/**
 * The home's durable memory: journal of sensor events, the rules' state, and the alerts raised.
 *
 * <p>Contract: {@link #record} is atomic and durable when it returns; if it throws, nothing was stored, and the
 * caller must not acknowledge the message that caused it.
 */
public interface HomeStore {

    /** The last rule state saved, if any. */
    Optional<EngineState> loadEngineState();

    /**
     * The last monitor state saved (engine and fall states), if any. A snapshot written before fall states were kept
     * reads as its engine state with no fall state.
     */
    Optional<MonitorState> loadMonitorState();

    /**
     * Stores events, the new monitor state (engine and fall states) and any alerts in one transaction, as
     * {@link #record(List, EngineState, List)} does.
     */
    JournalState record(List<SensorEvent> events, MonitorState state, List<Alert> alerts);

    /**
     * Stores events, the new rule state and any alerts in one transaction. Each alert also gets an outbox row with its
     * business identifier, minted here once. An alert whose identifier is already stored is not stored again, so a
     * replay can never duplicate one. The fall states already stored are kept as they are.
     */
    JournalState record(List<SensorEvent> events, EngineState state, List<Alert> alerts);

    /**
     * Prunes raw readings older than {@code cutoff}, then the oldest ones while the file is over {@code fraction}
     * of its budget. Alerts, the rule state and the outbox are never pruned.
     *
     * @return readings deleted
     */
    long prune(java.time.Instant cutoff, double fraction);

    /**
     * As {@link #record(List, MonitorState, List)}, and in the same transaction what the warning stage did: warnings
     * given (their messages still to publish), warnings answered (each kept as an alert in state
     * {@link AlertState#CANCELLED_BY_RESIDENT} with an {@code alert_events} row, and never an outbox row: it must not
     * reach the care record) and warnings that ran out (their alerts are among {@code alerts}).
     */
    default JournalState record(List<SensorEvent> events, MonitorState state, List<Alert> alerts,
            WarningChanges warnings) {
        if (!warnings.isEmpty()) {
            throw new UnsupportedOperationException("this store keeps no local warnings");
        }
        return record(events, state, alerts);
    }

    /**
     * The warnings the resident answered with "I'm OK" at or after {@code from} and before {@code to}, oldest first,
     * each with the alert it held back (and its evidence) and the answer: for the record and the daily summary.
     */
    List<CancelledWarning> cancelledWarnings(Instant from, Instant to);

    /** Number of alerts ever raised. */
    long alertCount();

    /** Number of journalled events. */
    long eventCount();
}
