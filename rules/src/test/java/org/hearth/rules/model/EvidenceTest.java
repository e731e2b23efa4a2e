package org.hearth.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final SensorEvent MOTION =
            SensorEvent.of("kitchen-motion", EventKind.MOTION, Instant.parse("2026-03-28T10:02:00Z"));

    @Test
    void keepsItsOwnImmutableCopyOfTheEvents() {
        List<SensorEvent> events = new ArrayList<>(List.of(MOTION));
        Evidence evidence = new Evidence(events, "r", Duration.ZERO, Duration.ZERO, "");

        events.clear();

        assertThat(evidence.events()).containsExactly(MOTION);
        assertThatThrownBy(() -> evidence.events().add(MOTION)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRuleThatLearnsNothingHasNoLearntNormal() {
        Evidence evidence = new Evidence(List.of(MOTION), "r", Duration.ofHours(3), Duration.ofHours(3), "x");

        assertThat(evidence.learntNormal()).isZero();
        assertThat(new Evidence(List.of(MOTION), "r", Duration.ofHours(1), Duration.ofHours(1), "x",
                Duration.ofMinutes(24)).learntNormal()).isEqualTo(Duration.ofMinutes(24));
    }

    @Test
    void rejectsNegativeDurationsAndBlankRule() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Evidence(List.of(), "r", Duration.ZERO, Duration.ZERO, "", Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Evidence(List.of(), "r", Duration.ofSeconds(-1), Duration.ZERO, ""));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Evidence(List.of(), "r", Duration.ZERO, Duration.ofSeconds(-1), ""));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Evidence(List.of(), " ", Duration.ZERO, Duration.ZERO, ""));
    }
}
