package org.hearth.simulator.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Reads the running gateway's SQLite file read-only (WAL lets a reader look without blocking the writer). */
final class GatewayDb implements AutoCloseable {
    private final Connection db;

    GatewayDb(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
    }

    /** Readings journalled so far (ids are never reused and nothing is pruned during a benchmark). */
    long readings() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) FROM readings")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** Delivery time (the gateway's clock, when the care record's 201 arrived) per sensor id, for delivered alerts. */
    Map<String, Long> deliveredBySensor(String type) throws SQLException {
        Map<String, Long> delivered = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "SELECT a.sensor_id, o.delivered_ms FROM outbox o JOIN alerts a ON a.identifier = o.identifier"
                        + " WHERE o.state = 'delivered' AND a.type = '" + type + "'")) {
            while (r.next()) {
                delivered.put(r.getString(1), r.getLong(2));
            }
        }
        return delivered;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
