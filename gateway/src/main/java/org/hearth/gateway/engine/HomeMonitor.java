package org.hearth.gateway.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.InboundMessage;
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
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorStates;
import org.hearth.rules.home.SilenceRules;
import org.hearth.rules.health.HealthProblem;
import org.hearth.rules.warning.WarningStage;
import org.hearth.rules.warning.WarningState;
import org.hearth.rules.warning.WarningStep;
import org.hearth.gateway.store.WarningChanges;
import org.hearth.rules.health.CantSee;
import org.hearth.rules.health.HealthPolicy;
import org.hearth.rules.health.HealthStep;
import org.hearth.rules.health.SensorHealthDetector;
import org.hearth.rules.health.SensorHealthState;
import org.hearth.rules.model.EventKind;
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
 *
 * <p>With a {@link WarningStage} (the staged local warning), every alert the rules raise passes through it: those that
 * allow a warning are held back as pending warnings (in the {@link MonitorState}, committed with the rest) and
 * {@code onWarning} is run after the commit so that they are published; an "I'm OK" press answering one is journalled
 * and given to the rules as {@link org.hearth.rules.model.EventKind#RESIDENT_OK}, never as a call for help.
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
    private final WarningStage warnings;
    private final Runnable onWarning;
    private final SensorHealthDetector health;
    private final RoutineWatch routineWatch;
    /** The engine and the routine detectors run as one. */
    private final SilenceRules silence;
    private MonitorState state;
    private boolean storeFull;
    /** Non-null while {@link #onMessages} runs: what the batch will commit in one transaction. */
    private PendingCommit pending;

    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener) {
        this(engine, store, decoder, counters, clock, listener, null);
    }

    /** As the other constructor, and reads the Hearth topics through {@code hearth} (null: no Hearth topics). */
    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener, HearthTopicDecoder hearth) {
        this(engine, store, decoder, counters, clock, listener, hearth, null, () -> { }, null);
    }

    /**
     * As the other constructors, and passes the rules' alerts through {@code warnings} (null: no local warnings),
     * running {@code onWarning} after each commit that gave a warning.
     */
    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener, HearthTopicDecoder hearth, WarningStage warnings, Runnable onWarning) {
        this(engine, store, decoder, counters, clock, listener, hearth, warnings, onWarning, null);
    }

    /** As the other constructors, and runs the routine detectors of {@code routineWatch} (null: none). */
    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener, HearthTopicDecoder hearth, RoutineWatch routineWatch) {
        this(engine, store, decoder, counters, clock, listener, hearth, null, () -> { }, routineWatch);
    }

    /** Everything: Hearth topics, local warnings (null: none) and the routine detectors (null: none). */
    public HomeMonitor(RulesEngine engine, HomeStore store, Zigbee2MqttDecoder decoder, IngestCounters counters,
            Clock clock, AlertListener listener, HearthTopicDecoder hearth, WarningStage warnings, Runnable onWarning,
            RoutineWatch routineWatch) {
        this.warnings = warnings;
        this.onWarning = onWarning;
        this.routineWatch = routineWatch;
        this.silence = new SilenceRules(engine, routineWatch);
        this.hearth = hearth;
        this.engine = engine;
        this.store = store;
        this.decoder = decoder;
        this.counters = counters;
        this.clock = clock;
        this.listener = listener;
        this.health = new SensorHealthDetector(decoder.sensorIds(), decoder.radarIds(),
                HealthPolicy.defaults(engine.routinePolicy().zone()));
        this.state = store.loadMonitorState().orElse(MonitorState.initial());
    }

    /**
     * Decodes and evaluates a batch of messages in order, exactly as one by one, and commits them in ONE transaction
     * (group commit: one fsync for the batch instead of one per message). When this returns, every message of the
     * batch is stored; if it throws, none is, the rules' state is as before the batch, and the caller must not
     * acknowledge any of them.
     */
    public synchronized void onMessages(List<InboundMessage> batch) {
        PendingCommit batchCommit = new PendingCommit(state);
        pending = batchCommit;
        try {
            for (InboundMessage m : batch) {
                onMessage(m.topic(), m.payload());
            }
            pending = null;
            if (!batchCommit.isEmpty()) {
                commit(batchCommit.events, state, batchCommit.alerts, batchCommit.changes, batchCommit.now);
            }
        } catch (RuntimeException e) {
            state = batchCommit.stateBefore;
            if (hearth != null) {
                batchCommit.seen.forEach(hearth::unmarkSeen);
            }
            throw e;
        } finally {
            pending = null;
        }
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
            // Radars speaking Zigbee2MQTT also go through the radar fall confirmer.
            apply(accepted.events(), accepted.events().stream().anyMatch(e -> decoder.isRadar(e.sensorId())), null, now);
            accepted.fieldRejections().forEach(this::logRejection);
        } else if (decoded instanceof Decoded.Rejected rejected) {
            logRejection(rejected.reason());
        }
    }

    // Synchronised with onReading: the duplicate check and the store are one step, whichever transport delivers.
    private synchronized void onHearthMessage(String topic, byte[] payload, Instant now) {
        takeSequenced(hearth.decode(topic, payload, now), now);
    }

    /**
     * Decodes, evaluates and stores one Hearth reading named by sensor id (CoAP). Duplicates of a reading already taken
     * in by any transport are rejected. The reading is committed when this returns {@link Decoded.Sequenced}.
     */
    public synchronized Decoded onReading(String sensorId, byte[] payload) {
        Instant now = clock.instant();
        if (hearth == null) {
            Decoded unknown = new Decoded.Rejected(RejectReason.UNKNOWN_SENSOR);
            counters.count(unknown);
            logRejection(RejectReason.UNKNOWN_SENSOR);
            return unknown;
        }
        Decoded decoded = hearth.readings().decode(sensorId, payload, now);
        if (decoded instanceof Decoded.Sequenced s && hearth.seen().contains(s)) {
            decoded = new Decoded.Rejected(RejectReason.DUPLICATE);
        }
        return takeSequenced(decoded, now);
    }

    private Decoded takeSequenced(Decoded decoded, Instant now) {
        counters.count(decoded);
        if (decoded instanceof Decoded.Sequenced sequenced) {
            apply(sequenced.events(), true, sequenced.batch(), now);
            // Only once stored (or, in a batch, undone if the batch fails): a message whose storing failed is
            // redelivered and must be taken then. In a batch, marking now also catches a duplicate within the batch.
            hearth.markSeen(sequenced);
            if (pending != null) {
                pending.seen.add(sequenced);
            }
        } else if (decoded instanceof Decoded.Rejected rejected) {
            logRejection(rejected.reason());
        }
        return decoded;
    }

    /** Evaluates silence-based rules at the clock's current time. */
    public void tick() {
        apply(List.of(), false, null, clock.instant());
    }

    /** The instant at which the next silence-based alert (or radar fall confirmation) would fire, if one is armed. */
    public synchronized Optional<Instant> nextDeadline() {
        Optional<Instant> engineDeadline = engine.nextDeadline(state.engine());
        Optional<Instant> radarDeadline = radarConfirmer.nextDeadline(state.radar());
        Optional<Instant> warningDeadline = state.warning().nextDeadline();
        Optional<Instant> healthDeadline = health.nextDeadline(state.health());
        Optional<Instant> routineDeadline = routineWatch == null ? Optional.empty()
                : routineWatch.nextDeadline(state.routine());
        return java.util.stream.Stream.of(engineDeadline, radarDeadline, warningDeadline, healthDeadline,
                        routineDeadline)
                .flatMap(Optional::stream).min(Instant::compareTo);
    }


    /**
     * Runs events (from radars too when {@code radar}), an accelerometer batch (or null) and a tick through the rules,
     * and commits the outcome.
     */
    private synchronized void apply(List<SensorEvent> all, boolean radar, AccelBatch batch, Instant now) {
        // A contact or mat repeating its state is checking in (Zigbee2MQTT resends the whole state with every report),
        // not a person acting: it becomes a heartbeat.
        SensorStates nextStates = state.states();
        List<SensorEvent> read = new ArrayList<>(all.size());
        for (SensorEvent e : all) {
            SensorStates.Reading reading = nextStates.read(e);
            nextStates = reading.states();
            read.add(reading.event());
        }
        all = read;
        // Health-only events (heartbeats, battery, tamper, power source) feed the health detector alone: they repeat
        // with every message, so they are neither journalled nor shown to the engine. Nor is the "occupied" of a PIR
        // proven stuck: its check-ins repeat it, and taken as movement they would hide a resident lying still.
        SensorHealthState healthBefore = state.health();
        List<SensorEvent> decoded = all.stream().filter(e -> !healthOnly(e.kind()))
                .filter(e -> e.kind() != EventKind.MOTION
                        || !healthBefore.has(e.sensorId(), HealthProblem.STUCK_OCCUPIED))
                .toList();
        List<SensorEvent> events = warnings == null ? decoded
                : decoded.stream().map(e -> warnings.answerOf(state.warning(), e)).toList();
        EngineState nextEngine = state.engine();
        RadarFallState nextRadar = state.radar();
        Map<String, FallState> nextWearables = state.wearables();
        RoutineState nextRoutine = state.routine();
        List<Alert> alerts = new ArrayList<>();
        for (SensorEvent e : events) {
            SilenceRules.Result step = silence.onEvent(nextEngine, nextRoutine, e); // one episode, one alert
            nextEngine = step.engine();
            nextRoutine = step.routine();
            alerts.addAll(step.alerts());
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
        SilenceRules.Result tick = silence.onTick(nextEngine, nextRoutine, now);
        nextEngine = tick.engine();
        nextRoutine = tick.routine();
        alerts.addAll(tick.alerts());
        RadarStep radarTick = radarConfirmer.onTick(nextRadar, now);
        nextRadar = radarTick.state();
        alerts.addAll(radarTick.alerts());
        SensorHealthState nextHealth = state.health();
        List<SensorEvent> seen = new ArrayList<>(all);
        if (batch != null) {
            seen.add(SensorEvent.of(batch.sensorId(), EventKind.HEARTBEAT, now)); // a worn sensor's batch proves it alive
        }
        for (SensorEvent e : seen) {
            HealthStep step = health.onEvent(nextHealth, e);
            nextHealth = step.state();
            alerts.addAll(step.alerts());
        }
        if (seen.isEmpty()) { // a message's events were judged as they came; a tick judges every sensor
            HealthStep healthTick = health.onTick(nextHealth, now);
            nextHealth = healthTick.state();
            alerts.addAll(healthTick.alerts());
        }
        SensorHealthState judged = nextHealth;
        alerts.replaceAll(a -> CantSee.annotate(a, judged, health.policy())); // a blind home must not look quiet
        WarningState nextWarning = state.warning();
        WarningChanges changes = WarningChanges.NONE;
        if (warnings != null) {
            WarningStep step = warnings.apply(nextWarning, events, alerts, now);
            nextWarning = step.state();
            alerts = new ArrayList<>(step.raise());
            changes = WarningChanges.of(step);
        }
        MonitorState next = new MonitorState(nextEngine, nextWearables, nextRadar, nextWarning, nextHealth,
                nextRoutine, nextStates);
        if (events.isEmpty() && alerts.isEmpty() && next.equals(state)) {
            return; // a quiet tick: nothing to commit
        }
        if (pending != null) {
            pending.add(events, alerts, changes, now);
            state = next;
            return; // committed with the rest of the batch by onMessages
        }
        commit(events, next, alerts, changes, now);
    }

    /**
     * Commits events, the rules' new state, alerts and warning changes in one transaction, then tells the uplink
     * about the alerts and the warning channel about new warnings.
     */
    private void commit(List<SensorEvent> events, MonitorState next, List<Alert> alerts, WarningChanges changes,
            Instant now) {
        alerts = new ArrayList<>(alerts);
        JournalState journal = store.record(events, next, alerts, changes);
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
        changes.cancelled().forEach(c -> LOG.info("local warning answered: {} alert not raised (answered on {})",
                c.alert().type().code(), c.cancelledBy()));
        changes.given().forEach(w -> LOG.info("local warning given: {} alert held until {}", w.alert().type().code(),
                w.deadline()));
        if (!alerts.isEmpty()) {
            alerts.forEach(a -> LOG.info("alert raised: {} (sensor {}, onset {})", a.type().code(), a.sensorId(), a.onset()));
            listener.raised(alerts);
        }
        if (!changes.given().isEmpty()) {
            onWarning.run();
        }
    }

    /** What a batch has evaluated and not yet committed, and how to undo it in memory if the commit fails. */
    private static final class PendingCommit {
        final MonitorState stateBefore;
        final List<SensorEvent> events = new ArrayList<>();
        final List<Alert> alerts = new ArrayList<>();
        final List<Decoded.Sequenced> seen = new ArrayList<>();
        WarningChanges changes = WarningChanges.NONE;
        Instant now;

        PendingCommit(MonitorState stateBefore) {
            this.stateBefore = stateBefore;
        }

        void add(List<SensorEvent> e, List<Alert> a, WarningChanges w, Instant at) {
            events.addAll(e);
            alerts.addAll(a);
            changes = changes.plus(w);
            now = at;
        }

        boolean isEmpty() {
            return now == null;
        }
    }

    /** Kinds that only tell the health detector about the sensor itself. */
    private static boolean healthOnly(EventKind kind) {
        return switch (kind) {
            case HEARTBEAT, BATTERY, BATTERY_LOW, TAMPER, POWER_SOURCE -> true;
            default -> false;
        };
    }

    /** The sensors whose monitoring is degraded now: open, alerted problems, oldest first. */
    public synchronized List<org.hearth.rules.health.Episode> degradedSensors() {
        return state.health().episodes().values().stream()
                .sorted(java.util.Comparator.comparing(org.hearth.rules.health.Episode::since)).toList();
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
