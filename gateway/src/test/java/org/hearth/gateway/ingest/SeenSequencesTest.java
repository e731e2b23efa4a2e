package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenSequencesTest {

    private static final Instant T = Instant.parse("2026-03-28T10:00:00Z");

    private final SeenSequences seen = new SeenSequences();

    @Test
    void remembersAReadingBySensorSequenceAndTime() {
        seen.mark("radar", 5, T);

        assertThat(seen.contains("radar", 5, T)).isTrue();
        assertThat(seen.contains("radar", 5, T.plusSeconds(1))).as("a sensor that restarted its numbering").isFalse();
        assertThat(seen.contains("wrist", 5, T)).isFalse();
    }

    @Test
    void forgetsTheOldestBeyondItsBoundPerSensor() {
        for (int i = 0; i <= SeenSequences.PER_SENSOR; i++) {
            seen.mark("radar", i, T);
        }
        seen.mark("radar", SeenSequences.PER_SENSOR, T); // marking again does not push anything out

        assertThat(seen.contains("radar", 0, T)).isFalse();
        assertThat(seen.contains("radar", 1, T)).isTrue();
        assertThat(seen.contains("radar", SeenSequences.PER_SENSOR, T)).isTrue();
    }
}
