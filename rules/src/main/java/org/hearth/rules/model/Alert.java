package org.hearth.rules.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a human must look at, with the evidence behind it.
 *
 * <p>An alert is a pure function of the events that caused it: replaying the same events yields an equal alert
 * with the same {@link #key()}, however often the engine was ticked in between.
 *
 * @param type     what kind of alert
 * @param sensorId the sensor the alert is about (the pressed button; the last sensor that saw activity)
 * @param onset    when the situation began (the button press; the last activity before the silence)
 * @param raisedAt when the rules judged it alert-worthy; never before {@code onset}
 * @param evidence why
 */
public record Alert(AlertType type, String sensorId, Instant onset, Instant raisedAt, Evidence evidence) {

    /**
     * Validates the alert.
     *
     * @param type see the record description
     * @param sensorId see the record description
     * @param onset see the record description
     * @param raisedAt see the record description
     * @param evidence see the record description
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if {@code raisedAt} is before {@code onset}
     */
    public Alert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(onset, "onset");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(evidence, "evidence");
        if (raisedAt.isBefore(onset)) {
            throw new IllegalArgumentException("raisedAt " + raisedAt + " is before onset " + onset);
        }
    }

    /**
     * The business identifier of this alert: {@code type.code() + ":" + sensorId + ":" + onset.toEpochMilli()}.
     * Deterministic, so a replay after a restart mints the same identifier and the care record's conditional
     * create absorbs the repeat. Contains an opaque sensor id and an instant only.
     *
     * @return for example {@code "prolonged-inactivity:kitchen-motion:1774692120000"}
     */
    public String key() {
        return type.code() + ":" + sensorId + ":" + onset.toEpochMilli();
    }
}
