package org.hearth.gateway.uplink.oauth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A static bearer token from the configuration (or none): a 401 is counted, and nothing can be refreshed. */
public final class FixedToken implements AccessTokens {
    private final Optional<String> token;
    private final AtomicLong rejections = new AtomicLong();

    public FixedToken(Optional<String> token) {
        this.token = token;
    }

    @Override
    public Optional<String> current() {
        return token;
    }

    @Override
    public void rejected(String refused) {
        rejections.incrementAndGet();
    }

    @Override
    public long rejections() {
        return rejections.get();
    }

    @Override
    public long failures() {
        return 0;
    }
}
