package org.hearth.gateway.store;

import java.time.Instant;
import java.util.Optional;
import org.hearth.rules.model.AlertType;

/**
 * One alert's escalation, with the progress of its two channels.
 *
 * @param identifier the alert's business identifier
 * @param type what kind of alert
 * @param raisedAt when the alert was raised
 * @param escalatedAt when the gateway decided to escalate
 * @param notifiedAt when the local channel (MQTT) took the notice, if it has
 * @param recordedAt when the care record's Task was settled (marked escalated, or found no longer waiting), if it was
 * @param attempts failed delivery attempts so far
 */
public record Escalation(String identifier, AlertType type, Instant raisedAt, Instant escalatedAt,
        Optional<Instant> notifiedAt, Optional<Instant> recordedAt, int attempts) {}
