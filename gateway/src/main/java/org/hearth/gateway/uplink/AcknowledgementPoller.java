package org.hearth.gateway.uplink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.store.AlertLifecycle;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.AlertTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the care record for the team's answers and moves alerts along their lifecycle.
 *
 * <p>A poll is due when the injected clock has passed the last poll by the interval (the first one at once), and only
 * while some alert is in the care record awaiting the team. The cursor is the newest {@code meta.lastUpdated} seen, on
 * the care record's clock; each poll asks from a little before it ({@link #OVERLAP}) because a server may make an
 * update visible after a later one, and re-reading a Task is harmless (transitions are idempotent). Transitions and
 * the new cursor are committed together. {@link #pollIfDue()} is the whole step; the uplink thread calls it.
 */
public final class AcknowledgementPoller {
    /** How far before the cursor each poll starts again. */
    public static final Duration OVERLAP = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementPoller.class);

    private final AlertLifecycle lifecycle;
    private final Acknowledgements acknowledgements;
    private final Clock clock;
    private final Duration interval;
    private volatile Instant nextPoll;
    private volatile Instant lastPoll;
    private volatile String lastError;

    public AcknowledgementPoller(AlertLifecycle lifecycle, Acknowledgements acknowledgements, Clock clock, Duration interval) {
        this.lifecycle = lifecycle;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Polls if a poll is due.
     *
     * @return the transitions recorded (none if no poll was due or it failed)
     */
    public List<AlertTransition> pollIfDue() {
        Instant now = clock.instant();
        if (nextPoll != null && now.isBefore(nextPoll)) {
            return List.of();
        }
        if (!lifecycle.awaitingTeam()) {
            return List.of(); // nothing to hear about; the first alert delivered makes a poll due at once
        }
        nextPoll = now.plus(interval);
        Optional<Instant> cursor = lifecycle.ackCursor();
        AckPoll result = acknowledgements.poll(cursor.map(c -> c.minus(OVERLAP)));
        lastPoll = now;
        if (result instanceof AckPoll.Failed failed) {
            if (!failed.reason().equals(lastError)) {
                LOG.warn("acknowledgement poll failed ({}); next try in {}", failed.reason(), interval);
            }
            lastError = failed.reason();
            return List.of();
        }
        lastError = null;
        AckPoll.Polled polled = (AckPoll.Polled) result;
        List<AlertTransition> transitions = transitions(polled.updates(), now);
        Instant newCursor = max(cursor, polled.newestSeen());
        if (newCursor != null) {
            lifecycle.recordTransitions(transitions, newCursor, now);
        }
        transitions.forEach(t -> LOG.info("alert {} {} -> {} ({})", t.identifier(), t.from().code(), t.to().code(), t.detail()));
        if (polled.more()) {
            nextPoll = now; // the page limit was reached: carry on at the next pass
        }
        return transitions;
    }

    private List<AlertTransition> transitions(List<TaskUpdate> updates, Instant now) {
        if (updates.isEmpty()) {
            return List.of();
        }
        Map<String, AlertState> states = lifecycle.states(updates.stream().map(TaskUpdate::identifier).toList());
        Map<String, AlertState> working = new java.util.HashMap<>(states);
        List<AlertTransition> out = new ArrayList<>();
        for (TaskUpdate update : updates) {
            AlertState current = working.get(update.identifier());
            if (current == null) {
                continue; // not ours after all (e.g. a store restored from an older backup)
            }
            TaskStatusMapping.transition(current, update, now).ifPresent(t -> {
                out.add(t);
                working.put(t.identifier(), t.to());
            });
        }
        return out;
    }

    private static Instant max(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b.orElse(null);
        }
        return b.filter(x -> x.isAfter(a.get())).orElse(a.get());
    }

    /** When the last poll was made (the gateway's clock), if any. */
    public Optional<Instant> lastPoll() {
        return Optional.ofNullable(lastPoll);
    }

    /** Why the last poll failed, if it did. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
