package org.hearth.rules.health;

import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;

/**
 * A home whose sensors cannot see must never look quiet and safe: an inactivity or absence alert raised while some
 * sensor is blind ({@link HealthProblem#blinds()}) says so in its explanation.
 */
public final class CantSee {

    private CantSee() {
    }

    /**
     * The alert, with a "can't see" note appended to its explanation if it is about silence and sensors are blind.
     *
     * @param alert  any alert
     * @param state  the health detector's state when it was raised
     * @param policy the health policy (for the home's zone)
     * @return the alert, annotated or unchanged (its key is unchanged either way)
     */
    public static Alert annotate(Alert alert, SensorHealthState state, HealthPolicy policy) {
        boolean aboutSilence = alert.type() == AlertType.PROLONGED_INACTIVITY
                || alert.type() == AlertType.PROLONGED_ABSENCE;
        List<Episode> blind = SensorHealthDetector.blinding(state);
        if (!aboutSilence || blind.isEmpty()) {
            return alert;
        }
        Evidence e = alert.evidence();
        String note = e.explanation() + ". Monitoring degraded, so this quiet may be the sensors', not the resident's; "
                + HealthExplanations.cantSee(blind, policy.zone(), alert.raisedAt());
        return new Alert(alert.type(), alert.sensorId(), alert.onset(), alert.raisedAt(),
                new Evidence(e.events(), e.rule(), e.threshold(), e.observed(), note, e.learntNormal()));
    }
}
