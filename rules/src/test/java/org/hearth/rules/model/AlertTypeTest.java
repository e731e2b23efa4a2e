package org.hearth.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertTypeTest {

    @Test
    void fallAlertsAreStatWithStableCodes() {
        assertThat(AlertType.FALL_WEARABLE.code()).isEqualTo("fall-detected");
        assertThat(AlertType.FALL_WEARABLE.priority()).isEqualTo(Priority.STAT);
        assertThat(AlertType.FALL_RADAR.code()).isEqualTo("fall-detected-radar");
        assertThat(AlertType.FALL_RADAR.priority()).isEqualTo(Priority.STAT);
    }

    @Test
    void aRadarFallReportIsNotActivity() {
        assertThat(EventKind.RADAR_FALL.isActivity()).isFalse();
    }
}
