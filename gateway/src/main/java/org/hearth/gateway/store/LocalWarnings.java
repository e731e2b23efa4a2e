package org.hearth.gateway.store;

import java.time.Instant;
import java.util.List;

/**
 * The local warnings' publication record: which warning messages still have to reach the sounder.
 *
 * <p>Contract: each method is atomic and durable when it returns, and throws {@link StoreException} if nothing was
 * changed.
 */
public interface LocalWarnings {

    /**
     * Warnings given, still pending (neither answered nor run out) and not yet published, whose deadline is after
     * {@code now}, earliest deadline first. A warning whose deadline has passed is never asked any more.
     */
    List<UnpublishedWarning> unpublished(Instant now);

    /** Records that the warning's message reached the broker at {@code at}. */
    void published(long id, Instant at);

    /** Records a failed attempt to publish the warning's message; {@code error} holds no personal data. */
    void publishFailed(long id, String error);
}
