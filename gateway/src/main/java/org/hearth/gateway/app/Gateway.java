package org.hearth.gateway.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.engine.HomeMonitor;
import org.hearth.gateway.escalation.EscalationPolicy;
import org.hearth.gateway.escalation.Escalator;
import org.hearth.gateway.escalation.mqtt.PahoEscalationChannel;
import org.hearth.gateway.ingest.HearthTopicDecoder;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.hearth.gateway.ingest.mqtt.EmbeddedBroker;
import org.hearth.gateway.ingest.mqtt.PahoIngest;
import org.hearth.gateway.store.sqlite.SqliteAlertLifecycle;
import org.hearth.gateway.store.sqlite.SqliteHealthSnapshots;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.store.sqlite.SqliteSummaryStore;
import org.hearth.gateway.summary.CancelledWarnings;
import org.hearth.gateway.summary.DailySummaryJob;
import org.hearth.gateway.uplink.AcknowledgementPoller;
import org.hearth.gateway.uplink.OutboxDrainer;
import org.hearth.gateway.uplink.fhir.FhirAlertBundle;
import org.hearth.gateway.uplink.fhir.FhirCareRecord;
import org.hearth.gateway.uplink.fhir.FhirSummaryBundle;
import org.hearth.gateway.uplink.fhir.FhirTasks;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.summary.DailySummariser;
import org.hearth.rules.summary.SummaryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: store, rules, MQTT ingest (and the embedded broker when configured), and the uplink.
 *
 * <p>Threads: Paho's callback thread ingests; one scheduler thread ticks the rules on the clock and retries the broker
 * connection; one uplink thread drains the outbox, woken at once when an alert is committed. With {@code autoTick}
 * off, the caller drives the rules' clock through {@link #tick()} (the simulator's virtual time).
 *
 * <p>The uplink thread also polls the team's acknowledgements when due and carries out escalations; the tick decides
 * escalations (from stored instants) and wakes it. Every {@link #HEALTH_SNAPSHOT_EVERY} (real time) the health is
 * written to the store for {@code hearth-gateway health}.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** How often the health snapshot is written to the store (real time). */
    public static final java.time.Duration HEALTH_SNAPSHOT_EVERY = java.time.Duration.ofSeconds(5);
    private static final java.time.Duration ESCALATION_PUBLISH_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final GatewayConfig config;
    private final SqliteStore store;
    private final IngestCounters counters = new IngestCounters();
    private final HomeMonitor monitor;
    private final OutboxDrainer drainer;
    private final ScheduledExecutorService scheduler;
    private final LinkedBlockingQueue<Boolean> wake = new LinkedBlockingQueue<>();
    private final Thread uplinkThread;
    private final EmbeddedBroker broker;
    private final PahoIngest ingest;
    private final Clock clock;
    private final SqliteAlertLifecycle lifecycle;
    private final SqliteHealthSnapshots snapshots;
    private final AcknowledgementPoller acknowledgements;
    private final PahoEscalationChannel escalationChannel;
    private final Escalator escalator;
    private final DailySummaryJob summaries;
    private final java.util.concurrent.atomic.AtomicLong uplinkPasses = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running = true;

    private Gateway(GatewayConfig config, Clock clock, boolean autoTick) throws MqttException {
        this.config = config;
        this.clock = clock;
        this.store = SqliteStore.open(config.store().path(), clock, config.gatewayId(), config.store().maxBytes());
        this.lifecycle = new SqliteAlertLifecycle(store);
        this.snapshots = new SqliteHealthSnapshots(store);
        store.releaseInFlight();
        var decoder = new Zigbee2MqttDecoder(config.mqtt().topicPrefix(), config.sensors());
        var hearthDecoder = new HearthTopicDecoder(config.home().id(), config.sensors());
        this.monitor = new HomeMonitor(new RulesEngine(config.inactivity()), store, decoder, counters, clock,
                alerts -> wake.offer(Boolean.TRUE), hearthDecoder);
        var careRecordConfig = config.careRecord();
        var bundles = new FhirAlertBundle(careRecordConfig.identifierSystem(), config.gatewayId(),
                config.resident().nhsNumber(), careRecordConfig.teamOdsCode());
        var summaryBundles = new FhirSummaryBundle(careRecordConfig.identifierSystem(), config.gatewayId(),
                config.resident().nhsNumber());
        var careRecord = new FhirCareRecord(careRecordConfig.baseUrl(), bundles, summaryBundles,
                careRecordConfig.requestTimeout(), careRecordConfig.bearerToken());
        this.drainer = new OutboxDrainer(store, careRecord, clock, careRecordConfig.firstRetry(), careRecordConfig.maxRetry(),
                careRecordConfig.batchSize(), config.summaries().perMinute());
        SummaryPolicy summaryPolicy = SummaryPolicy.ukDefault(config.home().zone());
        // TODO(lead): CancelledWarnings from HomeStore.cancelledWarnings(from, to) once the warning feature is merged.
        this.summaries = new DailySummaryJob(new SqliteSummaryStore(store, config.gatewayId()),
                new DailySummariser(config.layout(), summaryPolicy), summaryPolicy, clock, config.gatewayId(),
                config.summaries().shared(), CancelledWarnings.none());
        try {
            summarise(); // a day that ended while the gateway was down is summarised now, not at the next midnight
        } catch (RuntimeException e) {
            LOG.error("daily summary failed at start; will retry at the next tick", e);
        }
        var tasks = new FhirTasks(careRecordConfig.baseUrl(), careRecordConfig.identifierSystem(), config.gatewayId(),
                careRecordConfig.requestTimeout(), careRecordConfig.bearerToken());
        this.acknowledgements = new AcknowledgementPoller(lifecycle, tasks, clock, careRecordConfig.ackPollInterval());

        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hearth-scheduler"));
        if (autoTick) {
            long every = config.tickInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::safeTick, every, every, TimeUnit.MILLISECONDS);
        }
        // Retention: readings past their age, then the oldest while the file is over 80 % of its budget.
        scheduler.scheduleWithFixedDelay(() -> prune(clock), 1, 60, TimeUnit.MINUTES);
        this.uplinkThread = daemon(this::drainLoop, "hearth-uplink");

        var mqtt = config.mqtt();
        Path dataDir = config.store().path().toAbsolutePath().getParent();
        this.broker = mqtt.embedded() ? EmbeddedBroker.start(mqtt.embeddedHost(), mqtt.embeddedPort(), dataDir.resolve("broker")) : null;
        String brokerUri = broker != null ? broker.uri() : mqtt.broker();
        this.ingest = new PahoIngest(brokerUri, mqtt.clientId(), mqtt.username(), mqtt.password(),
                java.util.List.of(decoder.subscription(), hearthDecoder.subscription()),
                monitor::onMessage, scheduler);
        ingest.start();
        this.escalationChannel = new PahoEscalationChannel(brokerUri, mqtt.clientId() + "-escalation", mqtt.username(),
                mqtt.password(), config.escalation().topic(), ESCALATION_PUBLISH_TIMEOUT);
        this.escalator = new Escalator(lifecycle, new EscalationPolicy(config.escalation().after()), escalationChannel, tasks,
                clock, config.home().id());
        uplinkThread.start();
        long snapshotEvery = HEALTH_SNAPSHOT_EVERY.toMillis();
        scheduler.scheduleWithFixedDelay(this::safeSnapshot, 0, snapshotEvery, TimeUnit.MILLISECONDS);
        LOG.info("gateway {} started: {} sensors, broker {}, care record {}", config.gatewayId(), config.sensors().size(),
                broker != null ? "embedded " + brokerUri : brokerUri, careRecordConfig.baseUrl());
    }

    /** Starts a gateway. With {@code autoTick} false the caller must call {@link #tick()} as its clock moves. */
    public static Gateway start(GatewayConfig config, Clock clock, boolean autoTick) {
        try {
            return new Gateway(config, clock, autoTick);
        } catch (MqttException e) {
            throw new IllegalStateException("mqtt client could not be created (reason " + e.getReasonCode() + ")", e);
        }
    }

    /** The broker URI in use (the embedded broker's, when embedded). */
    public String brokerUri() {
        return broker != null ? broker.uri() : config.mqtt().broker();
    }

    /**
     * Evaluates silence-based rules and escalation deadlines now, wakes the uplink, and writes a health snapshot.
     * Escalations due are recorded before this returns; the uplink thread then carries them out.
     */
    public void tick() {
        monitor.tick();
        summarise();
        escalate();
        writeHealthSnapshot();
    }

    /** Uplink passes completed (deliveries, acknowledgement poll, escalations), for tests and status. */
    public long uplinkPasses() {
        return uplinkPasses.get();
    }

    /** Writes the health snapshot now (the daemon also does so every {@link #HEALTH_SNAPSHOT_EVERY}). */
    public void writeHealthSnapshot() {
        snapshots.save(clock.instant(), HealthJson.toJson(config.gatewayId(), health()).toString());
    }

    /** Summarises the days that ended since the last summary (at each local midnight); wakes the uplink if any. */
    private void summarise() {
        if (!summaries.runDue().isEmpty()) {
            wake.offer(Boolean.TRUE);
        }
    }

    private void escalate() {
        if (!escalator.evaluate().isEmpty()) {
            wake.offer(Boolean.TRUE);
        }
    }

    /** True once subscribed to the broker and still connected. */
    public boolean ready() {
        return ingest.subscribed().toCompletableFuture().isDone() && ingest.connected();
    }

    /** Waits up to {@code timeout} for the first subscription; false if the broker has not answered by then. */
    public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        try {
            ingest.subscribed().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** The gateway's health now. */
    public GatewayHealth health() {
        return new GatewayHealth(ingest.connected(), counters.accepted(), counters.rejections(), store.alertCount(),
                store.stats(), drainer.health(), lifecycle.countByState(), lifecycle.escalationStats(),
                new GatewayHealth.Acknowledgements(acknowledgements.lastPoll(), acknowledgements.lastError(), lifecycle.ackCursor()),
                clock.instant());
    }

    /** Ingest counters (accepted, rejected by reason). */
    public IngestCounters counters() {
        return counters;
    }

    /** Number of events in the journal. */
    public long journalledEvents() {
        return store.eventCount();
    }

    private void prune(Clock clock) {
        try {
            long n = store.prune(clock.instant().minus(config.store().retention()), 0.8);
            if (n > 0) {
                LOG.info("pruned {} old readings", n);
            }
        } catch (RuntimeException e) {
            LOG.error("pruning failed; will retry in an hour", e);
        }
    }

    private void safeTick() {
        try {
            monitor.tick();
        } catch (RuntimeException e) {
            LOG.error("rules tick failed; will retry at the next tick", e);
        }
        try {
            summarise(); // on its own: a summary failure must not hold back the rules or escalations
        } catch (RuntimeException e) {
            LOG.error("daily summary failed; will retry at the next tick", e);
        }
        try {
            escalate(); // on its own: a rules failure must not hold back an escalation
        } catch (RuntimeException e) {
            LOG.error("escalation check failed; will retry at the next tick", e);
        }
    }

    private void safeSnapshot() {
        try {
            writeHealthSnapshot();
        } catch (RuntimeException e) {
            LOG.warn("health snapshot not written; will retry", e);
        }
    }

    private void drainLoop() {
        while (running) {
            try {
                drainer.drainOnce();
                acknowledgements.pollIfDue();
                escalator.deliverPending();
                uplinkPasses.incrementAndGet();
                // Wake at once for a new alert, else re-check every second for rows whose not-before has come.
                wake.poll(1, TimeUnit.SECONDS);
                wake.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("uplink step failed; retrying", e);
                try {
                    wake.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        running = false;
        ingest.close();
        if (broker != null) {
            broker.close();
        }
        scheduler.shutdownNow();
        uplinkThread.interrupt();
        try {
            uplinkThread.join(5_000);
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        escalationChannel.close();
        store.close();
        LOG.info("gateway {} stopped", config.gatewayId());
    }
}
