package org.hearth.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTest {

    private static final Instant ONSET = Instant.parse("2026-03-28T10:02:00.123Z");
    private static final SensorEvent MOTION = SensorEvent.of("kitchen-motion", EventKind.MOTION, ONSET);
    private static final Evidence EVIDENCE =
            new Evidence(List.of(MOTION), "inactivity.quiet-bands", Duration.ofHours(3), Duration.ofHours(3), "x");

    @Test
    void keyIsTypeCodeSensorAndOnsetMillis() {
        Alert alert = new Alert(AlertType.PROLONGED_INACTIVITY, "kitchen-motion", ONSET,
                ONSET.plus(Duration.ofHours(3)), EVIDENCE);

        assertThat(alert.key()).isEqualTo("prolonged-inactivity:kitchen-motion:1774692120123");
    }

    @Test
    void keyDoesNotDependOnWhenTheAlertWasRaised() {
        Alert early = new Alert(AlertType.HELP_BUTTON, "hall-button", ONSET, ONSET, EVIDENCE);
        Alert late = new Alert(AlertType.HELP_BUTTON, "hall-button", ONSET, ONSET.plusSeconds(5), EVIDENCE);

        assertThat(late.key()).isEqualTo(early.key()).isEqualTo("help-button-pressed:hall-button:1774692120123");
    }

    @Test
    void rejectsAnAlertRaisedBeforeItsOnset() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Alert(AlertType.HELP_BUTTON, "hall-button", ONSET, ONSET.minusNanos(1), EVIDENCE));
    }

    @Test
    void typesCarryStableCodesAndPriorities() {
        assertThat(AlertType.HELP_BUTTON.code()).isEqualTo("help-button-pressed");
        assertThat(AlertType.HELP_BUTTON.priority()).isEqualTo(Priority.STAT);
        assertThat(AlertType.PROLONGED_INACTIVITY.code()).isEqualTo("prolonged-inactivity");
        assertThat(AlertType.PROLONGED_INACTIVITY.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void prioritiesMapToFhirCodesMostUrgentFirst() {
        assertThat(Priority.values()).extracting(Priority::fhirCode).containsExactly("stat", "urgent", "routine");
    }
}
