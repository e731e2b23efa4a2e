package org.hearth.gateway.uplink.oauth;

/** No access token could be had now; transient. The message never contains a token, an assertion or a key. */
public final class TokenUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TokenUnavailable(String reason) {
        super(reason, null, false, false);
    }
}
