package org.hearth.gateway.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.store.AlertLifecycle;
import org.hearth.gateway.store.Escalation;
import org.hearth.gateway.store.OpenAlert;
import org.hearth.gateway.uplink.TaskEscalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates stat alerts the team has not taken on in time, once each.
 *
 * <p>Two steps, so that the decision is exact and cheap and the I/O is retried:
 * <ol>
 *   <li>{@link #evaluate()}, on the gateway's tick: the alerts due under the {@link EscalationPolicy} are recorded as
 *       escalated in the store (once per alert, ever; it survives a restart). No I/O but the store.</li>
 *   <li>{@link #deliverPending()}, on the uplink thread: each recorded escalation is published on the local channel and
 *       marked on the care record's Task, each retried with backoff until done.</li>
 * </ol>
 * Time comes only from the injected clock; nothing sleeps.
 */
public final class Escalator {
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_RETRY = Duration.ofMinutes(2);

    private final AlertLifecycle lifecycle;
    private final EscalationPolicy policy;
    private final EscalationChannel channel;
    private final TaskEscalation careRecord;
    private final Clock clock;
    private final String homeId;

    public Escalator(AlertLifecycle lifecycle, EscalationPolicy policy, EscalationChannel channel, TaskEscalation careRecord,
            Clock clock, String homeId) {
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.channel = channel;
        this.careRecord = careRecord;
        this.clock = clock;
        this.homeId = homeId;
    }

    /**
     * Records an escalation for every alert due at the clock's time.
     *
     * @return the identifiers escalated by this call
     */
    public List<String> evaluate() {
        Instant now = clock.instant();
        List<String> escalated = new ArrayList<>();
        for (OpenAlert alert : lifecycle.openAlerts()) {
            if (policy.isDue(alert, now) && lifecycle.escalate(alert.identifier(), now, policy.reason())) {
                LOG.warn("alert {} {}", alert.identifier(), policy.reason());
                escalated.add(alert.identifier());
            }
        }
        return escalated;
    }

    /**
     * Carries out every recorded escalation whose next attempt is due.
     *
     * @return the number of escalations fully done by this call
     */
    public int deliverPending() {
        int done = 0;
        for (Escalation e : lifecycle.escalationsDue(clock.instant())) {
            List<String> errors = new ArrayList<>();
            if (e.notifiedAt().isEmpty()) {
                Optional<String> failure = channel.publish(notice(e));
                if (failure.isEmpty()) {
                    lifecycle.escalationNotified(e.identifier(), clock.instant());
                } else {
                    errors.add("local channel: " + failure.get());
                }
            }
            if (e.recordedAt().isEmpty()) {
                markTask(e).ifPresent(errors::add);
            }
            if (errors.isEmpty()) {
                done++;
            } else {
                Duration wait = backoff(e.attempts() + 1);
                String error = String.join("; ", errors);
                lifecycle.escalationRetry(e.identifier(), clock.instant().plus(wait), error);
                LOG.warn("escalation of {} not finished ({}); retry in {}", e.identifier(), error, wait);
            }
        }
        return done;
    }

    /** Marks the Task; returns the error to retry on, if any. */
    private Optional<String> markTask(Escalation e) {
        TaskEscalation.Result result = careRecord.markEscalated(e.identifier(), policy.reason());
        Instant now = clock.instant();
        if (result instanceof TaskEscalation.Result.Escalated r) {
            lifecycle.escalationRecorded(e.identifier(), now, "marked " + r.taskReference());
        } else if (result instanceof TaskEscalation.Result.AlreadyEscalated r) {
            lifecycle.escalationRecorded(e.identifier(), now, "already marked " + r.taskReference());
        } else if (result instanceof TaskEscalation.Result.NotWaiting r) {
            lifecycle.escalationRecorded(e.identifier(), now, "task already " + r.status());
        } else if (result instanceof TaskEscalation.Result.Refused r) {
            lifecycle.escalationRecorded(e.identifier(), now, "refused: " + r.reason());
            LOG.error("care record refused to mark {} escalated ({}); the local channel still was told", e.identifier(), r.reason());
        } else if (result instanceof TaskEscalation.Result.Retry r) {
            return Optional.of("care record: " + r.reason());
        }
        return Optional.empty();
    }

    private EscalationNotice notice(Escalation e) {
        return new EscalationNotice(homeId, e.type().code(), e.type().priority().fhirCode(), e.identifier(),
                e.raisedAt(), e.escalatedAt(), policy.after());
    }

    /** Exponential from {@link #FIRST_RETRY}, capped at {@link #MAX_RETRY}: an alarm is retried briskly. */
    static Duration backoff(int attempt) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(0, attempt - 1), 10));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
