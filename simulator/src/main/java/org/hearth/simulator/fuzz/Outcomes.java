package org.hearth.simulator.fuzz;

import org.hearth.gateway.ingest.Decoded;

/** What a clean decoder outcome is. */
final class Outcomes {
    private Outcomes() {
    }

    /** Throws {@link Crash} unless {@code d} is a complete accepted, ignored, sequenced or rejected outcome. */
    static void requireClean(Decoded d) {
        if (d == null) {
            throw new Crash("null outcome");
        }
        if (d instanceof Decoded.Rejected r && r.reason() == null) {
            throw new Crash("rejection without a reason");
        }
        if (d instanceof Decoded.Accepted a && a.events().stream().anyMatch(e -> e == null || e.at() == null)) {
            throw new Crash("accepted an event without a time");
        }
        if (d instanceof Decoded.Sequenced s
                && (s.sensorId() == null || s.sentAt() == null || s.seq() < 0 || (s.events().isEmpty() && s.batch() == null))) {
            throw new Crash("incomplete reading");
        }
    }
}
