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
    void routineAlertsAreUrgentWithStableCodes() {
        assertThat(AlertType.BATHROOM_DWELL.code()).isEqualTo("bathroom-dwell");
        assertThat(AlertType.BED_EXIT_NO_RETURN.code()).isEqualTo("bed-exit-no-return");
        assertThat(AlertType.DOOR_OPEN_NIGHT.code()).isEqualTo("door-open-night");
        assertThat(AlertType.MISSED_MORNING_ROUTINE.code()).isEqualTo("missed-morning-routine");
        assertThat(java.util.List.of(AlertType.BATHROOM_DWELL, AlertType.BED_EXIT_NO_RETURN,
                AlertType.DOOR_OPEN_NIGHT, AlertType.MISSED_MORNING_ROUTINE))
                .allSatisfy(t -> assertThat(t.priority()).isEqualTo(Priority.URGENT));
    }

    @Test
    void aRadarFallReportIsNotActivity() {
        assertThat(EventKind.RADAR_FALL.isActivity()).isFalse();
    }
}
