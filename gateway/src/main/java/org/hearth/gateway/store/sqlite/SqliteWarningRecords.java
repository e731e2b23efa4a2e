package org.hearth.gateway.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.WarningChanges;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.warning.CancelledWarning;
import org.hearth.rules.warning.PendingWarning;

/**
 * The SQL of local warnings (table {@code local_warnings}, see {@code V4__local_warnings.sql}), run inside the
 * caller's transaction on the store's one connection.
 */
final class SqliteWarningRecords {
    /** {@code alert_events.event} of an alert the resident cancelled. */
    static final String CANCELLED_EVENT = AlertState.CANCELLED_BY_RESIDENT.code();

    private SqliteWarningRecords() {}

    /** Stores what one warning step did; the caller commits. */
    static void write(Connection db, WarningChanges changes, Function<Alert, String> identifierOf, Instant now)
            throws SQLException {
        for (PendingWarning w : changes.given()) {
            insert(db, w, identifierOf.apply(w.alert()));
        }
        for (CancelledWarning c : changes.cancelled()) {
            String identifier = identifierOf.apply(c.alert());
            insert(db, c.warning(), identifier);
            try (PreparedStatement u = db.prepareStatement("UPDATE local_warnings SET outcome = 'cancelled', "
                    + "outcome_ms = ?, answered_by = ?, answer_detail = ? WHERE identifier = ? AND outcome IS NULL")) {
                u.setLong(1, c.cancelledAt().toEpochMilli());
                u.setString(2, c.cancelledBy());
                u.setString(3, c.answer().detail());
                u.setString(4, identifier);
                u.executeUpdate();
            }
            insertCancelledAlert(db, c, identifier, now);
        }
        for (PendingWarning w : changes.unanswered()) {
            String identifier = identifierOf.apply(w.alert());
            insert(db, w, identifier);
            try (PreparedStatement u = db.prepareStatement("UPDATE local_warnings SET outcome = 'unanswered', "
                    + "outcome_ms = ? WHERE identifier = ? AND outcome IS NULL")) {
                u.setLong(1, w.deadline().toEpochMilli());
                u.setString(2, identifier);
                u.executeUpdate();
            }
        }
    }

    private static void insert(Connection db, PendingWarning w, String identifier) throws SQLException {
        try (PreparedStatement i = db.prepareStatement("INSERT OR IGNORE INTO local_warnings "
                + "(identifier, type, warned_ms, deadline_ms) VALUES (?, ?, ?, ?)")) {
            i.setString(1, identifier);
            i.setString(2, w.alert().type().name());
            i.setLong(3, w.warnedAt().toEpochMilli());
            i.setLong(4, w.deadline().toEpochMilli());
            i.executeUpdate();
        }
    }

    /** The alert row, never an outbox row: a cancelled alert must not reach the care record. */
    private static void insertCancelledAlert(Connection db, CancelledWarning c, String identifier, Instant now)
            throws SQLException {
        Alert alert = c.alert();
        try (PreparedStatement a = db.prepareStatement("INSERT OR IGNORE INTO alerts "
                + "(identifier, type, sensor_id, onset_ms, raised_ms, state, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            a.setString(1, identifier);
            a.setString(2, alert.type().name());
            a.setString(3, alert.sensorId());
            a.setLong(4, alert.onset().toEpochMilli());
            a.setLong(5, alert.raisedAt().toEpochMilli());
            a.setString(6, AlertState.CANCELLED_BY_RESIDENT.code());
            a.setString(7, Json.write(alert));
            if (a.executeUpdate() == 0) {
                return; // stored before (a replay)
            }
        }
        try (PreparedStatement e = db.prepareStatement("INSERT INTO alert_events (alert_id, event, at_ms, recorded_ms, "
                + "detail) SELECT id, ?, ?, ?, ? FROM alerts WHERE identifier = ?")) {
            e.setString(1, CANCELLED_EVENT);
            e.setLong(2, c.cancelledAt().toEpochMilli());
            e.setLong(3, now.toEpochMilli());
            e.setString(4, "answered on " + c.cancelledBy() + " (" + c.answer().detail() + ") to the warning at "
                    + c.warning().warnedAt());
            e.setString(5, identifier);
            e.executeUpdate();
        }
    }

    /** The cancelled warnings answered in {@code [from, to)}, oldest first. */
    static List<CancelledWarning> cancelled(Connection db, Instant from, Instant to) throws SQLException {
        List<CancelledWarning> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT a.body, w.warned_ms, w.deadline_ms, w.outcome_ms, "
                + "w.answered_by, w.answer_detail FROM local_warnings w JOIN alerts a ON a.identifier = w.identifier "
                + "WHERE w.outcome = 'cancelled' AND w.outcome_ms >= ? AND w.outcome_ms < ? "
                + "ORDER BY w.outcome_ms, w.id")) {
            q.setLong(1, from.toEpochMilli());
            q.setLong(2, to.toEpochMilli());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Alert alert = Json.read(rs.getString(1), Alert.class);
                    var warning = new PendingWarning(alert, Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)));
                    var answer = new SensorEvent(rs.getString(5), EventKind.RESIDENT_OK,
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(6) == null ? "" : rs.getString(6));
                    out.add(new CancelledWarning(warning, answer));
                }
            }
        }
        return out;
    }
}
