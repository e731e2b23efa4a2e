package org.hearth.gateway.uplink;

/** The care record's answer to one delivery, already classified (design.md §4). */
public sealed interface Delivery {

    /** Stored (201) or already there (200): done. {@code references} are the server's ids. */
    record Accepted(String references) implements Delivery {}

    /** Transient: 409, 429, 5xx, timeouts, connection refused. Try again later with backoff. */
    record Retry(String reason) implements Delivery {}

    /** The care record refuses this content (400/422): retrying cannot help. Dead-letter and alarm locally. */
    record Refused(String reason) implements Delivery {}

    /** 412: the business identifier matched more than one resource. Stop and raise an integrity alarm. */
    record IntegrityAlarm(String reason) implements Delivery {}
}
