package org.hearth.gateway.store;

import java.time.Instant;
import org.hearth.rules.model.AlertType;

/**
 * A local warning given but whose message has not yet reached the sounder.
 *
 * @param id its row id: a short opaque id, stable across restarts, for consumers to de-duplicate on
 * @param type the kind of alert it holds back
 * @param warnedAt when it was given
 * @param deadline when the alert is raised if nobody answers
 * @param attempts publications tried so far
 */
public record UnpublishedWarning(long id, AlertType type, Instant warnedAt, Instant deadline, int attempts) {}
