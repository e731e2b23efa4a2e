package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.gateway.ingest.coap.CaliforniumConfig;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.home.CoapSensor;
import org.hearth.simulator.home.DemoHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Californium client (plain and DTLS with PSK) posting Hearth readings to the real gateway, and the gateway
 * observing a real Californium server that plays a sensor exposing its state.
 */
class CoapIngestIT {
    static final Instant MORNING = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(GatewayRig.LONDON).toInstant();
    static final String RADAR_KEY = "radar-secret-1";
    static final String WRIST_KEY = "wrist-secret-1";
    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        Peers.sharedMosquitto();
    }

    /** The demo home with CoAP on ephemeral ports: plain when asked, DTLS keys for the radar and the wearable. */
    static String yaml(String gatewayId, Path dir, boolean plain, String extra) {
        String broker;
        try {
            broker = Peers.sharedMosquitto().uri();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return DemoHome.yaml(gatewayId, broker, SharedSandbox.get().baseUrl(), dir.resolve("hearth.db")) + """
                coap:
                  enabled: true
                  host: 127.0.0.1
                  plain: %s
                  port: 0
                  dtls-port: 0
                  psk:
                    - { sensor: radar, identity: radar-1, key: "${HEARTH_RADAR_PSK:-%s}" }
                    - { sensor: pendant-accel, identity: wrist-1, key: "${HEARTH_WRIST_PSK:-%s}" }
                %s""".formatted(plain, RADAR_KEY, WRIST_KEY, extra);
    }

    @Test
    void plainPostsAreAnsweredOnlyOnceCommittedAndBadInputGetsItsReason(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(id -> yaml(id, dir, true, ""), dir, MORNING);
                var sensor = CoapSensor.plain(rig.gateway.coapPlainPort().orElseThrow())) {
            Instant t = rig.clock.instant();

            assertThat(sensor.post("radar", CoapSensor.radarEvent(1, t, "presence"), true))
                    .contains(new CoapSensor.Answer("2.04", ""));
            assertThat(rig.gateway.journalledEvents()).isEqualTo(1); // committed before the answer, not after
            assertThat(sensor.post("radar", CoapSensor.radarEvent(2, t, "motion"), false))
                    .contains(new CoapSensor.Answer("2.04", ""));
            assertThat(rig.gateway.journalledEvents()).isEqualTo(2);

            assertThat(sensor.post("radar", "{\"v\":1,", true)).contains(new CoapSensor.Answer("4.00", "malformed_json"));
            assertThat(sensor.post("radar", CoapSensor.radarEvent(3, t.plusSeconds(3600), "fall"), true))
                    .contains(new CoapSensor.Answer("4.00", "future"));
            assertThat(sensor.post("radar", CoapSensor.radarEvent(4, t.minus(Duration.ofDays(2)), "fall"), true))
                    .contains(new CoapSensor.Answer("4.00", "stale"));
            assertThat(sensor.post("stranger", CoapSensor.radarEvent(5, t, "fall"), true))
                    .contains(new CoapSensor.Answer("4.04", "unknown_sensor"));
            assertThat(sensor.post("radar", new byte[70_000], true)).map(CoapSensor.Answer::code).contains("4.13");
            assertThat(rig.gateway.journalledEvents()).isEqualTo(2);
            assertThat(rig.gateway.counters().rejected(RejectReason.FUTURE)).isEqualTo(1);
            assertThat(rig.gateway.counters().rejected(RejectReason.STALE)).isEqualTo(1);
            assertThat(rig.gateway.health().rejected()).containsEntry(RejectReason.UNKNOWN_SENSOR, 1L);

            Optional<CoapSensor.Answer> core = sensor.get("/.well-known/core");
            assertThat(core).hasValueSatisfying(a -> assertThat(a.body())
                    .contains("</sensors/radar>", "</sensors/pendant-accel>").doesNotContain("stranger"));
        }
    }

    @Test
    void dtlsTakesEachSensorsOwnKeyOnlyAndPlainCoapIsOffUnlessEnabled(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(id -> yaml(id, dir, false, ""), dir, MORNING)) {
            assertThat(rig.gateway.coapPlainPort()).isEmpty();
            int port = rig.gateway.coapDtlsPort().orElseThrow();
            Instant t = rig.clock.instant();

            try (var radar = CoapSensor.dtls(port, "radar-1", RADAR_KEY)) {
                assertThat(radar.post("radar", CoapSensor.radarEvent(1, t, "presence"), true))
                        .contains(new CoapSensor.Answer("2.04", ""));
            }
            try (var impostor = CoapSensor.dtls(port, "radar-1", "not-the-radar-key")) {
                assertThat(impostor.post("radar", CoapSensor.radarEvent(2, t, "fall"), true)).isEmpty();
            }
            try (var wrist = CoapSensor.dtls(port, "wrist-1", WRIST_KEY)) { // a real key, for another sensor
                assertThat(wrist.post("radar", CoapSensor.radarEvent(3, t, "fall"), true))
                        .contains(new CoapSensor.Answer("4.01", "unauthorised"));
            }

            assertThat(rig.gateway.journalledEvents()).isEqualTo(1);
            assertThat(rig.gateway.counters().rejected(RejectReason.UNAUTHORISED)).isEqualTo(1);
        }
    }

    @Test
    void theGatewayObservesASensorsStateAndTakesEachNotification(@TempDir Path dir) throws Exception {
        var state = new StateResource();
        CoapServer sensorServer = new CoapServer(CaliforniumConfig.create(), 0);
        sensorServer.add(state);
        try {
            state.set(CoapSensor.radarEvent(1, MORNING, "presence"));
            sensorServer.start();
            int port = sensorServer.getEndpoints().get(0).getAddress().getPort();
            String observe = "  observe:\n    - { sensor: radar, uri: \"coap://127.0.0.1:" + port + "/state\" }\n";
            try (var rig = new GatewayRig(id -> yaml(id, dir, false, observe), dir, MORNING)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> rig.gateway.journalledEvents() == 1);

                state.set(CoapSensor.radarEvent(2, rig.clock.instant(), "motion"));
                await().atMost(Duration.ofSeconds(20)).until(() -> rig.gateway.journalledEvents() == 2);
                state.set(CoapSensor.radarEvent(3, rig.clock.instant(), "no_presence"));
                await().atMost(Duration.ofSeconds(20)).until(() -> rig.gateway.journalledEvents() == 3);
            }
        } finally {
            sensorServer.destroy();
        }
    }

    /** A sensor's observable state resource: each change is notified (CON) to observers. */
    static final class StateResource extends CoapResource {
        private volatile String body = "";

        StateResource() {
            super("state");
            setObservable(true);
            setObserveType(CoAP.Type.CON);
            getAttributes().setObservable();
        }

        void set(String json) {
            body = json;
            changed();
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            exchange.respond(CoAP.ResponseCode.CONTENT, body.getBytes(StandardCharsets.UTF_8),
                    MediaTypeRegistry.APPLICATION_JSON);
        }
    }
}
