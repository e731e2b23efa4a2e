package org.hearth.gateway.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hearth.gateway.store.StoreException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The daemon's latest health snapshot, one row in table {@code health_snapshot}: written by the running gateway every
 * few seconds, read by {@code hearth-gateway health} from another process through a read-only connection (WAL lets
 * it read while the daemon writes; it never blocks the writer and never migrates or creates anything).
 */
public final class SqliteHealthSnapshots {

    /** A stored snapshot: when it was taken (the daemon's clock) and its JSON body. */
    public record Snapshot(Instant at, String json) {}

    private final SqliteStore store;

    public SqliteHealthSnapshots(SqliteStore store) {
        this.store = store;
    }

    /** Replaces the snapshot. */
    public void save(Instant at, String json) {
        store.inTransaction("save the health snapshot", db -> {
            try (PreparedStatement u = db.prepareStatement("INSERT INTO health_snapshot (id, at_ms, body) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms, body = excluded.body")) {
                u.setLong(1, at.toEpochMilli());
                u.setString(2, json);
                u.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Reads the snapshot from the SQLite file at {@code file}, opened read-only.
     *
     * @return empty if the file holds no snapshot yet
     * @throws StoreException if the file is missing or not a Hearth store
     */
    public static Optional<Snapshot> readOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("open " + file + " (no such file)", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(5_000);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
                PreparedStatement q = db.prepareStatement("SELECT at_ms, body FROM health_snapshot WHERE id = 1");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? Optional.of(new Snapshot(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("read the health snapshot from " + file, e);
        }
    }
}
