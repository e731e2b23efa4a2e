package org.hearth.gateway.ingest;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The readings already taken in, per sensor, shared by every transport (MQTT QoS 1 redelivery, CoAP retransmission
 * or a sensor that sends the same reading both ways), so that at-least-once delivery never becomes two readings.
 *
 * <p>A reading is known by {@code (seq, t)}: keying on the sensor's time too means a sensor that restarts its
 * {@code seq} from 0 is not mistaken for a redelivery. Bounded: at most {@link #PER_SENSOR} keys per sensor, and only
 * configured sensors are ever marked (callers mark after a successful decode), so memory cannot grow without bound.
 * Lost on restart; the rules absorb what gets through then. Thread-safe.
 */
public final class SeenSequences {
    /** How many stored {@code (seq, t)} pairs are remembered per sensor. */
    public static final int PER_SENSOR = 64;

    private record Key(long seq, Instant t) {}

    private final Map<String, ArrayDeque<Key>> seen = new HashMap<>();

    /** True if the reading {@code (seq, t)} of {@code sensorId} was marked stored. */
    public synchronized boolean contains(String sensorId, long seq, Instant t) {
        ArrayDeque<Key> keys = seen.get(sensorId);
        return keys != null && keys.contains(new Key(seq, t));
    }

    /** Remembers that the reading is stored; call only once it is, so a reading whose storing failed is retaken. */
    public synchronized void mark(String sensorId, long seq, Instant t) {
        ArrayDeque<Key> keys = seen.computeIfAbsent(sensorId, k -> new ArrayDeque<>());
        Key key = new Key(seq, t);
        if (!keys.contains(key)) {
            keys.addLast(key);
            if (keys.size() > PER_SENSOR) {
                keys.removeFirst();
            }
        }
    }

    /** True if {@code d} was marked stored. */
    public boolean contains(Decoded.Sequenced d) {
        return contains(d.sensorId(), d.seq(), d.sentAt());
    }

    /** Marks {@code d} stored. */
    public void mark(Decoded.Sequenced d) {
        mark(d.sensorId(), d.seq(), d.sentAt());
    }

    /** Forgets that {@code d} is stored: its batch failed to commit, so its redelivery must be taken. */
    public synchronized void unmark(Decoded.Sequenced d) {
        ArrayDeque<Key> keys = seen.get(d.sensorId());
        if (keys != null) {
            keys.remove(new Key(d.seq(), d.sentAt()));
        }
    }
}
