package org.hearth.gateway.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hearth.rules.summary.DailySummary;
import org.hearth.rules.summary.Measure;

/**
 * A daily summary waiting in the outbox: the measures the resident agreed to share, each with the business
 * identifier of its Observation, minted once here and stored with the row, so every retry sends the same ones.
 *
 * @param summary     the day's summary with its deviations
 * @param identifiers shared measures, in {@link Measure} order, to the identifier of each one's Observation
 */
public record SummaryDelivery(DailySummary summary, Map<Measure, String> identifiers) {

    /**
     * Validates the delivery and copies the map in measure order.
     *
     * @throws NullPointerException if a component is null
     */
    public SummaryDelivery {
        Objects.requireNonNull(summary, "summary");
        Map<Measure, String> ordered = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            if (identifiers.containsKey(m)) {
                ordered.put(m, Objects.requireNonNull(identifiers.get(m), "identifier of " + m));
            }
        }
        identifiers = Collections.unmodifiableMap(ordered);
    }

    /**
     * The delivery of {@code summary} limited to {@code shared}, with identifiers
     * {@code <gateway>:summary:<measure>:<date>}.
     *
     * @param gatewayId this gateway's id
     * @param summary   the summary
     * @param shared    measures the resident's sharing settings allow
     * @return the delivery; its map is empty if nothing may be shared
     */
    public static SummaryDelivery of(String gatewayId, DailySummary summary, Set<Measure> shared) {
        Map<Measure, String> ids = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            if (shared.contains(m)) {
                ids.put(m, gatewayId + ":summary:" + m.code() + ":" + summary.date());
            }
        }
        return new SummaryDelivery(summary, ids);
    }

    /**
     * The identifier of the outbox row: one per gateway and day.
     *
     * @param gatewayId this gateway's id
     * @return {@code <gateway>:summary:<date>}
     */
    public String rowIdentifier(String gatewayId) {
        return gatewayId + ":summary:" + summary.date();
    }
}
