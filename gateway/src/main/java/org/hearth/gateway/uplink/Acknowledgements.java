package org.hearth.gateway.uplink;

import java.time.Instant;
import java.util.Optional;

/**
 * The community team's answers, read from the care record by polling (homes sit behind NAT: nothing can call in).
 *
 * <p>Contract: {@link #poll} returns this gateway's Tasks changed after {@code since} (every one when empty), oldest
 * first, following the server's pages up to a limit. It never throws for a remote failure ({@link AckPoll.Failed})
 * and changes nothing on the server. Called from one thread.
 */
public interface Acknowledgements {
    AckPoll poll(Optional<Instant> since);
}
