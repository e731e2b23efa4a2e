package org.hearth.gateway.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;

/** Alerts as the rules engine raises them, for tests of what happens to an alert afterwards. */
public final class TestAlerts {

    private TestAlerts() {
    }

    /** A help-button press on {@code sensorId} at {@code at}. */
    public static Alert helpButton(String sensorId, Instant at) {
        SensorEvent press = new SensorEvent(sensorId, EventKind.BUTTON, at, "single");
        return new Alert(AlertType.HELP_BUTTON, sensorId, at, at, new Evidence(List.of(press), "help-button.immediate",
                Duration.ZERO, Duration.ZERO, "Help button pressed on " + sensorId + " at 10:02 (Europe/London)"));
    }

    /** Prolonged inactivity: last motion on {@code sensorId} at {@code lastActivity}, judged {@code silence} later. */
    public static Alert inactivity(String sensorId, Instant lastActivity, Duration silence) {
        SensorEvent motion = SensorEvent.of(sensorId, EventKind.MOTION, lastActivity);
        return new Alert(AlertType.PROLONGED_INACTIVITY, sensorId, lastActivity, lastActivity.plus(silence),
                new Evidence(List.of(motion), "inactivity.quiet-bands", Duration.ofHours(3), silence,
                        "No activity for 3h 05m since 10:02 (motion in " + sensorId
                                + "); allowed 3h 00m in band 09:00-12:00 (Europe/London)"));
    }
}
