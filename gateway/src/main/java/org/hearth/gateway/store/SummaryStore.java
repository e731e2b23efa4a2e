package org.hearth.gateway.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.summary.Baseline;

/**
 * What the daily summariser keeps: the last local day summarised and the resident's baseline, and what it reads:
 * the journal. Contract: {@link #commitDay} is atomic and durable; a day is committed at most once.
 */
public interface SummaryStore {

    /**
     * The last day summarised and the baseline after it, if any day was.
     *
     * @return the state, empty before the first summary
     */
    Optional<State> load();

    /**
     * The journalled events with {@code from <= at < to}, in time order.
     *
     * @param from start, inclusive
     * @param to   end, exclusive
     * @return the events
     */
    List<SensorEvent> events(Instant from, Instant to);

    /**
     * Commits the summary of {@code day} in one transaction: the new baseline, {@code day} as the last one
     * summarised, and the delivery (if any measure may leave the home) as an outbox row behind the alerts.
     * Nothing is done if {@code day} is not after the last day already summarised, so a day is never summarised twice.
     *
     * @param day      the day summarised
     * @param baseline the baseline that has learnt it
     * @param delivery what goes to the care record, empty if nothing may be shared
     * @return true if committed, false if the day was already summarised
     */
    boolean commitDay(LocalDate day, Baseline baseline, Optional<SummaryDelivery> delivery);

    /**
     * The summariser's memory.
     *
     * @param lastDay  the last local day summarised
     * @param baseline the baseline after it
     */
    record State(LocalDate lastDay, Baseline baseline) {}
}
