package org.hearth.gateway.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Escalations at a glance, for health reporting.
 *
 * @param total alerts escalated, ever
 * @param awaitingNotification escalations the local channel has not yet taken
 * @param awaitingCareRecord escalations not yet settled in the care record
 * @param last when the last escalation was decided
 * @param lastError the last channel failure of an unfinished escalation, without personal data
 */
public record EscalationStats(long total, long awaitingNotification, long awaitingCareRecord, Optional<Instant> last,
        Optional<String> lastError) {

    /** No escalation yet. */
    public static EscalationStats none() {
        return new EscalationStats(0, 0, 0, Optional.empty(), Optional.empty());
    }
}
