package org.hearth.gateway.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.hearth.gateway.store.HomeStore;
import org.hearth.gateway.store.JournalState;
import org.hearth.gateway.store.MonitorState;
import org.hearth.gateway.store.Outbox;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.OutboxOutcome;
import org.hearth.gateway.store.OutboxStats;
import org.hearth.gateway.store.StoreException;
import org.hearth.gateway.store.WarningChanges;
import org.hearth.gateway.store.SummaryDelivery;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.warning.CancelledWarning;

/**
 * Home store and outbox in one SQLite file, WAL mode, one connection used by one thread at a time (SQLite has one
 * writer anyway). Every commit is {@code synchronous=FULL}: an alert is on disk before anything is acknowledged.
 */
public final class SqliteStore implements HomeStore, Outbox, AutoCloseable {
    private static final int ALERT_PRIORITY = 0;
    /** Outbox kind of daily summaries (priority {@link SqliteSummaryStore#SUMMARY_PRIORITY}). */
    static final String SUMMARY_KIND = "summary";

    private final String url;
    private final long maxBytes;
    private final Clock clock;
    private final String gatewayId;
    private Connection db;

    private SqliteStore(String url, long maxBytes, Clock clock, String gatewayId) throws SQLException {
        this.url = url;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.gatewayId = gatewayId;
        this.db = connect();
    }

    /** Opens (creating and migrating as needed) the store at {@code file}, with no size budget. */
    public static SqliteStore open(Path file, Clock clock, String gatewayId) {
        return open(file, clock, gatewayId, Long.MAX_VALUE);
    }

    /**
     * Opens the store with a size budget: SQLite's {@code max_page_count} makes it refuse to grow past
     * {@code maxBytes}, the same "database or disk is full" path as a real full disk.
     */
    public static SqliteStore open(Path file, Clock clock, String gatewayId, long maxBytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
            return new SqliteStore(url, maxBytes, clock, gatewayId);
        } catch (Exception e) {
            throw new StoreException("open the database", e);
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            if (maxBytes != Long.MAX_VALUE) {
                try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                    rs.next();
                    s.execute("PRAGMA max_page_count=" + Math.max(64, maxBytes / rs.getLong(1)));
                }
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    /** The store's clock now, for sibling adapters that stamp rows. */
    Instant now() {
        return clock.instant();
    }

    /** The business identifier of an alert: this gateway's id and the rule's deterministic key. */
    public String identifierOf(Alert alert) {
        return gatewayId + ":" + alert.key();
    }

    @Override
    public synchronized Optional<EngineState> loadEngineState() {
        return loadMonitorState().map(MonitorState::engine);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The rule_state row holds a {@link MonitorState} as JSON ({@code {"engine":...,"wearables":...,"radar":...}});
     * a row written before fall states were kept holds a bare {@link EngineState}, read as one with no fall state.
     */
    @Override
    public synchronized Optional<MonitorState> loadMonitorState() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT body FROM rule_state WHERE id = 1")) {
            Optional<MonitorState> state = rs.next() ? Optional.of(readMonitorState(rs.getString(1))) : Optional.empty();
            db.commit();
            return state;
        } catch (SQLException e) {
            throw new StoreException("load the rule state", e);
        }
    }

