package org.hearth.gateway.warning;

import java.util.Optional;

/**
 * Where local warnings go: the home's sounder or speaker.
 *
 * <p>Contract: {@link #publish} returns once the channel has the notice (for MQTT: the broker's QoS 1 acknowledgement)
 * or has failed; it never throws for a channel failure. At least once: a notice may be published again after a failure
 * that could not be told from success, so consumers de-duplicate on its id.
 */
public interface WarningChannel extends AutoCloseable {

    /** @return empty when the channel has the notice; otherwise why not (no personal data) */
    Optional<String> publish(WarningNotice notice);

    @Override
    default void close() {}
}
