package org.hearth.simulator.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.hearth.gateway.app.Gateway;
import org.hearth.gateway.config.ConfigException;
import org.hearth.gateway.config.ConfigLoader;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.simulator.faults.FaultyCareRecordProxy;
import org.hearth.simulator.time.VirtualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one home in virtual time through the real gateway core: its embedded broker, rules, SQLite store, outbox
 * and uplink to the care record. Time jumps from one stimulus to the next, the gateway being ticked every
 * {@link #TICK} of virtual time on the way; each message is processed before time moves on. A care-record outage
 * goes through a {@link FaultyCareRecordProxy} in front of the care record.
 *
 * <p>Ticks cost a store write each, so they are sparse; a radar's fall report gets its own tick just after its
 * confirmation window, so a confirmed fall is raised within a minute or two as it would be in real time.
 */
public final class VirtualHomePlayer {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualHomePlayer.class);
    /** Virtual time between rule ticks. */
    public static final Duration TICK = Duration.ofMinutes(15);
    /** A little over the radar's fall confirmation window. */
    private static final Duration RADAR_CONFIRM_TICK = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(120);

    private final Scenario scenario;
    private final Capabilities caps;
    private final String careRecordUrl;
    private final Path dir;

    public VirtualHomePlayer(Scenario scenario, Capabilities caps, String careRecordUrl, Path dir) {
        this.scenario = scenario;
        this.caps = caps;
        this.careRecordUrl = careRecordUrl;
        this.dir = dir;
    }

    /** Plays {@code script} under gateway id {@code gatewayId}. Never throws: a failure is recorded in the result. */
    public HomeRun play(HomeScript script, String gatewayId) {
        int[][] grid = HomeRun.activityGrid(script.stimuli(), scenario);
        Session s = new Session(script, gatewayId);
        try {
            s.run();
            return new HomeRun(script, gatewayId, grid, s.published, s.raisedNow(), Optional.empty());
        } catch (Exception e) {
            LOG.warn("home {} stopped early ({})", gatewayId, e.getClass().getSimpleName(), e);
            return new HomeRun(script, gatewayId, grid, s.published, 0, Optional.of(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            s.close();
        }
    }

    /** One home's live parts. */
    private final class Session {
        private final HomeScript script;
        private final String gatewayId;
        private final VirtualClock clock;
        private FaultyCareRecordProxy proxy;
        private GatewayConfig config;
        private Gateway gateway;
        private StimulusPublisher publisher;
        /** What the devices last said: they keep it across a gateway restart, and so does Zigbee2MQTT. */
        private final StimulusPublisher.Devices devices = new StimulusPublisher.Devices();
        private long published;
        private long sentToThisGateway;
        private Instant nextTick;
        private Instant extraTick;

        Session(HomeScript script, String gatewayId) {
            this.script = script;
            this.gatewayId = gatewayId;
            Instant start = RoutinePlanner.runStart(scenario);
            this.clock = VirtualClock.at(start, scenario.zone());
            this.nextTick = start.plus(TICK);
        }

        void run() throws IOException, ConfigException, MqttException {
            Path home = Files.createDirectories(dir.resolve(gatewayId));
            Path store = home.resolve("hearth.db");
            Files.deleteIfExists(store);
            String url = careRecordUrl;
            if (script.stimuli().stream().anyMatch(x -> x.action() instanceof Stimulus.Uplink)) {
                proxy = FaultyCareRecordProxy.start(careRecordUrl);
                url = proxy.baseUrl();
            }
            config = new ConfigLoader(Map.of()).parse(HomeConfig.yaml(script.home(), caps, gatewayId, gatewayId,
                    scenario.zone().getId(), "embedded", url, store));
            start();
            for (Stimulus st : script.stimuli()) {
                advanceTo(st.at());
                Stimulus.Action a = st.action();
                if (a instanceof Stimulus.GatewayRestart) {
                    restart();
                } else if (a instanceof Stimulus.Uplink u) {
                    proxy.down(u.down());
                } else {
                    long raised = a instanceof Stimulus.Press ? raisedNow() : -1;
                    int n = publisher.publish(st);
                    published += n;
                    sentToThisGateway += n;
                    awaitProcessed();
                    if (raised >= 0) {
                        awaitRaisedBeyond(raised);
                    }
                    if (a instanceof Stimulus.Radar r && r.type().equals("fall")) {
                        extraTick = st.at().plus(RADAR_CONFIRM_TICK);
                    }
                }
            }
            advanceTo(HomeRun.end(scenario));
            awaitDelivered();
        }

        private void start() throws MqttException {
            gateway = Gateway.start(config, clock, false);
            until(gateway::ready, WAIT, "gateway ready");
            publisher = new StimulusPublisher(gateway.brokerUri(), gatewayId + "-sim", script.home(), gatewayId,
                    devices);
            sentToThisGateway = 0;
        }

        private void restart() throws MqttException {
            awaitDelivered();
            stopGateway();
            start();
        }

        private long raisedNow() {
            return gateway == null ? 0 : gateway.health().alertsRaised();
        }

        /** Moves virtual time to {@code t}, ticking the rules at each tick instant on the way. */
        private void advanceTo(Instant t) {
            if (extraTick != null && !extraTick.isAfter(t)) {
                advanceTo(extraTick.minusNanos(1));
                clock.advanceTo(extraTick);
                gateway.tick();
                extraTick = null;
            }
            while (!nextTick.isAfter(t)) {
                clock.advanceTo(nextTick);
                gateway.tick();
                nextTick = nextTick.plus(TICK);
            }
            clock.advanceTo(t);
        }

        private void awaitProcessed() {
            var counters = gateway.counters();
            until(() -> counters.accepted() + counters.ignored() + counters.rejectedTotal() >= sentToThisGateway,
                    WAIT, "message processed");
        }

        /**
         * A press is raised at the gateway's clock when it is processed: wait for its alert before time moves on, as
         * a belt to the processed count's braces. A press inside an open help call raises nothing, hence the bound.
         */
        private void awaitRaisedBeyond(long before) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (raisedNow() <= before && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
        }

        /** Waits until the outbox is empty, letting virtual time creep on so that retry back-offs come due. */
        private void awaitDelivered() {
            long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
            while (gateway.health().outbox().pending() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("alerts still undelivered after " + DELIVERY_WAIT);
                }
                clock.advance(Duration.ofSeconds(2));
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }

        private void stopGateway() {
            try {
                if (publisher != null) {
                    publisher.close();
                }
            } catch (MqttException e) {
                LOG.debug("publisher close failed", e);
            }
            publisher = null;
            if (gateway != null) {
                gateway.close();
            }
            gateway = null;
        }

        void close() {
            stopGateway();
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /** Spins briefly on a condition that normally holds within a millisecond; fails after {@code timeout}. */
    static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 5_000_000);
        }
    }
}
