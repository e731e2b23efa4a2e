package org.hearth.gateway.escalation;

import java.time.Duration;
import java.time.Instant;

/**
 * What the local secondary channel is told when an alert is escalated. Carries no personal data: opaque ids, the
 * alert type and times only.
 *
 * @param homeId the home's opaque id
 * @param alertType the alert type's code, e.g. {@code help-button-pressed}
 * @param priority the alert's priority code, e.g. {@code stat}
 * @param identifier the alert's business identifier (as in the care record)
 * @param raisedAt when the alert was raised
 * @param escalatedAt when it was escalated
 * @param after the wait that ran out
 */
public record EscalationNotice(String homeId, String alertType, String priority, String identifier, Instant raisedAt,
        Instant escalatedAt, Duration after) {}
