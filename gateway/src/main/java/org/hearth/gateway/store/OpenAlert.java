package org.hearth.gateway.store;

import java.time.Instant;
import org.hearth.rules.model.AlertType;

/**
 * An alert nobody has taken on yet and that has not been escalated.
 *
 * @param identifier its business identifier
 * @param type what kind of alert
 * @param state {@link AlertState#RAISED} or {@link AlertState#SENT}
 * @param raisedAt when the rules raised it (the gateway's clock); escalation timers count from here
 */
public record OpenAlert(String identifier, AlertType type, AlertState state, Instant raisedAt) {}