    static MonitorState readMonitorState(String body) {
        try {
            var node = Json.MAPPER.readTree(body);
            if (node != null && node.has("engine")) {
                return Json.MAPPER.treeToValue(node, MonitorState.class);
            }
            return MonitorState.of(Json.MAPPER.treeToValue(node, EngineState.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized JournalState record(List<SensorEvent> events, EngineState state, List<Alert> alerts) {
        MonitorState current = loadMonitorState().orElse(MonitorState.initial());
        return record(events, current.withEngine(state), alerts);
    }

    @Override
    public synchronized JournalState record(List<SensorEvent> events, MonitorState state, List<Alert> alerts) {
        return record(events, state, alerts, WarningChanges.NONE);
    }

    @Override
    public synchronized JournalState record(List<SensorEvent> events, MonitorState state, List<Alert> alerts,
            WarningChanges warnings) {
        try {
            write(events, state, alerts, warnings);
            return JournalState.COMPLETE;
        } catch (SQLException e) {
            rollback();
            if (!isFull(e)) {
                throw new StoreException("record events", e);
            }
        } catch (RuntimeException e) {
            rollback();
            throw new StoreException("record events", e);
        }
        // Full: make room by dropping the oldest raw readings, then keep what matters (state and alerts) only.
        try {
            deleteOldestReadings(1000);
            write(List.of(), state, alerts, warnings);
            return JournalState.ALERTS_ONLY;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw new StoreException("record alerts on a full store", e);
        }
    }

    private void write(List<SensorEvent> events, MonitorState state, List<Alert> alerts, WarningChanges warnings)
            throws SQLException {
        if (!events.isEmpty()) {
            try (PreparedStatement ins = db.prepareStatement(
                    "INSERT INTO readings (sensor_id, kind, at_ms, detail) VALUES (?, ?, ?, ?)")) {
                for (SensorEvent e : events) {
                    ins.setString(1, e.sensorId());
                    ins.setString(2, e.kind().name());
                    ins.setLong(3, e.at().toEpochMilli());
                    ins.setString(4, e.detail());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }
        try (PreparedStatement up = db.prepareStatement(
                "INSERT INTO rule_state (id, body) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body")) {
            up.setString(1, Json.write(state));
            up.executeUpdate();
        }
        for (Alert alert : alerts) {
            insertAlert(alert);
        }
        if (!warnings.isEmpty()) {
            SqliteWarningRecords.write(db, warnings, this::identifierOf, clock.instant());
        }
        db.commit();
    }

    private static boolean isFull(SQLException e) {
        // SQLITE_FULL (13): "database or disk is full", from a real disk or from max_page_count.
        return e.getErrorCode() == 13 || String.valueOf(e.getMessage()).contains("SQLITE_FULL");
    }

    private long deleteOldestReadings(int n) throws SQLException {
        try (PreparedStatement d = db.prepareStatement(
                "DELETE FROM readings WHERE id IN (SELECT id FROM readings ORDER BY id LIMIT ?)")) {
            d.setInt(1, n);
            int deleted = d.executeUpdate();
            db.commit();
            return deleted;
        }
    }

    @Override
    public synchronized long prune(Instant cutoff, double fraction) {
        try {
            long deleted;
            try (PreparedStatement d = db.prepareStatement("DELETE FROM readings WHERE at_ms < ?")) {
                d.setLong(1, cutoff.toEpochMilli());
                deleted = d.executeUpdate();
            }
            db.commit();
            long budget = pragma("max_page_count");
            while (pragma("page_count") - pragma("freelist_count") > budget * fraction) {
                long n = deleteOldestReadings(1000);
                if (n == 0) {
                    break; // nothing left to prune: the rest is alerts and outbox, which are kept
                }
                deleted += n;
            }
            return deleted;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("prune readings", e);
        }
    }

    private long pragma(String name) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            long v = rs.getLong(1);
            db.commit();
            return v;
        }
    }

    private void insertAlert(Alert alert) throws SQLException {
        String identifier = identifierOf(alert);
        String body = Json.write(alert);
        long now = clock.millis();
        try (PreparedStatement a = db.prepareStatement("INSERT OR IGNORE INTO alerts "
                + "(identifier, type, sensor_id, onset_ms, raised_ms, state, body) VALUES (?, ?, ?, ?, ?, 'raised', ?)")) {
            a.setString(1, identifier);
            a.setString(2, alert.type().name());
            a.setString(3, alert.sensorId());
            a.setLong(4, alert.onset().toEpochMilli());
            a.setLong(5, alert.raisedAt().toEpochMilli());
            a.setString(6, body);
            if (a.executeUpdate() == 0) {
                return; // already raised before (a replay): never a second delivery
            }
        }
        try (PreparedStatement o = db.prepareStatement("INSERT INTO outbox "
                + "(identifier, kind, priority, payload, state, not_before_ms, created_ms) VALUES (?, 'alert', ?, ?, 'pending', ?, ?)")) {
            o.setString(1, identifier);
            o.setInt(2, ALERT_PRIORITY);
            o.setString(3, body);
            o.setLong(4, now);
            o.setLong(5, now);
            o.executeUpdate();
        }
    }

    /** {@inheritDoc} Alerts the resident cancelled by answering a local warning were never raised: not counted. */
    @Override
    public synchronized long alertCount() {
        return count("SELECT COUNT(*) FROM alerts WHERE state <> 'cancelled_by_resident'");
    }

    @Override
    public List<CancelledWarning> cancelledWarnings(Instant from, Instant to) {
        return inTransaction("read cancelled warnings", db -> SqliteWarningRecords.cancelled(db, from, to));
    }

    @Override
    public synchronized long eventCount() {
        return count("SELECT COUNT(*) FROM readings");
    }

    /** The time of the newest journalled reading, if any (for the clock sanity check at boot). */
    public synchronized Optional<Instant> newestReadingAt() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(at_ms) FROM readings")) {
            rs.next();
            long ms = rs.getLong(1);
            boolean none = rs.wasNull();
            db.commit();
            return none ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
        } catch (SQLException e) {
            throw new StoreException("newest reading", e);
        }
    }

    @Override
    public synchronized List<OutboxItem> claimDue(Instant now, int limit) {
        List<OutboxItem> items = new ArrayList<>();
        try {
            try (PreparedStatement q = db.prepareStatement("SELECT id, identifier, payload, attempts, kind FROM outbox "
                    + "WHERE state = 'pending' AND not_before_ms <= ? ORDER BY priority, not_before_ms, id LIMIT ?")) {
                q.setLong(1, now.toEpochMilli());
                q.setInt(2, limit);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(SUMMARY_KIND.equals(rs.getString(5))
                                ? new OutboxItem(rs.getLong(1), rs.getString(2), null, rs.getInt(4),
                                        Json.read(rs.getString(3), SummaryDelivery.class))
                                : new OutboxItem(rs.getLong(1), rs.getString(2), Json.read(rs.getString(3), Alert.class), rs.getInt(4)));
                    }
                }
            }
            try (PreparedStatement u = db.prepareStatement("UPDATE outbox SET state = 'in_flight', attempts = attempts + 1 WHERE id = ?")) {
                for (OutboxItem item : items) {
                    u.setLong(1, item.id());
                    u.addBatch();
                }
                u.executeBatch();
            }
            db.commit();
            return items;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw new StoreException("claim due deliveries", e);
        }
    }

