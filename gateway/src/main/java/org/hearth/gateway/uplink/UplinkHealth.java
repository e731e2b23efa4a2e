package org.hearth.gateway.uplink;

import java.time.Instant;
import java.util.Optional;

/**
 * The uplink as an operator sees it.
 *
 * @param breaker the circuit breaker's state (CLOSED, OPEN, HALF_OPEN)
 * @param lastError the last failure's reason, without personal data
 * @param lastAttempt when a delivery was last attempted
 */
public record UplinkHealth(String breaker, Optional<String> lastError, Optional<Instant> lastAttempt) {}
