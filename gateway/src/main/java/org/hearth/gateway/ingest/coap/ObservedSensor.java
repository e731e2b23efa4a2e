package org.hearth.gateway.ingest.coap;

import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes one sensor's CoAP state resource: every notification (and the first response) is a Hearth reading of that
 * sensor, taken through the same intake as a POST. If the sensor cannot be reached or ends the relation, the
 * observation is registered again after {@link #RETRY_SECONDS}.
 */
final class ObservedSensor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ObservedSensor.class);
    static final long RETRY_SECONDS = 5;

    private final String sensorId;
    private final CoapClient client;
    private final ReadingIntake intake;
    private final ScheduledExecutorService scheduler;
    private volatile CoapObserveRelation relation;
    private volatile boolean closed;

    ObservedSensor(String sensorId, URI uri, Endpoint endpoint, ReadingIntake intake,
            ScheduledExecutorService scheduler) {
        this.sensorId = sensorId;
        this.client = new CoapClient(uri.toString());
        this.client.setEndpoint(endpoint);
        this.intake = intake;
        this.scheduler = scheduler;
    }

    void start() {
        if (closed) {
            return;
        }
        relation = client.observe(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (response.isSuccess()) {
                    intake.submit(sensorId, response.getPayload(), outcome -> { });
                }
                if (!response.advanced().getOptions().hasObserve()) {
                    LOG.warn("coap observe of sensor {} not (or no longer) accepted; retrying", sensorId);
                    retryLater();
                }
            }

            @Override
            public void onError() {
                LOG.warn("coap observe of sensor {} failed; retrying in {} s", sensorId, RETRY_SECONDS);
                retryLater();
            }
        });
    }

    private void retryLater() {
        if (!closed) {
            scheduler.schedule(this::start, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        CoapObserveRelation r = relation;
        if (r != null) {
            r.proactiveCancel();
        }
        client.shutdown();
    }
}
