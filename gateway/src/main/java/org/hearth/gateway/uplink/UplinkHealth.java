package org.hearth.gateway.uplink;

import java.time.Instant;
import java.util.Optional;

/**
 * The uplink as an operator sees it.
 *
 * @param breaker the circuit breaker's state (CLOSED, OPEN, HALF_OPEN)
 * @param lastError the last failure's reason, without personal data
 * @param lastAttempt when a delivery was last attempted
 * @param authRejections 401 answers from the care record (each drops the access token)
 * @param tokenFailures failed attempts to get an access token from the token endpoint
 */
public record UplinkHealth(String breaker, Optional<String> lastError, Optional<Instant> lastAttempt,
        long authRejections, long tokenFailures) {

    /** Without authentication counts. */
    public UplinkHealth(String breaker, Optional<String> lastError, Optional<Instant> lastAttempt) {
        this(breaker, lastError, lastAttempt, 0, 0);
    }

    /** The same, with the authentication counts. */
    public UplinkHealth withAuth(long rejections, long failures) {
        return new UplinkHealth(breaker, lastError, lastAttempt, rejections, failures);
    }
}
