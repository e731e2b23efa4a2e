package org.hearth.gateway.ingest.coap;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.ReadingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP server and Observe client. DTLS (PSK, one key per sensor) on {@code coap.dtls-port} whenever a key is
 * configured; plain CoAP on {@code coap.port} only with {@code coap.plain: true}. Readings go one at a time through a
 * bounded queue ({@code coap.queue}) to the {@link ReadingSink}; CON and NON requests alike are answered once the
 * outcome is final. Californium deduplicates retransmitted message ids itself (and replays the response); a reading
 * sent again under a new id is the core's duplicate check's business.
 */
public final class CaliforniumIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaliforniumIngest.class);

    private final CoapServer server;
    private final ReadingIntake intake;
    private final CoapEndpoint plainEndpoint;
    private final CoapEndpoint dtlsEndpoint;
    private final CoapEndpoint observeEndpoint;
    private final List<ObservedSensor> observed = new ArrayList<>();

    /**
     * @param coap           the {@code coap:} section (enabled)
     * @param hearthSensors  the ids of the configured sensors that send Hearth readings (listed as resources)
     * @param sink           where readings go; answers once they are committed
     * @param counters       ingest counters, for the adapter's own rejections
     * @param scheduler      for Observe re-registration
     */
    public CaliforniumIngest(GatewayConfig.Coap coap, List<String> hearthSensors, ReadingSink sink,
            IngestCounters counters, ScheduledExecutorService scheduler) {
        Configuration config = CaliforniumConfig.create();
        this.intake = new ReadingIntake(sink, counters, coap.queue());
        Map<String, String> sensorByIdentity = new HashMap<>();
        coap.psk().forEach(p -> sensorByIdentity.put(p.identity(), p.sensorId()));
        this.server = new CoapServer(config);
        SensorsResource sensors = new SensorsResource(intake, Map.copyOf(sensorByIdentity));
        hearthSensors.forEach(sensors::addSensor);
        server.add(sensors);

        this.plainEndpoint = coap.plain()
                ? CoapEndpoint.builder().setConfiguration(config)
                        .setInetSocketAddress(new InetSocketAddress(coap.host(), coap.port())).build()
                : null;
        if (plainEndpoint != null) {
            server.addEndpoint(plainEndpoint);
        }
        this.dtlsEndpoint = coap.psk().isEmpty() ? null : dtlsEndpoint(config, coap);
        if (dtlsEndpoint != null) {
            server.addEndpoint(dtlsEndpoint);
        }
        this.observeEndpoint = coap.observe().isEmpty() ? null
                : CoapEndpoint.builder().setConfiguration(config).build();
        for (GatewayConfig.Observe o : coap.observe()) {
            observed.add(new ObservedSensor(o.sensorId(), o.uri(), observeEndpoint, intake, scheduler));
        }
    }

    private static CoapEndpoint dtlsEndpoint(Configuration config, GatewayConfig.Coap coap) {
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        coap.psk().forEach(p -> keys.setKey(p.identity(), p.key().getBytes(StandardCharsets.UTF_8)));
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(coap.host(), coap.dtlsPort()))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .setAdvancedPskStore(keys)
                .build();
        return CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
    }

    /** Binds the endpoints and starts observing. */
    public void start() {
        server.start();
        if (observeEndpoint != null) {
            try {
                observeEndpoint.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("coap observe endpoint could not start", e);
            }
        }
        observed.forEach(ObservedSensor::start);
        LOG.info("coap started: plain {}, dtls {}, observing {} sensors",
                plainPort().isPresent() ? plainPort().getAsInt() : "off",
                dtlsPort().isPresent() ? dtlsPort().getAsInt() : "off", observed.size());
    }

    /** The bound plain CoAP port, if plain CoAP is on. */
    public OptionalInt plainPort() {
        return port(plainEndpoint);
    }

    /** The bound DTLS port, if DTLS is on. */
    public OptionalInt dtlsPort() {
        return port(dtlsEndpoint);
    }

    private static OptionalInt port(Endpoint e) {
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.getAddress().getPort());
    }

    @Override
    public void close() {
        observed.forEach(ObservedSensor::close);
        if (observeEndpoint != null) {
            observeEndpoint.destroy();
        }
        server.destroy();
        intake.close();
    }
}
