package org.hearth.gateway.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.store.AlertLifecycle;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.AlertTransition;
import org.hearth.gateway.store.Escalation;
import org.hearth.gateway.store.EscalationStats;
import org.hearth.gateway.store.OpenAlert;
import org.hearth.rules.model.AlertType;

/**
 * The alert lifecycle in the same SQLite file as the {@link SqliteStore} it is built on, on that store's connection
 * and lock (SQLite has one writer; so does Hearth). Tables: {@code alerts.state}, {@code alert_events},
 * {@code ack_cursor}, {@code escalations} (migration V2).
 */
public final class SqliteAlertLifecycle implements AlertLifecycle {
    private static final int IN_CLAUSE_CHUNK = 500;

    private final SqliteStore store;

    public SqliteAlertLifecycle(SqliteStore store) {
        this.store = store;
    }

    @Override
    public Optional<Instant> ackCursor() {
        return store.inTransaction("read the acknowledgement cursor", db -> {
            try (PreparedStatement q = db.prepareStatement("SELECT last_updated_ms FROM ack_cursor WHERE id = 1");
                    ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        });
    }

    @Override
    public Map<String, AlertState> states(Collection<String> identifiers) {
        List<String> ids = List.copyOf(identifiers);
        return store.inTransaction("read alert states", db -> {
            Map<String, AlertState> states = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IN_CLAUSE_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CLAUSE_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement q = db.prepareStatement("SELECT identifier, state FROM alerts WHERE identifier IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        q.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            states.put(rs.getString(1), AlertState.ofCode(rs.getString(2)));
                        }
                    }
                }
            }
            return states;
        });
    }

    @Override
    public boolean awaitingTeam() {
        return store.inTransaction("look for alerts awaiting the team", db -> {
            try (PreparedStatement q = db.prepareStatement("SELECT EXISTS (SELECT 1 FROM alerts WHERE state IN ('sent', 'accepted'))");
                    ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        });
    }

    @Override
    public void recordTransitions(List<AlertTransition> transitions, Instant cursor, Instant polledAt) {
        store.inTransaction("record acknowledgements", db -> {
            for (AlertTransition t : transitions) {
                try (PreparedStatement u = db.prepareStatement("UPDATE alerts SET state = ? WHERE identifier = ? AND state = ?")) {
                    u.setString(1, t.to().code());
                    u.setString(2, t.identifier());
                    u.setString(3, t.from().code());
                    if (u.executeUpdate() == 0) {
                        continue; // moved on meanwhile: the next poll sees the Task again
                    }
                }
                insertEvent(db, t.identifier(), t.to().code(), t.at(), t.recordedAt(), t.detail());
            }
            try (PreparedStatement c = db.prepareStatement("INSERT INTO ack_cursor (id, last_updated_ms, polled_ms) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET last_updated_ms = MAX(last_updated_ms, excluded.last_updated_ms), "
                    + "polled_ms = excluded.polled_ms")) {
                c.setLong(1, cursor.toEpochMilli());
                c.setLong(2, polledAt.toEpochMilli());
                c.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<OpenAlert> openAlerts() {
        return store.inTransaction("list open alerts", db -> {
            List<OpenAlert> open = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT a.identifier, a.type, a.state, a.raised_ms FROM alerts a "
                    + "WHERE a.state IN ('raised', 'sent') AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.alert_id = a.id) "
                    + "ORDER BY a.raised_ms, a.id");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    open.add(new OpenAlert(rs.getString(1), AlertType.valueOf(rs.getString(2)), AlertState.ofCode(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return open;
        });
    }

    @Override
    public boolean escalate(String identifier, Instant at, String reason) {
        return store.inTransaction("record an escalation", db -> {
            try (PreparedStatement i = db.prepareStatement("INSERT OR IGNORE INTO escalations (alert_id, escalated_ms, not_before_ms) "
                    + "SELECT id, ?, ? FROM alerts WHERE identifier = ?")) {
                i.setLong(1, at.toEpochMilli());
                i.setLong(2, at.toEpochMilli());
                i.setString(3, identifier);
                if (i.executeUpdate() == 0) {
                    return false;
                }
            }
            insertEvent(db, identifier, "escalated", at, at, reason);
            return true;
        });
    }

    @Override
    public List<Escalation> escalationsDue(Instant now) {
        return store.inTransaction("list due escalations", db -> {
            List<Escalation> due = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT a.identifier, a.type, a.raised_ms, e.escalated_ms, e.notified_ms, "
                    + "e.recorded_ms, e.attempts FROM escalations e JOIN alerts a ON a.id = e.alert_id "
                    + "WHERE (e.notified_ms IS NULL OR e.recorded_ms IS NULL) AND e.not_before_ms <= ? ORDER BY e.escalated_ms")) {
                q.setLong(1, now.toEpochMilli());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Escalation(rs.getString(1), AlertType.valueOf(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                                Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), instant(rs, 6), rs.getInt(7)));
                    }
                }
            }
            return due;
        });
    }

    @Override
    public void escalationNotified(String identifier, Instant at) {
        updateEscalation("mark an escalation notified", "notified_ms = COALESCE(notified_ms, ?)", identifier, at.toEpochMilli());
    }

    @Override
    public void escalationRecorded(String identifier, Instant at, String outcome) {
        updateEscalation("mark an escalation recorded", "recorded_ms = COALESCE(recorded_ms, ?), outcome = COALESCE(outcome, ?)",
                identifier, at.toEpochMilli(), outcome);
    }

    @Override
    public void escalationRetry(String identifier, Instant notBefore, String error) {
        updateEscalation("schedule an escalation retry", "attempts = attempts + 1, not_before_ms = ?, last_error = ?",
                identifier, notBefore.toEpochMilli(), error);
    }

    @Override
    public Map<AlertState, Long> countByState() {
        return store.inTransaction("count alerts by state", db -> {
            Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
            for (AlertState s : AlertState.values()) {
                counts.put(s, 0L);
            }
            try (PreparedStatement q = db.prepareStatement("SELECT state, COUNT(*) FROM alerts GROUP BY state");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(AlertState.ofCode(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public EscalationStats escalationStats() {
        return store.inTransaction("read escalation stats", db -> {
            try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*), COALESCE(SUM(notified_ms IS NULL), 0), "
                    + "COALESCE(SUM(recorded_ms IS NULL), 0), MAX(escalated_ms), "
                    + "(SELECT last_error FROM escalations WHERE (notified_ms IS NULL OR recorded_ms IS NULL) AND last_error IS NOT NULL "
                    + " ORDER BY escalated_ms DESC LIMIT 1) FROM escalations");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                return new EscalationStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, 4), Optional.ofNullable(rs.getString(5)));
            }
        });
    }

    /** The lifecycle of one alert, oldest first, as {@code event@epochMs} (tests and support). */
    public List<String> history(String identifier) {
        return store.inTransaction("read an alert's history", db -> {
            List<String> events = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT event, at_ms FROM alert_history WHERE identifier = ? ORDER BY recorded_ms, stage, seq")) {
                q.setString(1, identifier);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        events.add(rs.getString(1) + "@" + rs.getLong(2));
                    }
                }
            }
            return events;
        });
    }

    private void updateEscalation(String operation, String set, String identifier, Object... args) {
        store.inTransaction(operation, db -> {
            try (PreparedStatement u = db.prepareStatement("UPDATE escalations SET " + set
                    + " WHERE alert_id = (SELECT id FROM alerts WHERE identifier = ?)")) {
                for (int i = 0; i < args.length; i++) {
                    u.setObject(i + 1, args[i]);
                }
                u.setString(args.length + 1, identifier);
                u.executeUpdate();
            }
            return null;
        });
    }

    private static void insertEvent(Connection db, String identifier, String event, Instant at, Instant recordedAt, String detail)
            throws SQLException {
        try (PreparedStatement e = db.prepareStatement("INSERT INTO alert_events (alert_id, event, at_ms, recorded_ms, detail) "
                + "SELECT id, ?, ?, ?, ? FROM alerts WHERE identifier = ?")) {
            e.setString(1, event);
            e.setLong(2, at.toEpochMilli());
            e.setLong(3, recordedAt.toEpochMilli());
            e.setString(4, detail);
            e.setString(5, identifier);
            e.executeUpdate();
        }
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
