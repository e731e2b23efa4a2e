package org.hearth.gateway.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
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
import org.hearth.gateway.ingest.HearthReadingDecoder;
import org.hearth.gateway.ingest.HearthTopicDecoder;
import org.hearth.gateway.ingest.coap.CaliforniumIngest;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.hearth.gateway.ingest.mqtt.EmbeddedBroker;
import org.hearth.gateway.ingest.GroupCommit;
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
import org.hearth.gateway.uplink.oauth.AccessTokens;
import org.hearth.gateway.uplink.oauth.ClientCredentialsTokens;
import org.hearth.gateway.uplink.oauth.FixedToken;
import org.hearth.gateway.uplink.oauth.JwtAssertion;
import org.hearth.gateway.uplink.oauth.PemPrivateKey;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.health.CoverageGaps;
import org.hearth.gateway.store.sqlite.SqliteLocalWarnings;
import org.hearth.gateway.warning.WarningAnnouncer;
import org.hearth.gateway.warning.mqtt.PahoWarningChannel;
import org.hearth.rules.warning.CancelledWarning;
import org.hearth.rules.warning.WarningStage;
import org.hearth.rules.routine.RoutineWatch;
import org.hearth.gateway.engine.ClinicianLimits;
import org.hearth.rules.summary.DailySummariser;
import org.hearth.rules.summary.SummaryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: store, rules, MQTT ingest (and the embedded broker when configured), and the uplink.
 *
 * <p>Threads: Paho's callback thread ingests, and the ingest's own thread (re)connects to the broker; one scheduler
 * thread ticks the rules on the clock; one uplink thread drains the outbox, woken at once when an alert is committed.
 * With {@code autoTick} off, the caller drives the rules' clock through {@link #tick()} (the simulator's virtual time).
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
    private final GroupCommit groupCommit;
    /** Messages that may wait for the store; beyond this the broker is held back (it queues for us). */
    private static final int INGEST_QUEUE = 4_096;
    /** Most messages per transaction: bounds one commit's time, so a reading waits at most about two commits. */
    private static final int MAX_BATCH = 1_000;
    /** For measuring group commit's effect (docs/benchmarks.md): {@code -Dhearth.group-commit.max-batch=1} is one
     * transaction per message, as before group commit. Not a setting for a real home. */
    private static final String MAX_BATCH_PROPERTY = "hearth.group-commit.max-batch";
    private final Clock clock;
    private final SqliteAlertLifecycle lifecycle;
    private final SqliteHealthSnapshots snapshots;
    private final AcknowledgementPoller acknowledgements;
    private final PahoEscalationChannel escalationChannel;
    private final Escalator escalator;
    private final AccessTokens tokens;
    private final LinkedBlockingQueue<Boolean> warningWake = new LinkedBlockingQueue<>();
    private final PahoWarningChannel warningChannel;
    private final Thread warningThread;
    private final DailySummaryJob summaries;
    private final java.util.concurrent.atomic.AtomicLong uplinkPasses = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong followUpPasses = new java.util.concurrent.atomic.AtomicLong();
    /** Wakes the follow-up thread (acknowledgement polls, escalations) as {@link #wake} wakes the uplink. */
    private final LinkedBlockingQueue<Boolean> followUpWake = new LinkedBlockingQueue<>();
    private final Thread followUpThread;
    private volatile boolean running = true;
    private final CaliforniumIngest coap;
    private final java.util.Optional<java.time.Instant> newestReadingAtBoot;

    private Gateway(GatewayConfig config, Clock clock, boolean autoTick) throws MqttException {
        this.config = config;
        this.clock = clock;
        this.store = SqliteStore.open(config.store().path(), clock, config.gatewayId(), config.store().maxBytes());
        this.lifecycle = new SqliteAlertLifecycle(store);
        this.snapshots = new SqliteHealthSnapshots(store);
        store.releaseInFlight();
        this.newestReadingAtBoot = store.newestReadingAt();
        ClockSanity.check(clock.instant(), newestReadingAtBoot).problem()
                .ifPresent(p -> LOG.warn("{}: sensor timestamps will look wrong until it is", p));
        for (CoverageGaps.Gap gap : CoverageGaps.of(config.layout())) {
            if (gap.essential()) {
                LOG.warn("sensor coverage: {}", gap.sentence());
            } else {
                LOG.info("sensor coverage: {}", gap.sentence());
            }
        }
        var decoder = new Zigbee2MqttDecoder(config.mqtt().topicPrefix(), config.sensors());
        var hearthDecoder = new HearthTopicDecoder(config.home().id(), config.sensors());
        var warning = config.warning();
        // The learnt routine within the configured bands (exactly those bands while it learns), and the routine rules.
        this.monitor = new HomeMonitor(new RulesEngine(config.layout(), ClinicianLimits.routinePolicy(config.inactivity())),
                store, decoder, counters, clock, alerts -> wakeUplink(), hearthDecoder,
                warning.enabled() ? new WarningStage(warning.policy()) : null, () -> warningWake.offer(Boolean.TRUE),
                new RoutineWatch(config.layout(), config.routine()));
        var careRecordConfig = config.careRecord();
        var bundles = new FhirAlertBundle(careRecordConfig.identifierSystem(), config.gatewayId(),
                config.resident().nhsNumber(), careRecordConfig.teamOdsCode());
        // Token lifetimes and assertion expiry are the authorisation server's real time, even when the rules run on
        // the simulator's virtual clock.
        this.tokens = accessTokens(careRecordConfig, Clock.systemUTC());
        var summaryBundles = new FhirSummaryBundle(careRecordConfig.identifierSystem(), config.gatewayId(),
                config.resident().nhsNumber());
        var careRecord = new FhirCareRecord(careRecordConfig.baseUrl(), bundles, summaryBundles,
                careRecordConfig.requestTimeout(), tokens);
        this.drainer = new OutboxDrainer(store, careRecord, clock, careRecordConfig.firstRetry(), careRecordConfig.maxRetry(),
                careRecordConfig.batchSize(), careRecordConfig.maxInFlight(), config.summaries().perMinute());
        SummaryPolicy summaryPolicy = SummaryPolicy.ukDefault(config.home().zone());
        this.summaries = new DailySummaryJob(new SqliteSummaryStore(store, config.gatewayId()),
                new DailySummariser(config.layout(), summaryPolicy), summaryPolicy, clock, config.gatewayId(),
                config.summaries().shared(), (from, to) -> store.cancelledWarnings(from, to).size());
        try {
            summarise(); // a day that ended while the gateway was down is summarised now, not at the next midnight
        } catch (RuntimeException e) {
            LOG.error("daily summary failed at start; will retry at the next tick", e);
        }
        var tasks = new FhirTasks(careRecordConfig.baseUrl(), careRecordConfig.identifierSystem(), config.gatewayId(),
                careRecordConfig.requestTimeout(), tokens);
        this.acknowledgements = new AcknowledgementPoller(lifecycle, tasks, clock, careRecordConfig.ackPollInterval());

        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hearth-scheduler"));
        if (autoTick) {
            long every = config.tickInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::safeTick, every, every, TimeUnit.MILLISECONDS);
        }
        // Retention: readings past their age, then the oldest while the file is over 80 % of its budget.
        scheduler.scheduleWithFixedDelay(() -> prune(clock), 1, 60, TimeUnit.MINUTES);
        this.uplinkThread = daemon(this::drainLoop, "hearth-uplink");
        // Acknowledgement polls and escalations are searches and updates that can be slow on a busy care record;
        // on their own thread they never hold a new alert back (the alert path is ingest -> commit -> send only).
        this.followUpThread = daemon(this::followUpLoop, "hearth-follow-up");

        var mqtt = config.mqtt();
        Path dataDir = config.store().path().toAbsolutePath().getParent();
        this.broker = mqtt.embedded() ? EmbeddedBroker.start(mqtt.embeddedHost(), mqtt.embeddedPort(), dataDir.resolve("broker")) : null;
        String brokerUri = broker != null ? broker.uri() : mqtt.broker();
        // Group commit: one transaction (one fsync) per batch of whatever arrived during the previous commit.
        this.groupCommit = new GroupCommit(monitor::onMessages, INGEST_QUEUE,
                Math.max(1, Integer.getInteger(MAX_BATCH_PROPERTY, MAX_BATCH)));
        this.ingest = new PahoIngest(brokerUri, mqtt.clientId(), mqtt.username(), mqtt.password(),
                java.util.List.of(decoder.subscription(), hearthDecoder.subscription()),
                groupCommit);
        ingest.start();
        this.coap = config.coap().enabled() ? startCoap(config, hearthDecoder) : null;
        this.escalationChannel = new PahoEscalationChannel(brokerUri, mqtt.clientId() + "-escalation", mqtt.username(),
                mqtt.password(), config.escalation().topic(), ESCALATION_PUBLISH_TIMEOUT);
        this.escalator = new Escalator(lifecycle, new EscalationPolicy(config.escalation().after()), escalationChannel, tasks,
                clock, config.home().id());
        uplinkThread.start();
        followUpThread.start();
        if (warning.enabled()) {
            this.warningChannel = new PahoWarningChannel(brokerUri, mqtt.clientId() + "-warning", mqtt.username(),
                    mqtt.password(), warning.topic(), ESCALATION_PUBLISH_TIMEOUT);
            var announcer = new WarningAnnouncer(new SqliteLocalWarnings(store), warningChannel, clock);
            this.warningThread = daemon(() -> warningLoop(announcer), "hearth-warning");
            warningThread.start();
        } else {
            this.warningChannel = null;
            this.warningThread = null;
        }
        long snapshotEvery = HEALTH_SNAPSHOT_EVERY.toMillis();
        scheduler.scheduleWithFixedDelay(this::safeSnapshot, 0, snapshotEvery, TimeUnit.MILLISECONDS);
        LOG.info("gateway {} started: {} sensors, broker {}, care record {}", config.gatewayId(), config.sensors().size(),
                broker != null ? "embedded " + brokerUri : brokerUri, careRecordConfig.baseUrl());
    }

    /** OAuth2 client credentials when configured, else the static bearer token (if any). */
    private static AccessTokens accessTokens(GatewayConfig.CareRecord careRecord, Clock clock) {
        if (careRecord.auth().isEmpty()) {
            return new FixedToken(careRecord.bearerToken());
        }
        GatewayConfig.Auth auth = careRecord.auth().get();
        PrivateKey key;
        try {
            key = PemPrivateKey.read(auth.privateKey());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("care-record.auth.private-key: cannot be used (" + e.getMessage() + ")");
        }
        var assertion = new JwtAssertion(auth.clientId(), auth.tokenUrl().toString(), key, auth.keyId(), clock);
        return new ClientCredentialsTokens(auth.tokenUrl(), assertion, auth.scope(), clock,
                careRecord.requestTimeout());
    }

    private CaliforniumIngest startCoap(GatewayConfig config, HearthTopicDecoder hearthDecoder) {
        var ids = config.sensors().stream().filter(HearthReadingDecoder::sendsReadings)
                .map(GatewayConfig.Sensor::id).toList();
        var server = new CaliforniumIngest(config.coap(), ids, monitor::onReading, counters, scheduler);
        server.start();
        return server;
    }

    /** The bound plain CoAP port, if CoAP runs with {@code coap.plain: true}. */
    public java.util.OptionalInt coapPlainPort() {
        return coap == null ? java.util.OptionalInt.empty() : coap.plainPort();
    }

    /** The bound CoAP DTLS port, if CoAP runs with pre-shared keys. */
    public java.util.OptionalInt coapDtlsPort() {
        return coap == null ? java.util.OptionalInt.empty() : coap.dtlsPort();
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

    /** Uplink passes completed (deliveries, and acknowledgement poll with escalations), for tests and status. */
    public long uplinkPasses() {
        return Math.min(uplinkPasses.get(), followUpPasses.get());
    }

    private void wakeUplink() {
        wake.offer(Boolean.TRUE);
        followUpWake.offer(Boolean.TRUE);
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
            wakeUplink();
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
                store.stats(), drainer.health().withAuth(tokens.rejections(), tokens.failures()),
                lifecycle.countByState(), lifecycle.escalationStats(),
                new GatewayHealth.Acknowledgements(acknowledgements.lastPoll(), acknowledgements.lastError(), lifecycle.ackCursor()),
                clock.instant(), ClockSanity.check(clock.instant(), newestReadingAtBoot),
                monitor.degradedSensors().stream()
                        .map(e -> new GatewayHealth.DegradedSensor(e.sensorId(), e.problem().code(), e.since())).toList());
    }

    /** Successful broker connections so far (more than one: the gateway has reconnected). */
    public long mqttConnections() {
        return ingest.connections();
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
        loop(wake, uplinkPasses, () -> drainer.drainOnce() > 0);
    }

    private void followUpLoop() {
        loop(followUpWake, followUpPasses, () -> {
            acknowledgements.pollIfDue();
            escalator.deliverPending();
            return false;
        });
    }

    /** Runs {@code pass} until stopped: at once when woken, else every second (for rows whose time has come). */
    private void loop(LinkedBlockingQueue<Boolean> wakeUp, java.util.concurrent.atomic.AtomicLong passes,
            java.util.function.BooleanSupplier pass) {
        while (running) {
            try {
                boolean more = pass.getAsBoolean();
                passes.incrementAndGet();
                if (more) {
                    continue; // a backlog may remain: go on without waiting
                }
                // Wake at once for a new alert, else re-check every second for rows whose not-before has come.
                wakeUp.poll(1, TimeUnit.SECONDS);
                wakeUp.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("uplink step failed; retrying", e);
                try {
                    wakeUp.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Publishes local warnings: at once when one is given (and at start, for any a restart interrupted), retried every
     * second while one fails. On its own thread: a care-record backlog must never delay asking the resident.
     */
    private void warningLoop(WarningAnnouncer announcer) {
        boolean allPublished = true;
        while (running) {
            try {
                try {
                    allPublished = announcer.announcePending();
                } catch (RuntimeException e) {
                    allPublished = false;
                    LOG.error("local warning pass failed; retrying", e);
                }
                warningWake.poll(allPublished ? 5 : 1, TimeUnit.SECONDS);
                warningWake.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The local warnings the resident answered with "I'm OK" in {@code [from, to)}: for the daily summary and tests.
     */
    public java.util.List<CancelledWarning> cancelledWarnings(java.time.Instant from, java.time.Instant to) {
        return store.cancelledWarnings(from, to);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        running = false;
        if (coap != null) {
            coap.close();
        }
        ingest.close();
        try {
            groupCommit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (broker != null) {
            broker.close();
        }
        scheduler.shutdownNow();
        uplinkThread.interrupt();
        followUpThread.interrupt();
        if (warningThread != null) {
            warningThread.interrupt();
        }
        try {
            uplinkThread.join(5_000);
            followUpThread.join(5_000);
            if (warningThread != null) {
                warningThread.join(5_000);
            }
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainer.close();
        escalationChannel.close();
        if (warningChannel != null) {
            warningChannel.close();
        }
        store.close();
        LOG.info("gateway {} stopped", config.gatewayId());
    }
}
