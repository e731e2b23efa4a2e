package org.hearth.gateway.uplink;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The answer to one acknowledgement poll. */
public sealed interface AckPoll {

    /**
     * The poll succeeded.
     *
     * @param updates this gateway's Tasks that changed, oldest first
     * @param newestSeen the newest {@code meta.lastUpdated} among all Tasks read (the next cursor), if any were read
     * @param more true if the poll stopped at its page limit and there is more to read at once
     */
    record Polled(List<TaskUpdate> updates, Optional<Instant> newestSeen, boolean more) implements AckPoll {
        public Polled {
            updates = List.copyOf(updates);
        }
    }

    /** The care record could not be asked (transient or not); the reason holds no personal data. */
    record Failed(String reason) implements AckPoll {}
}