    @Override
    public synchronized void releaseInFlight() {
        update("release in-flight deliveries", "UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'");
    }

    @Override
    public synchronized void delivered(long id, Instant at, String references) {
        update("mark a delivery done", "UPDATE outbox SET state = 'delivered', delivered_ms = ?, references_ = ?, last_error = NULL WHERE id = ?",
                at.toEpochMilli(), references, id);
        update("mark an alert sent", "UPDATE alerts SET state = 'sent' WHERE identifier = (SELECT identifier FROM outbox WHERE id = ?)", id);
    }

    @Override
    public synchronized void putBack(long id) {
        update("put back a delivery", "UPDATE outbox SET state = 'pending', attempts = MAX(0, attempts - 1) WHERE id = ? AND state = 'in_flight'", id);
    }

    @Override
    public synchronized void deferUntil(long id, Instant notBefore) {
        update("defer a delivery", "UPDATE outbox SET state = 'pending', attempts = MAX(0, attempts - 1), not_before_ms = ? "
                + "WHERE id = ? AND state = 'in_flight'", notBefore.toEpochMilli(), id);
    }

    @Override
    public synchronized void retryLater(long id, Instant notBefore, String error) {
        update("schedule a retry", "UPDATE outbox SET state = 'pending', not_before_ms = ?, last_error = ? WHERE id = ?",
                notBefore.toEpochMilli(), error, id);
    }

    @Override
    public synchronized void dead(long id, String error) {
        update("dead-letter a delivery", "UPDATE outbox SET state = 'dead', last_error = ? WHERE id = ?", error, id);
    }

