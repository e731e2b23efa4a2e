package org.hearth.gateway.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void doublesUpToTheCapAndStartsAgainOnceConnected() {
        var backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
    }
}
