package org.hearth.gateway.uplink.oauth;

import java.util.Optional;

/** Where the care-record clients get the bearer token for a request, and say when the care record refused it. */
public interface AccessTokens {

    /**
     * The token to send now; empty when the care record needs none.
     *
     * @throws TokenUnavailable if a token is needed but cannot be had now (transient: try again later)
     */
    Optional<String> current();

    /** The care record answered 401 to {@code token}: forget it, so that {@link #current()} fetches a new one. */
    void rejected(String token);

    /** 401 answers so far. */
    long rejections();

    /** Failed attempts to get a token so far. */
    long failures();
}
