package org.hearth.gateway.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hearth.gateway.store.OpenAlert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Priority;

/**
 * When an alert is escalated: a {@code stat} alert (help button; falls later) that nobody has taken on (still raised
 * or sent) by {@code raisedAt + after}. Pure: the time is always passed in, and the deadline is derived from the
 * stored {@code raisedAt}, so it survives a restart and is exact under virtual time.
 *
 * @param after how long a stat alert may wait for the team before it is escalated
 */
public record EscalationPolicy(Duration after) {

    public EscalationPolicy {
        Objects.requireNonNull(after, "after");
        if (after.isZero() || after.isNegative()) {
            throw new IllegalArgumentException("escalation.after must be longer than zero: " + after);
        }
    }

    /** True for the alert types that are escalated: those sent with priority stat. */
    public boolean appliesTo(AlertType type) {
        return type.priority() == Priority.STAT;
    }

    /** When an alert raised at {@code raisedAt} is due for escalation if still not taken on. */
    public Instant dueAt(Instant raisedAt) {
        return raisedAt.plus(after);
    }

    /** True if {@code alert} must be escalated at {@code now}. */
    public boolean isDue(OpenAlert alert, Instant now) {
        return appliesTo(alert.type()) && alert.state().awaitsAcceptance() && !now.isBefore(dueAt(alert.raisedAt()));
    }

    /** The text shown on the Task and logged, e.g. {@code escalated: not accepted within 10 min}. */
    public String reason() {
        return "escalated: not accepted within " + human(after);
    }

    /** A duration as people say it: {@code 10 min}, {@code 1 h 30 min}, {@code 45 s}. */
    static String human(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(" h");
        }
        if (m > 0) {
            out.append(out.length() > 0 ? " " : "").append(m).append(" min");
        }
        if (s > 0 || out.length() == 0) {
            out.append(out.length() > 0 ? " " : "").append(s).append(" s");
        }
        return out.toString();
    }
}
