package org.hearth.gateway.store;

import java.time.Instant;

/** What became of one claimed outbox row after an attempt; a drain pass commits its outcomes together. */
public sealed interface OutboxOutcome {

    /** The claimed row. */
    long id();

    /** The care record holds it; see {@link Outbox#delivered}. */
    record Delivered(long id, Instant at, String references) implements OutboxOutcome {}

    /** Try again not before {@code notBefore}; see {@link Outbox#retryLater}. */
    record RetryLater(long id, Instant notBefore, String error) implements OutboxOutcome {}

    /** Refused for good; see {@link Outbox#dead}. */
    record Dead(long id, String error) implements OutboxOutcome {}

    /** Not attempted, and not before {@code notBefore} (a summary out of rate-limit permits); see {@link Outbox#deferUntil}. */
    record Defer(long id, Instant notBefore) implements OutboxOutcome {}

    /** Not attempted (e.g. the circuit breaker refused the call); see {@link Outbox#putBack}. */
    record PutBack(long id) implements OutboxOutcome {}
}
