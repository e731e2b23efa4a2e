package org.hearth.simulator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The physical limit of the store: batched inserts of journal-sized rows (the gateway's {@code readings} table shape)
 * in WAL mode with {@code synchronous=FULL}, as the gateway commits, into a file on the same disk. Nothing else runs
 * in the transaction, so the gateway can approach this rate but never beat it.
 */
final class RawSqliteLimit {
    private RawSqliteLimit() {}

    /**
     * @param dir   folder for the throw-away database (same disk as the gateway's)
     * @param rows  rows to insert
     * @param batch rows per transaction
     * @return rows per second
     */
    static double rowsPerSecond(Path dir, int rows, int batch) throws SQLException, java.io.IOException {
        Path file = Files.createTempFile(dir, "raw-sqlite-", ".db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor_id TEXT NOT NULL, kind TEXT NOT NULL,"
                        + " at_ms INTEGER NOT NULL, detail TEXT NOT NULL)");
                s.execute("CREATE INDEX readings_at ON readings (at_ms)");
            }
            db.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ins = db.prepareStatement(
                    "INSERT INTO readings (sensor_id, kind, at_ms, detail) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ins.setString(1, "flat-" + (i % 50) + "-motion-" + (i % 4));
                    ins.setString(2, (i & 1) == 0 ? "MOTION" : "NO_MOTION");
                    ins.setLong(3, 1_700_000_000_000L + i);
                    ins.setString(4, "");
                    ins.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        ins.executeBatch();
                        db.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        }
    }
}
