package org.hearth.gateway.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.store.LocalWarnings;
import org.hearth.gateway.store.UnpublishedWarning;
import org.hearth.rules.model.AlertType;

/** The local warnings' publication record, in the store's SQLite file, on its one connection. */
public final class SqliteLocalWarnings implements LocalWarnings {
    private final SqliteStore store;

    public SqliteLocalWarnings(SqliteStore store) {
        this.store = store;
    }

    @Override
    public List<UnpublishedWarning> unpublished(Instant now) {
        return store.inTransaction("read unpublished warnings", db -> {
            List<UnpublishedWarning> out = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT id, type, warned_ms, deadline_ms, attempts "
                    + "FROM local_warnings WHERE published_ms IS NULL AND outcome IS NULL AND deadline_ms > ? "
                    + "ORDER BY deadline_ms, id")) {
                q.setLong(1, now.toEpochMilli());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UnpublishedWarning(rs.getLong(1), AlertType.valueOf(rs.getString(2)),
                                Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)),
                                rs.getInt(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void published(long id, Instant at) {
        store.inTransaction("record a published warning", db -> {
            try (PreparedStatement u = db.prepareStatement("UPDATE local_warnings SET published_ms = ?, "
                    + "attempts = attempts + 1, last_error = NULL WHERE id = ? AND published_ms IS NULL")) {
                u.setLong(1, at.toEpochMilli());
                u.setLong(2, id);
                return u.executeUpdate();
            }
        });
    }

    @Override
    public void publishFailed(long id, String error) {
        store.inTransaction("record a failed warning publication", db -> {
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE local_warnings SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                u.setString(1, error);
                u.setLong(2, id);
                return u.executeUpdate();
            }
        });
    }
}
