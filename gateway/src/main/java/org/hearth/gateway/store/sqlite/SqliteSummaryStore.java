package org.hearth.gateway.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.store.SummaryDelivery;
import org.hearth.gateway.store.SummaryStore;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.summary.Baseline;

/**
 * The summariser's state in table {@code summary_state} (V3), its deliveries in the shared outbox, and journal reads,
 * all on the {@link SqliteStore}'s one connection.
 */
public final class SqliteSummaryStore implements SummaryStore {
    /** Summaries go behind alerts (priority 0) and never ahead of them. */
    public static final int SUMMARY_PRIORITY = 1;

    private final SqliteStore store;
    private final String gatewayId;

    /**
     * @param store     the home's store
     * @param gatewayId this gateway's id, the prefix of every identifier it mints
     */
    public SqliteSummaryStore(SqliteStore store, String gatewayId) {
        this.store = store;
        this.gatewayId = gatewayId;
    }

    @Override
    public Optional<State> load() {
        return store.inTransaction("load the summary state", db -> {
            try (PreparedStatement q = db.prepareStatement("SELECT last_day, baseline FROM summary_state WHERE id = 1");
                    ResultSet rs = q.executeQuery()) {
                return rs.next()
                        ? Optional.of(new State(LocalDate.parse(rs.getString(1)), Json.read(rs.getString(2), Baseline.class)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public List<SensorEvent> events(Instant from, Instant to) {
        return store.inTransaction("read the journal", db -> {
            List<SensorEvent> events = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT sensor_id, kind, at_ms, detail FROM readings "
                    + "WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id")) {
                q.setLong(1, from.toEpochMilli());
                q.setLong(2, to.toEpochMilli());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        events.add(new SensorEvent(rs.getString(1), EventKind.valueOf(rs.getString(2)),
                                Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                    }
                }
            }
            return events;
        });
    }

    @Override
    public boolean commitDay(LocalDate day, Baseline baseline, Optional<SummaryDelivery> delivery) {
        return store.inTransaction("commit a daily summary", db -> {
            try (PreparedStatement q = db.prepareStatement("SELECT last_day FROM summary_state WHERE id = 1");
                    ResultSet rs = q.executeQuery()) {
                if (rs.next() && !day.isAfter(LocalDate.parse(rs.getString(1)))) {
                    return false;
                }
            }
            try (PreparedStatement u = db.prepareStatement("INSERT INTO summary_state (id, last_day, baseline) "
                    + "VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET last_day = excluded.last_day, "
                    + "baseline = excluded.baseline")) {
                u.setString(1, day.toString());
                u.setString(2, Json.write(baseline));
                u.executeUpdate();
            }
            if (delivery.isPresent()) {
                long now = store.now().toEpochMilli();
                try (PreparedStatement o = db.prepareStatement("INSERT OR IGNORE INTO outbox (identifier, kind, "
                        + "priority, payload, state, not_before_ms, created_ms) VALUES (?, ?, ?, ?, 'pending', ?, ?)")) {
                    o.setString(1, delivery.get().rowIdentifier(gatewayId));
                    o.setString(2, SqliteStore.SUMMARY_KIND);
                    o.setInt(3, SUMMARY_PRIORITY);
                    o.setString(4, Json.write(delivery.get()));
                    o.setLong(5, now);
                    o.setLong(6, now);
                    o.executeUpdate();
                }
            }
            return true;
        });
    }
}