    /** All outcomes in one transaction: a drain pass of many deliveries costs one fsync, not two per row. */
    @Override
    public synchronized void settle(List<OutboxOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try (PreparedStatement done = db.prepareStatement("UPDATE outbox SET state = 'delivered', delivered_ms = ?, "
                        + "references_ = ?, last_error = NULL WHERE id = ?");
                PreparedStatement sent = db.prepareStatement("UPDATE alerts SET state = 'sent' "
                        + "WHERE identifier = (SELECT identifier FROM outbox WHERE id = ?)");
                PreparedStatement retry = db.prepareStatement(
                        "UPDATE outbox SET state = 'pending', not_before_ms = ?, last_error = ? WHERE id = ?");
                PreparedStatement dead = db.prepareStatement(
                        "UPDATE outbox SET state = 'dead', last_error = ? WHERE id = ?");
                PreparedStatement back = db.prepareStatement("UPDATE outbox SET state = 'pending', "
                        + "attempts = MAX(0, attempts - 1) WHERE id = ? AND state = 'in_flight'");
                PreparedStatement defer = db.prepareStatement("UPDATE outbox SET state = 'pending', "
                        + "attempts = MAX(0, attempts - 1), not_before_ms = ? WHERE id = ? AND state = 'in_flight'")) {
            for (OutboxOutcome o : outcomes) {
                if (o instanceof OutboxOutcome.Delivered d) {
                    done.setLong(1, d.at().toEpochMilli());
                    done.setString(2, d.references());
                    done.setLong(3, d.id());
                    done.addBatch();
                    sent.setLong(1, d.id());
                    sent.addBatch();
                } else if (o instanceof OutboxOutcome.RetryLater r) {
                    retry.setLong(1, r.notBefore().toEpochMilli());
                    retry.setString(2, r.error());
                    retry.setLong(3, r.id());
                    retry.addBatch();
                } else if (o instanceof OutboxOutcome.Dead d) {
                    dead.setString(1, d.error());
                    dead.setLong(2, d.id());
                    dead.addBatch();
                } else if (o instanceof OutboxOutcome.PutBack p) {
                    back.setLong(1, p.id());
                    back.addBatch();
                } else if (o instanceof OutboxOutcome.Defer d) {
                    defer.setLong(1, d.notBefore().toEpochMilli());
                    defer.setLong(2, d.id());
                    defer.addBatch();
                }
            }
            for (PreparedStatement p : List.of(done, sent, retry, dead, back, defer)) {
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("settle deliveries", e);
        }
    }

    @Override
    public synchronized OutboxStats stats() {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT "
                        + "SUM(state IN ('pending','in_flight')), SUM(state = 'delivered'), SUM(state = 'dead'), "
                        + "MIN(CASE WHEN state IN ('pending','in_flight') THEN created_ms END), MAX(delivered_ms) FROM outbox")) {
            rs.next();
            var stats = new OutboxStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, 4), instant(rs, 5));
            db.commit();
            return stats;
        } catch (SQLException e) {
            throw new StoreException("read outbox stats", e);
        }
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private long count(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            db.commit();
            return n;
        } catch (SQLException e) {
            throw new StoreException("count", e);
        }
    }

    private void update(String operation, String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException(operation, e);
        }
    }

    /** Work on the store's connection, for the sibling adapters in this package. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    /**
     * Runs {@code work} on this store's connection under its lock, as one transaction: committed if it returns, rolled
     * back if it throws. Lets sibling adapters (acknowledgements, health) share the one writer.
     *
     * @throws StoreException if the work fails; nothing was changed
     */
    synchronized <T> T inTransaction(String operation, Work<T> work) {
        try {
            T result = work.run(db);
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw new StoreException(operation, e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException e) {
            // SQLite may already have rolled back by itself (e.g. on SQLITE_FULL), which confuses the driver's
            // transaction state: start over on a fresh connection. Nothing committed is lost.
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
            try {
                db = connect();
            } catch (SQLException reopen) {
                throw new StoreException("reopen the database", reopen);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("close the database", e);
        }
    }
}
