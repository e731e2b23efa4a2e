package org.hearth.gateway.uplink;

import java.time.Instant;

/**
 * A Task as the acknowledgement poll found it.
 *
 * @param identifier the alert's business identifier (the Task's identifier in Hearth's system)
 * @param taskReference the Task's server id, e.g. {@code Task/123}
 * @param status the Task's status code, e.g. {@code accepted}
 * @param lastUpdated its {@code meta.lastUpdated} (the care record's clock)
 */
public record TaskUpdate(String identifier, String taskReference, String status, Instant lastUpdated) {}
