package org.hearth.gateway.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.gateway.store.SummaryDelivery;
import org.hearth.gateway.store.SummaryStore;
import org.hearth.rules.summary.Baseline;
import org.hearth.rules.summary.DailySummariser;
import org.hearth.rules.summary.DailySummary;
import org.hearth.rules.summary.Measure;
import org.hearth.rules.summary.SummaryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summarises each finished local day exactly once, in day order, however long the gateway was down.
 *
 * <p>{@link #runDue()} is cheap when nothing is due (one date comparison), so the rules' tick calls it. On the very
 * first run nothing has been summarised: the day before is taken as done, because the gateway saw none of it. After
 * a long outage at most {@link #MAX_CATCH_UP_DAYS} missed days are summarised (older readings may be pruned anyway).
 */
public final class DailySummaryJob {
    /** Missed days summarised at most after an outage. */
    public static final int MAX_CATCH_UP_DAYS = 31;
    private static final Logger LOG = LoggerFactory.getLogger(DailySummaryJob.class);

    private final SummaryStore store;
    private final DailySummariser summariser;
    private final SummaryPolicy policy;
    private final Clock clock;
    private final String gatewayId;
    private final Set<Measure> shared;
    private final CancelledWarnings cancelled;
    private LocalDate lastDone;

    /**
     * @param store      summary state, journal and outbox
     * @param summariser the pure summariser of this home (layout and policy)
     * @param policy     the same policy (zone, baseline thresholds)
     * @param clock      the injected clock
     * @param gatewayId  prefix of the identifiers minted
     * @param shared     measures the resident's sharing settings allow to leave the home; empty: none
     * @param cancelled  the count of cancelled warnings (a hook until the warning feature lands)
     */
    public DailySummaryJob(SummaryStore store, DailySummariser summariser, SummaryPolicy policy, Clock clock,
                           String gatewayId, Set<Measure> shared, CancelledWarnings cancelled) {
        this.store = store;
        this.summariser = summariser;
        this.policy = policy;
        this.clock = clock;
        this.gatewayId = gatewayId;
        this.shared = Set.copyOf(shared);
        this.cancelled = cancelled;
    }

    /**
     * Summarises every finished day not yet summarised.
     *
     * @return the summaries made now, oldest first (empty almost always)
     */
    public synchronized List<DailySummary> runDue() {
        LocalDate yesterday = LocalDate.now(clock.withZone(policy.zone())).minusDays(1);
        if (lastDone != null && !lastDone.isBefore(yesterday)) {
            return List.of();
        }
        Optional<SummaryStore.State> state = store.load();
        Baseline baseline = state.map(SummaryStore.State::baseline).orElse(Baseline.empty());
        LocalDate last = state.map(SummaryStore.State::lastDay).orElse(null);
        if (last == null) {
            store.commitDay(yesterday, baseline, Optional.empty());
            lastDone = yesterday;
            return List.of();
        }
        if (last.isBefore(yesterday.minusDays(MAX_CATCH_UP_DAYS))) {
            last = yesterday.minusDays(MAX_CATCH_UP_DAYS);
        }
        List<DailySummary> made = new ArrayList<>();
        for (LocalDate day = last.plusDays(1); !day.isAfter(yesterday); day = day.plusDays(1)) {
            var events = store.events(summariser.from(day), summariser.to(day));
            var start = day.atStartOfDay(policy.zone()).toInstant();
            var result = summariser.summariseAndLearn(day, events,
                    cancelled.between(start, summariser.to(day)), baseline);
            Optional<SummaryDelivery> delivery = shared.isEmpty() ? Optional.empty()
                    : Optional.of(SummaryDelivery.of(gatewayId, result.summary(), shared));
            if (store.commitDay(day, result.baseline(), delivery)) {
                made.add(result.summary());
                LOG.info("daily summary for {} made: {} events, {} deviations, {}", day, events.size(),
                        result.summary().deviations().size(), delivery.isPresent() ? "queued" : "kept at home");
            }
            baseline = result.baseline();
        }
        lastDone = yesterday;
        return made;
    }
}
