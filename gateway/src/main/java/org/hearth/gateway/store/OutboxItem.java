package org.hearth.gateway.store;

import org.hearth.rules.model.Alert;

/**
 * One delivery waiting for the care record: an alert, or a daily summary.
 *
 * @param id row id
 * @param identifier the business identifier, minted once when the alert was stored; every attempt sends the same one
 * @param alert what to deliver, or null for a summary
 * @param attempts attempts made so far
 * @param summary the daily summary to deliver, or null for an alert
 */
public record OutboxItem(long id, String identifier, Alert alert, int attempts, SummaryDelivery summary) {

    /** An alert's delivery. */
    public OutboxItem(long id, String identifier, Alert alert, int attempts) {
        this(id, identifier, alert, attempts, null);
    }

    /**
     * Whether this is a daily summary (priority behind alerts, rate-limited, sent alone as a batch Bundle).
     *
     * @return true for a summary
     */
    public boolean isSummary() {
        return summary != null;
    }
}
