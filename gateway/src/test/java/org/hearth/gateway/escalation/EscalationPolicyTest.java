package org.hearth.gateway.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.OpenAlert;
import org.hearth.rules.model.AlertType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EscalationPolicyTest {

    private static final Instant RAISED = Instant.parse("2026-11-23T09:00:00Z");
    private final EscalationPolicy policy = new EscalationPolicy(Duration.ofMinutes(10));

    @Test
    void aHelpCallNotTakenOnIsDueExactlyAtRaisedAtPlusTheWait() {
        OpenAlert help = open(AlertType.HELP_BUTTON, AlertState.SENT);

        assertThat(policy.dueAt(RAISED)).isEqualTo(Instant.parse("2026-11-23T09:10:00Z"));
        assertThat(policy.isDue(help, RAISED.plus(Duration.ofMinutes(10)).minusMillis(1))).isFalse();
        assertThat(policy.isDue(help, RAISED.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(policy.isDue(help, RAISED.plus(Duration.ofHours(5)))).isTrue();
    }

    @Test
    void aHelpCallTheCareRecordDoesNotHaveYetIsDueToo() {
        // The care record may be unreachable: that is exactly when the local channel matters.
        assertThat(policy.isDue(open(AlertType.HELP_BUTTON, AlertState.RAISED), RAISED.plus(Duration.ofMinutes(11)))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = AlertState.class, names = {"ACCEPTED", "COMPLETED", "REJECTED", "CANCELLED", "FAILED"})
    void anAlertTheTeamHasAnsweredIsNeverDue(AlertState answered) {
        assertThat(policy.isDue(open(AlertType.HELP_BUTTON, answered), RAISED.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void onlyStatAlertsAreEscalated() {
        assertThat(policy.appliesTo(AlertType.HELP_BUTTON)).isTrue();
        assertThat(policy.appliesTo(AlertType.PROLONGED_INACTIVITY)).isFalse();
        assertThat(policy.isDue(open(AlertType.PROLONGED_INACTIVITY, AlertState.SENT), RAISED.plus(Duration.ofDays(1)))).isFalse();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"PT10M, 10 min", "PT45S, 45 s", "PT1H30M, 1 h 30 min", "PT2H, 2 h", "PT1M5S, 1 min 5 s"})
    void theReasonSaysTheWaitAsPeopleSayIt(Duration after, String text) {
        assertThat(new EscalationPolicy(after).reason()).isEqualTo("escalated: not accepted within " + text);
    }

    @Test
    void refusesANonPositiveWait() {
        assertThatThrownBy(() -> new EscalationPolicy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static OpenAlert open(AlertType type, AlertState state) {
        return new OpenAlert("gw-1:" + type.code() + ":s:1", type, state, RAISED);
    }
}
