package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.EscalationStats;
import org.hearth.gateway.store.OutboxStats;
import org.hearth.gateway.uplink.UplinkHealth;
import org.junit.jupiter.api.Test;

class GatewayHealthTest {

    static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");

    @Test
    void aGatewayWithEverythingDeliveredAndAnsweredIsHealthy() {
        GatewayHealth health = healthy();

        assertThat(health.problems()).isEmpty();
        assertThat(health.healthy()).isTrue();
        assertThat(health.oldestPendingAge()).isEmpty();
    }

    @Test
    void anUnsynchronisedClockDegradesItAndShowsInTheJson() {
        GatewayHealth base = healthy();
        GatewayHealth health = new GatewayHealth(true, 0, Map.of(), 0, base.outbox(), base.uplink(), base.alerts(),
                base.escalations(), base.acknowledgements(), AT, ClockSanity.check(AT, Optional.of(AT.plusSeconds(3600))));

        assertThat(health.problems()).singleElement().asString().startsWith("clock: ").contains("not yet synchronised");
        assertThat(HealthJson.toJson("gw-1", health).path("clock").path("synchronised").booleanValue()).isFalse();
        assertThat(HealthJson.toJson("gw-1", base).path("clock").path("synchronised").booleanValue()).isTrue();
    }

    @Test
    void anOpenBreakerDegradesIt() {
        GatewayHealth health = with(healthy(), new UplinkHealth("OPEN", Optional.of("HTTP 503"), Optional.of(AT)));

        assertThat(health.problems()).containsExactly("care record: circuit breaker OPEN (last error: HTTP 503)");
    }

    @Test
    void anUndeliveredItemDegradesItOnlyOnceOlderThanTheLimit() {
        Instant justInside = AT.minus(GatewayHealth.MAX_PENDING_AGE);
        Instant justOutside = justInside.minusSeconds(1);

        assertThat(with(healthy(), new OutboxStats(1, 0, 0, Optional.of(justInside), Optional.empty())).problems()).isEmpty();
        assertThat(with(healthy(), new OutboxStats(1, 0, 0, Optional.of(justOutside), Optional.empty())).problems())
                .singleElement().asString().startsWith("outbox: oldest undelivered item waiting 15 min");
        assertThat(with(healthy(), new OutboxStats(1, 0, 0, Optional.of(justOutside), Optional.empty())).oldestPendingAge())
                .contains(Duration.ofMinutes(15).plusSeconds(1));
    }

    @Test
    void deadLettersAnUnsentEscalationAFailingPollAndALostBrokerEachDegradeIt() {
        GatewayHealth base = healthy();
        GatewayHealth health = new GatewayHealth(false, 3, Map.of(), 2, new OutboxStats(0, 1, 1, Optional.empty(), Optional.of(AT)),
                base.uplink(), base.alerts(), new EscalationStats(1, 1, 1, Optional.of(AT), Optional.of("local channel: mqtt reason 32103")),
                new GatewayHealth.Acknowledgements(Optional.of(AT), Optional.of("Task search: HTTP 403"), Optional.empty()), AT);

        assertThat(health.problems()).containsExactly(
                "mqtt: not connected to the broker",
                "outbox: 1 dead letter(s) the care record refused; an installer must look",
                "escalation: 1 not yet taken by the local channel (local channel: mqtt reason 32103)",
                "acknowledgements: last poll failed (Task search: HTTP 403)");
    }

    @Test
    void anEscalationThatWasCarriedOutIsReportedButIsNoProblemOfTheGateway() {
        GatewayHealth base = healthy();
        GatewayHealth health = new GatewayHealth(true, 0, Map.of(), 1, base.outbox(), base.uplink(), base.alerts(),
                new EscalationStats(1, 0, 0, Optional.of(AT), Optional.empty()), base.acknowledgements(), AT);

        assertThat(health.problems()).isEmpty();
    }

    static GatewayHealth healthy() {
        Map<AlertState, Long> alerts = new EnumMap<>(AlertState.class);
        for (AlertState s : AlertState.values()) {
            alerts.put(s, 0L);
        }
        alerts.put(AlertState.COMPLETED, 1L);
        alerts.put(AlertState.SENT, 1L);
        return new GatewayHealth(true, 12, Map.of(RejectReason.MALFORMED_JSON, 1L), 2,
                new OutboxStats(0, 2, 0, Optional.empty(), Optional.of(AT.minusSeconds(60))),
                new UplinkHealth("CLOSED", Optional.empty(), Optional.of(AT.minusSeconds(60))), alerts,
                new EscalationStats(1, 0, 0, Optional.of(AT.minusSeconds(30)), Optional.empty()),
                new GatewayHealth.Acknowledgements(Optional.of(AT.minusSeconds(10)), Optional.empty(), Optional.of(AT.minusSeconds(20))), AT);
    }

    static GatewayHealth with(GatewayHealth h, UplinkHealth uplink) {
        return new GatewayHealth(h.mqttConnected(), h.accepted(), h.rejected(), h.alertsRaised(), h.outbox(), uplink, h.alerts(),
                h.escalations(), h.acknowledgements(), h.at());
    }

    static GatewayHealth with(GatewayHealth h, OutboxStats outbox) {
        return new GatewayHealth(h.mqttConnected(), h.accepted(), h.rejected(), h.alertsRaised(), outbox, h.uplink(), h.alerts(),
                h.escalations(), h.acknowledgements(), h.at());
    }
}
