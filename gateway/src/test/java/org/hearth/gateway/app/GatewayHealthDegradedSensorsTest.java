package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Degraded sensors make the gateway's health degraded and are listed by id, problem and time: no personal data. */
class GatewayHealthDegradedSensorsTest {
    private static final Instant SINCE = Instant.parse("2026-03-28T09:12:00Z");

    @Test
    void aDegradedSensorIsAProblemAndIsListedInTheJsonAndTheHumanReport() {
        GatewayHealth base = GatewayHealthTest.healthy();
        assertThat(base.degradedSensors()).isEmpty();
        GatewayHealth h = new GatewayHealth(base.mqttConnected(), base.accepted(), base.rejected(), base.alertsRaised(),
                base.outbox(), base.uplink(), base.alerts(), base.escalations(), base.acknowledgements(), base.at(),
                List.of(new GatewayHealth.DegradedSensor("hall-motion", "offline", SINCE)));

        assertThat(h.healthy()).isFalse();
        assertThat(h.problems()).contains("sensor hall-motion: offline since 2026-03-28T09:12:00Z");
        JsonNode json = HealthJson.toJson("gw-1", h);
        assertThat(json.path("status").asText()).isEqualTo("degraded");
        assertThat(json.path("degradedSensors").get(0).path("sensor").asText()).isEqualTo("hall-motion");
        assertThat(json.path("degradedSensors").get(0).path("problem").asText()).isEqualTo("offline");
        assertThat(json.path("degradedSensors").get(0).path("since").asText()).isEqualTo("2026-03-28T09:12:00Z");
        assertThat(HealthJson.human(json)).contains("sensors:     degraded: hall-motion offline since 2026-03-28T09:12:00Z");
        assertThat(HealthJson.human(HealthJson.toJson("gw-1", base))).contains("sensors:     all seeing");
    }
}
