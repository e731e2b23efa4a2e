package org.hearth.gateway.store;

import java.time.Instant;

/**
 * An alert moved from one state to another because the care record's Task said so.
 *
 * @param identifier the alert's business identifier
 * @param from its state before
 * @param to its state now
 * @param at when it happened on the care record (the Task's {@code meta.lastUpdated}, the care record's clock)
 * @param recordedAt when the gateway learnt it (the gateway's clock)
 * @param detail what the care record said, e.g. {@code task in-progress}; no personal data
 */
public record AlertTransition(String identifier, AlertState from, AlertState to, Instant at, Instant recordedAt, String detail) {}
