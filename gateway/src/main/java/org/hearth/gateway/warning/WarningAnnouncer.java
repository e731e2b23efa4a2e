package org.hearth.gateway.warning;

import java.time.Clock;
import java.util.Optional;
import org.hearth.gateway.store.LocalWarnings;
import org.hearth.gateway.store.UnpublishedWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the local warnings given and not yet published, each until it is published or its deadline has passed
 * (asking after the deadline would be pointless: the alert has gone by then). Every outcome is recorded in the store,
 * so a restart publishes what is still due and nothing twice that the broker had acknowledged.
 */
public final class WarningAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(WarningAnnouncer.class);

    private final LocalWarnings warnings;
    private final WarningChannel channel;
    private final Clock clock;

    public WarningAnnouncer(LocalWarnings warnings, WarningChannel channel, Clock clock) {
        this.warnings = warnings;
        this.channel = channel;
        this.clock = clock;
    }

    /**
     * One pass: tries to publish every warning still due.
     *
     * @return true if all due warnings are published, false if some failed and must be retried
     */
    public boolean announcePending() {
        boolean allPublished = true;
        for (UnpublishedWarning w : warnings.unpublished(clock.instant())) {
            Optional<String> error = channel.publish(WarningNotice.of(w));
            if (error.isEmpty()) {
                warnings.published(w.id(), clock.instant());
                LOG.info("local warning {} published ({}, answer by {})", w.id(), w.type().code(), w.deadline());
            } else {
                warnings.publishFailed(w.id(), error.get());
                allPublished = false;
                if (w.attempts() < 3 || Long.bitCount(w.attempts() + 1L) == 1) {
                    LOG.warn("local warning {} not published yet ({}); retrying", w.id(), error.get());
                }
            }
        }
        return allPublished;
    }
}
