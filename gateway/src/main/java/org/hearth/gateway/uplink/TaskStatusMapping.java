package org.hearth.gateway.uplink;

import java.time.Instant;
import java.util.Optional;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.AlertTransition;

/**
 * How a Task's status (FHIR R4 task-status) moves an alert along its lifecycle. Pure.
 *
 * <table>
 *   <caption>Task status to alert state</caption>
 *   <tr><th>Task.status</th><th>alert state</th></tr>
 *   <tr><td>draft, requested, ready, on-hold</td><td>unchanged (still waiting)</td></tr>
 *   <tr><td>received, accepted, in-progress</td><td>accepted</td></tr>
 *   <tr><td>completed</td><td>completed</td></tr>
 *   <tr><td>rejected</td><td>rejected</td></tr>
 *   <tr><td>cancelled, entered-in-error</td><td>cancelled</td></tr>
 *   <tr><td>failed</td><td>failed</td></tr>
 * </table>
 *
 * The care record is the authority: a Task reopened by the team (completed back to in-progress) moves the alert back
 * to accepted. An alert never goes back to raised or sent.
 */
public final class TaskStatusMapping {

    private TaskStatusMapping() {}

    /** The alert state a Task status means, or empty if it leaves the alert where it is. */
    public static Optional<AlertState> stateFor(String taskStatus) {
        return switch (taskStatus) {
            case "received", "accepted", "in-progress" -> Optional.of(AlertState.ACCEPTED);
            case "completed" -> Optional.of(AlertState.COMPLETED);
            case "rejected" -> Optional.of(AlertState.REJECTED);
            case "cancelled", "entered-in-error" -> Optional.of(AlertState.CANCELLED);
            case "failed" -> Optional.of(AlertState.FAILED);
            default -> Optional.empty();
        };
    }

    /**
     * The transition the update causes for an alert now in {@code current}, if any. Applying the same update twice
     * gives a transition the first time only.
     */
    public static Optional<AlertTransition> transition(AlertState current, TaskUpdate update, Instant recordedAt) {
        return stateFor(update.status())
                .filter(target -> target != current)
                .map(target -> new AlertTransition(update.identifier(), current, target, update.lastUpdated(), recordedAt,
                        "task " + update.status() + " " + update.taskReference()));
    }
}
