package org.hearth.gateway.escalation;

import java.util.Optional;

/**
 * The local secondary channel escalations go to (a sounder, a family-notification bridge), independent of the care
 * record: the care record is a record, not an alarm system.
 *
 * <p>Contract: {@link #publish} returns once the channel has the notice (for MQTT: the broker's QoS 1
 * acknowledgement) or has failed; it never throws for a channel failure. At least once: the caller may publish the same
 * notice again after a failure it could not tell from success, so consumers de-duplicate on the identifier.
 */
public interface EscalationChannel extends AutoCloseable {

    /** @return empty when the channel has the notice; otherwise why not (no personal data) */
    Optional<String> publish(EscalationNotice notice);

    @Override
    default void close() {}
}
