package org.hearth.simulator.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;

/** A backlog of distinct help calls, one per pendant, as the rules raise them. */
final class HelpCalls {
    private HelpCalls() {}

    /** {@code n} help-button alerts, pendant {@code i} pressed at {@code start + i ms}. */
    static List<Alert> of(int n, Instant start) {
        List<Alert> alerts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String sensor = "pendant-" + i;
            Instant at = start.plusMillis(i);
            SensorEvent press = new SensorEvent(sensor, EventKind.BUTTON, at, "single");
            alerts.add(new Alert(AlertType.HELP_BUTTON, sensor, at, at, new Evidence(List.of(press),
                    "help-button.immediate", Duration.ZERO, Duration.ZERO, "Help button pressed on " + sensor)));
        }
        return alerts;
    }
}
