package org.hearth.gateway.app;

import java.util.Map;
import org.hearth.gateway.ingest.RejectReason;
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
 */
public record GatewayHealth(boolean mqttConnected, long accepted, Map<RejectReason, Long> rejected, long alertsRaised,
        OutboxStats outbox, UplinkHealth uplink) {}
