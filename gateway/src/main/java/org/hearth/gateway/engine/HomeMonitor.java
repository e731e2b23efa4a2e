package org.hearth.gateway.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.HearthTopicDecoder;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import java.time.Duration;
import org.hearth.gateway.store.HomeStore;
import org.hearth.gateway.store.JournalState;
import org.hearth.gateway.store.MonitorState;
import java.util.Map;
import java.util.TreeMap;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.fall.FallState;
import org.hearth.rules.fall.FallStep;
import org.hearth.rules.fall.RadarFallConfirmer;
import org.hearth.rules.fall.RadarFallState;
import org.hearth.rules.fall.RadarStep;
import org.hearth.rules.fall.WearableFallDetector;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.engine.Step;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.routine.Outcome;
import org.hearth.rules.routine.RoutineState;
import org.hearth.rules.routine.RoutineWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one home: every message and every tick goes through the rules engine, and the outcome (events, new state,
 * alerts) is committed before the call returns.
 *
 * <p>Hearth topic messages ({@link HearthTopicDecoder}) also go through the fall rules: accelerometer batches through
 * the {@link WearableFallDetector} (one {@link FallState} per wearable), radar events through the
 * {@link RadarFallConfirmer} (whose confirmation deadline every tick checks) as well as through the rules engine
 * (radar motion and presence are activity). The engine's and the fall rules' states are committed together as one
 * {@link MonitorState}, with the alerts, in the same transaction. Accelerometer samples are never journalled: a batch
 * adds no reading (raw samples are large and never leave the home); the detector's bounded state is its trace. Callers acknowledge a message only after {@link #onMessage} returns;
 * if it throws, nothing was stored and the message must be redelivered.
 *
 * <p>The routine detectors ({@link RoutineWatch}: bathroom dwell, bed exit and front door at night, missed morning)
 * see every event and tick after the engine, are told the engine's silence alerts, and their state is committed in the
 * same {@link MonitorState}.
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
    private final HearthTopicDecoder hearth;
    private final WearableFallDetector wearableDetector = new WearableFallDetector();
    private final RadarFallConfirmer radarConfirmer = new RadarFallConfirmer();
    private final RoutineWatch routineWatch;
    private MonitorState state;
    private boolean storeFull;

    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener) {
        this(engine, store, decoder, counters, clock, listener, null);
    }

    /** As the other constructor, and reads the Hearth topics through {@code hearth} (null: no Hearth topics). */
    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener, HearthTopicDecoder hearth) {
        this(engine, store, decoder, counters, clock, listener, hearth, null);
    }

    /** As the other constructors, and runs the routine detectors of {@code routineWatch} (null: none). */
    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener, HearthTopicDecoder hearth, RoutineWatch routineWatch) {
        this.routineWatch = routineWatch;
        this.hearth = hearth;
        this.engine = engine;
        this.store = store;
        this.decoder = decoder;
        this.counters = counters;
        this.clock = clock;
        this.listener = listener;
        this.state = store.loadMonitorState().orElse(MonitorState.initial());
    }

    /** Decodes, evaluates and stores one message. Bad input is counted and dropped, never thrown. */
    public void onMessage(String topic, byte[] payload) {
        Instant now = clock.instant();
        if (hearth != null && HearthTopicDecoder.handles(topic)) {
            onHearthMessage(topic, payload, now);
            return;
        }
        Decoded decoded = decoder.decode(topic, payload, now);
        counters.count(decoded);
        if (decoded instanceof Decoded.Accepted accepted) {
            apply(accepted.events(), false, null, now);
        } else if (decoded instanceof Decoded.Rejected rejected) {
            logRejection(rejected.reason());
        }
    }

    private void onHearthMessage(String topic, byte[] payload, Instant now) {
        Decoded decoded = hearth.decode(topic, payload, now);
        counters.count(decoded);
        if (decoded instanceof Decoded.Sequenced sequenced) {
            apply(sequenced.events(), true, sequenced.batch(), now);
            hearth.markSeen(sequenced); // only once stored: a message whose storing failed is redelivered and taken
        } else if (decoded instanceof Decoded.Rejected rejected) {
            logRejection(rejected.reason());
        }
    }

    /** Evaluates silence-based rules at the clock's current time. */
    public void tick() {
        apply(List.of(), false, null, clock.instant());
    }

    /** The instant at which the next silence-based alert (or radar fall confirmation) would fire, if one is armed. */
    public synchronized Optional<Instant> nextDeadline() {
        return java.util.stream.Stream.of(engine.nextDeadline(state.engine()),
                        radarConfirmer.nextDeadline(state.radar()),
                        routineWatch == null ? Optional.<Instant>empty() : routineWatch.nextDeadline(state.routine()))
                .flatMap(Optional::stream).min(Instant::compareTo);
    }


    /**
     * Runs events (from radars too when {@code radar}), an accelerometer batch (or null) and a tick through the rules,
     * and commits the outcome.
     */
    private synchronized void apply(List<SensorEvent> events, boolean radar, AccelBatch batch, Instant now) {
        EngineState nextEngine = state.engine();
        RadarFallState nextRadar = state.radar();
        Map<String, FallState> nextWearables = state.wearables();
        RoutineState nextRoutine = state.routine();
        List<Alert> alerts = new ArrayList<>();
        for (SensorEvent e : events) {
            Step step = engine.onEvent(nextEngine, e);
            nextEngine = step.state();
            alerts.addAll(step.alerts());
            if (routineWatch != null) {
                Outcome<RoutineState> routineStep = routineWatch.onEvent(
                        routineWatch.noteEngineAlerts(nextRoutine, step.alerts()), e);
                nextRoutine = routineStep.state();
                alerts.addAll(routineStep.alerts());
            }
            if (radar) {
                RadarStep radarStep = radarConfirmer.onEvent(nextRadar, e);
                nextRadar = radarStep.state();
                alerts.addAll(radarStep.alerts());
            }
        }
        if (batch != null) {
            FallStep fallStep = wearableDetector.onBatch(
                    nextWearables.getOrDefault(batch.sensorId(), FallState.initial()), batch);
            nextWearables = new TreeMap<>(nextWearables);
            nextWearables.put(batch.sensorId(), fallStep.state());
            alerts.addAll(fallStep.alerts());
        }
        Step tick = engine.onTick(nextEngine, now);
        nextEngine = tick.state();
        alerts.addAll(tick.alerts());
        if (routineWatch != null) {
            Outcome<RoutineState> routineTick = routineWatch.onTick(
                    routineWatch.noteEngineAlerts(nextRoutine, tick.alerts()), now);
            nextRoutine = routineTick.state();
            alerts.addAll(routineTick.alerts());
        }
        RadarStep radarTick = radarConfirmer.onTick(nextRadar, now);
        nextRadar = radarTick.state();
        alerts.addAll(radarTick.alerts());
        MonitorState next = new MonitorState(nextEngine, nextWearables, nextRadar, nextRoutine);
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
