package org.hearth.gateway.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import java.time.Duration;
import org.hearth.gateway.store.HomeStore;
import org.hearth.gateway.store.JournalState;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.engine.Step;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one home: every message and every tick goes through the rules engine, and the outcome (events, new state,
 * alerts) is committed before the call returns. Callers acknowledge a message only after {@link #onMessage} returns;
 * if it throws, nothing was stored and the message must be redelivered.
 *
 * <p>One lock serialises messages and ticks, so the engine sees one ordered stream, as in a replay.
 */
public final class HomeMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(HomeMonitor.class);

    private final RulesEngine engine;
    private final HomeStore store;
    private final Zigbee2MqttDecoder decoder;
    private final IngestCounters counters;
    private final Clock clock;
    private final AlertListener listener;
    private EngineState state;
    private boolean storeFull;

    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener) {
        this.engine = engine;
        this.store = store;
        this.decoder = decoder;
        this.counters = counters;
        this.clock = clock;
        this.listener = listener;
        this.state = store.loadEngineState().orElse(EngineState.initial());
    }

    /** Decodes, evaluates and stores one message. Bad input is counted and dropped, never thrown. */
    public void onMessage(String topic, byte[] payload) {
        Instant now = clock.instant();
        Decoded decoded = decoder.decode(topic, payload, now);
        counters.count(decoded);
        if (decoded instanceof Decoded.Accepted accepted) {
            apply(accepted.events(), now);
        } else if (decoded instanceof Decoded.Rejected rejected) {
            logRejection(rejected.reason());
        }
    }

    /** Evaluates silence-based rules at the clock's current time. */
    public void tick() {
        apply(List.of(), clock.instant());
    }

    /** The instant at which the next silence-based alert would fire, if one is armed. */
    public synchronized Optional<Instant> nextDeadline() {
        return engine.nextDeadline(state);
    }

    private synchronized void apply(List<SensorEvent> events, Instant now) {
        EngineState next = state;
        List<Alert> alerts = new ArrayList<>();
        for (SensorEvent e : events) {
            Step step = engine.onEvent(next, e);
            next = step.state();
            alerts.addAll(step.alerts());
        }
        Step tick = engine.onTick(next, now);
        next = tick.state();
        alerts.addAll(tick.alerts());
        if (events.isEmpty() && alerts.isEmpty() && next.equals(state)) {
            return; // a quiet tick: nothing to commit
        }
        JournalState journal = store.record(events, next, alerts);
        state = next;
        if (journal == JournalState.ALERTS_ONLY && !storeFull) {
            storeFull = true;
            Alert full = storeFullAlert(now);
            store.record(List.of(), next, List.of(full));
            alerts.add(full);
            LOG.error("store full: dropping raw readings to keep alerts (monitoring degraded)");
        } else if (journal == JournalState.COMPLETE && storeFull) {
            storeFull = false;
            LOG.info("store has room again: raw readings are journalled");
        }
        if (!alerts.isEmpty()) {
            alerts.forEach(a -> LOG.info("alert raised: {} (sensor {}, onset {})", a.type().code(), a.sensorId(), a.onset()));
            listener.raised(alerts);
        }
    }

    /** Raised once when the store starts dropping raw readings: the installer must act; nobody is in danger. */
    private static Alert storeFullAlert(Instant now) {
        var evidence = new Evidence(List.of(), "store.disk-budget", Duration.ZERO, Duration.ZERO,
                "The gateway's storage is full: raw readings are being dropped so that alerts are still kept and sent."
                        + " Detection continues, but the home's history has gaps until space is freed.");
        return new Alert(AlertType.MONITORING_DEGRADED, "gateway-store", now, now, evidence);
    }

    private void logRejection(RejectReason reason) {
        long n = counters.rejected(reason);
        // Rate-limited: a flood of garbage must not flood the log. Never the payload or topic: they may name a person.
        if (n <= 10 || Long.bitCount(n) == 1) {
            LOG.warn("rejected message: reason={} (total {})", reason.label(), n);
        }
    }
}
