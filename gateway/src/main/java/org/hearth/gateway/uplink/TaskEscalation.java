package org.hearth.gateway.uplink;

/**
 * Marks an alert's Task in the care record as escalated, so that whoever looks at it sees it was not taken on in time.
 *
 * <p>Contract: idempotent (a Task already marked is left alone), never clobbers a concurrent change by the team (a
 * version-aware update; a Task no longer waiting is left alone), never throws for a remote failure.
 */
public interface TaskEscalation {

    /**
     * @param identifier the alert's business identifier
     * @param text what to show, e.g. {@code escalated: not accepted within 10 min}; no personal data
     */
    Result markEscalated(String identifier, String text);

    /** What happened to the Task. */
    sealed interface Result {
        /** The Task now says it was escalated. */
        record Escalated(String taskReference) implements Result {}

        /** It already said so (an earlier attempt whose answer was lost). */
        record AlreadyEscalated(String taskReference) implements Result {}

        /** The team has moved it on (its status is no longer {@code requested}): nothing to mark. */
        record NotWaiting(String status) implements Result {}

        /** Transient (not there yet, 5xx, timeouts, concurrent changes): try again later. */
        record Retry(String reason) implements Result {}

        /** The care record refuses it for good (4xx, several Tasks with the identifier): stop and tell the installer. */
        record Refused(String reason) implements Result {}
    }
}
