package org.hearth.simulator.home;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.hearth.gateway.ingest.coap.CaliforniumConfig;

/**
 * A CoAP sensor as a real Californium client: posts Hearth readings to the gateway's {@code /sensors/{id}}, over plain
 * CoAP or DTLS with a pre-shared key.
 */
public final class CoapSensor implements AutoCloseable {
    /** A response: its CoAP code (e.g. {@code 2.04}) and body; empty when no response came (timeout, handshake). */
    public record Answer(String code, String body) {}

    private final CoapEndpoint endpoint;
    private final String base;

    private CoapSensor(CoapEndpoint endpoint, String base) {
        this.endpoint = endpoint;
        this.base = base;
    }

    /** A plain CoAP client of the gateway at {@code 127.0.0.1:port}. */
    public static CoapSensor plain(int port) throws IOException {
        Configuration config = CaliforniumConfig.create();
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        endpoint.start();
        return new CoapSensor(endpoint, "coap://127.0.0.1:" + port);
    }

    /** A DTLS client of the gateway at {@code 127.0.0.1:port} with this PSK identity and key. */
    public static CoapSensor dtls(int port, String identity, String key) throws IOException {
        Configuration config = CaliforniumConfig.create();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        endpoint.start();
        return new CoapSensor(endpoint, "coaps://127.0.0.1:" + port);
    }

    /** The JSON of a radar event, schema v1. */
    public static String radarEvent(long seq, Instant t, String type) {
        return "{\"v\":1,\"seq\":" + seq + ",\"t\":\"" + t + "\",\"type\":\"" + type + "\"}";
    }

    /** POSTs {@code body} to {@code /sensors/{sensorId}}, CON or NON, and waits up to 10 s for the answer. */
    public Optional<Answer> post(String sensorId, String body, boolean confirmable) {
        return post(sensorId, body.getBytes(StandardCharsets.UTF_8), confirmable);
    }

    /** As {@link #post(String, String, boolean)} with raw bytes. */
    public Optional<Answer> post(String sensorId, byte[] body, boolean confirmable) {
        CoapClient client = client("/sensors/" + sensorId);
        try {
            Request request = Request.newPost();
            request.setType(confirmable ? Type.CON : Type.NON);
            request.setPayload(body);
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
            return answer(client.advanced(request));
        } catch (ConnectorException | IOException e) {
            return Optional.empty();
        } finally {
            client.shutdown();
        }
    }

    /** GETs {@code path} (e.g. {@code /.well-known/core}). */
    public Optional<Answer> get(String path) {
        CoapClient client = client(path);
        try {
            return answer(client.get());
        } catch (ConnectorException | IOException e) {
            return Optional.empty();
        } finally {
            client.shutdown();
        }
    }

    private CoapClient client(String path) {
        CoapClient client = new CoapClient(base + path);
        client.setEndpoint(endpoint);
        client.setTimeout(10_000L);
        return client;
    }

    private static Optional<Answer> answer(CoapResponse response) {
        if (response == null) {
            return Optional.empty();
        }
        var code = response.getCode();
        return Optional.of(new Answer(code.codeClass + "." + String.format("%02d", code.codeDetail),
                response.getResponseText()));
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
