package org.hearth.gateway.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hearth.gateway.store.AlertState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskStatusMappingTest {

    private static final Instant UPDATED = Instant.parse("2026-11-23T09:05:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T09:05:30Z");

    @ParameterizedTest(name = "Task {0} means the alert is {1}")
    @CsvSource({
        "received,         ACCEPTED",
        "accepted,         ACCEPTED",
        "in-progress,      ACCEPTED",
        "completed,        COMPLETED",
        "rejected,         REJECTED",
        "cancelled,        CANCELLED",
        "entered-in-error, CANCELLED",
        "failed,           FAILED"})
    void mapsEveryAnsweringTaskStatusToALifecycleState(String taskStatus, AlertState expected) {
        assertThat(TaskStatusMapping.stateFor(taskStatus)).contains(expected);
    }

    @ParameterizedTest(name = "Task {0} leaves the alert where it is")
    @ValueSource(strings = {"draft", "requested", "ready", "on-hold", "", "made-up"})
    void statusesThatAreNoAnswerLeaveTheAlertAlone(String taskStatus) {
        assertThat(TaskStatusMapping.stateFor(taskStatus)).isEmpty();
        assertThat(TaskStatusMapping.transition(AlertState.SENT, update(taskStatus), NOW)).isEmpty();
    }

    @Test
    void anAcceptedTaskMovesASentAlertToAcceptedWithTheCareRecordsTimeAndTheGatewaysTime() {
        var transition = TaskStatusMapping.transition(AlertState.SENT, update("accepted"), NOW);

        assertThat(transition).hasValueSatisfying(t -> {
            assertThat(t.identifier()).isEqualTo("gw-1:help-button-pressed:pendant:1");
            assertThat(t.from()).isEqualTo(AlertState.SENT);
            assertThat(t.to()).isEqualTo(AlertState.ACCEPTED);
            assertThat(t.at()).isEqualTo(UPDATED);
            assertThat(t.recordedAt()).isEqualTo(NOW);
            assertThat(t.detail()).isEqualTo("task accepted Task/42");
        });
    }

    @Test
    void theSameAnswerSeenAgainIsNoTransition() {
        assertThat(TaskStatusMapping.transition(AlertState.ACCEPTED, update("in-progress"), NOW)).isEmpty();
        assertThat(TaskStatusMapping.transition(AlertState.COMPLETED, update("completed"), NOW)).isEmpty();
    }

    @Test
    void anAlertStillRaisedWhoseTaskIsAlreadyAnsweredFollowsTheTask() {
        // The delivery's response was lost, but the team already has the Task: their answer counts.
        assertThat(TaskStatusMapping.transition(AlertState.RAISED, update("completed"), NOW))
                .hasValueSatisfying(t -> assertThat(t.to()).isEqualTo(AlertState.COMPLETED));
    }

    @Test
    void aTaskReopenedByTheTeamMovesACompletedAlertBackToAccepted() {
        assertThat(TaskStatusMapping.transition(AlertState.COMPLETED, update("in-progress"), NOW))
                .hasValueSatisfying(t -> assertThat(t.to()).isEqualTo(AlertState.ACCEPTED));
    }

    private static TaskUpdate update(String status) {
        return new TaskUpdate("gw-1:help-button-pressed:pendant:1", "Task/42", status, UPDATED);
    }
}
