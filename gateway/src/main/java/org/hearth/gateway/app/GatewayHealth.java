package org.hearth.gateway.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.EscalationStats;
import org.hearth.gateway.store.OutboxStats;
import org.hearth.gateway.uplink.UplinkHealth;

/**
 * A snapshot of the gateway's health.
 *
 * @param mqttConnected whether the gateway is subscribed to its broker
 * @param accepted messages accepted
 * @param rejected messages rejected, by reason
 * @param alertsRaised alerts raised since the store was created
 * @param outbox the outbox at a glance
 * @param uplink the uplink's breaker and last error
 * @param alerts alerts by lifecycle state (every state present)
 * @param escalations escalations at a glance
 * @param acknowledgements the acknowledgement poll
 * @param at when the snapshot was taken (the gateway's clock)
 * @param clock whether the gateway's clock looks synchronised ({@link ClockSanity})
 * @param degradedSensors the sensors (and the Zigbee bridge) whose monitoring is degraded, oldest problem first
 */
public record GatewayHealth(boolean mqttConnected, long accepted, Map<RejectReason, Long> rejected, long alertsRaised,
        OutboxStats outbox, UplinkHealth uplink, Map<AlertState, Long> alerts, EscalationStats escalations,
        Acknowledgements acknowledgements, Instant at, ClockSanity clock, List<DegradedSensor> degradedSensors) {

    /** An undelivered alert older than this makes the gateway degraded. */
    public static final Duration MAX_PENDING_AGE = Duration.ofMinutes(15);

    public GatewayHealth {
        rejected = Map.copyOf(rejected);
        alerts = Map.copyOf(alerts);
        clock = clock == null ? ClockSanity.check(at, Optional.empty()) : clock;
        degradedSensors = degradedSensors == null ? List.of() : List.copyOf(degradedSensors);
    }

    /** As the canonical constructor, judging the clock by {@code at} alone, with no sensor degraded. */
    public GatewayHealth(boolean mqttConnected, long accepted, Map<RejectReason, Long> rejected, long alertsRaised,
            OutboxStats outbox, UplinkHealth uplink, Map<AlertState, Long> alerts, EscalationStats escalations,
            Acknowledgements acknowledgements, Instant at) {
        this(mqttConnected, accepted, rejected, alertsRaised, outbox, uplink, alerts, escalations, acknowledgements, at,
                null, List.of());
    }

    /** As the canonical constructor, with no sensor degraded. */
    public GatewayHealth(boolean mqttConnected, long accepted, Map<RejectReason, Long> rejected, long alertsRaised,
            OutboxStats outbox, UplinkHealth uplink, Map<AlertState, Long> alerts, EscalationStats escalations,
            Acknowledgements acknowledgements, Instant at, ClockSanity clock) {
        this(mqttConnected, accepted, rejected, alertsRaised, outbox, uplink, alerts, escalations, acknowledgements, at,
                clock, List.of());
    }

    /** As the canonical constructor, judging the clock by {@code at} alone. */
    public GatewayHealth(boolean mqttConnected, long accepted, Map<RejectReason, Long> rejected, long alertsRaised,
            OutboxStats outbox, UplinkHealth uplink, Map<AlertState, Long> alerts, EscalationStats escalations,
            Acknowledgements acknowledgements, Instant at, List<DegradedSensor> degradedSensors) {
        this(mqttConnected, accepted, rejected, alertsRaised, outbox, uplink, alerts, escalations, acknowledgements, at,
                null, degradedSensors);
    }

    /**
     * A sensor that cannot be trusted to see (or to keep seeing): opaque ids, a problem code and a time only.
     *
     * @param sensorId the sensor's id, or {@code zigbee2mqtt-bridge}
     * @param problem  e.g. {@code offline}, {@code silent}, {@code stuck-occupied}, {@code battery-low}
     * @param since    when the problem began
     */
    public record DegradedSensor(String sensorId, String problem, Instant since) {}

    /**
     * The acknowledgement poll.
     *
     * @param lastPoll when it last asked the care record (the gateway's clock)
     * @param lastError why the last poll failed, if it did
     * @param cursor the newest Task update seen (the care record's clock)
     */
    public record Acknowledgements(Optional<Instant> lastPoll, Optional<String> lastError, Optional<Instant> cursor) {}

    /** How long the oldest undelivered row has waited at {@link #at()}, if there is one. */
    public Optional<Duration> oldestPendingAge() {
        return outbox.oldestPending().map(t -> Duration.between(t, at));
    }

    /**
     * What makes the gateway degraded, each a line an installer can act on; empty when healthy. Degraded: not
     * connected to the broker, the care record's circuit breaker not closed, an alert undelivered for longer than
     * {@link #MAX_PENDING_AGE}, dead letters, an escalation the local channel has not taken, the acknowledgement poll
     * failing, the clock not synchronised, a sensor whose monitoring is degraded.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!mqttConnected) {
            problems.add("mqtt: not connected to the broker");
        }
        if (!"CLOSED".equals(uplink.breaker())) {
            problems.add("care record: circuit breaker " + uplink.breaker() + uplink.lastError().map(e -> " (last error: " + e + ")").orElse(""));
        }
        oldestPendingAge().filter(age -> age.compareTo(MAX_PENDING_AGE) > 0).ifPresent(age ->
                problems.add("outbox: oldest undelivered item waiting " + age.toMinutes() + " min (limit " + MAX_PENDING_AGE.toMinutes() + ")"));
        if (outbox.dead() > 0) {
            problems.add("outbox: " + outbox.dead() + " dead letter(s) the care record refused; an installer must look");
        }
        if (escalations.awaitingNotification() > 0) {
            problems.add("escalation: " + escalations.awaitingNotification() + " not yet taken by the local channel"
                    + escalations.lastError().map(e -> " (" + e + ")").orElse(""));
        }
        acknowledgements.lastError().ifPresent(e -> problems.add("acknowledgements: last poll failed (" + e + ")"));
        clock.problem().ifPresent(problems::add);
        degradedSensors.forEach(d -> problems.add("sensor " + d.sensorId() + ": " + d.problem() + " since " + d.since()));
        return problems;
    }

    /** True when {@link #problems()} is empty. */
    public boolean healthy() {
        return problems().isEmpty();
    }
}
