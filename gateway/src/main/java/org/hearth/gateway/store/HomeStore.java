package org.hearth.gateway.store;

import java.util.List;
import java.util.Optional;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;

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

    /** Number of alerts ever raised. */
    long alertCount();

    /** Number of journalled events. */
    long eventCount();
}
