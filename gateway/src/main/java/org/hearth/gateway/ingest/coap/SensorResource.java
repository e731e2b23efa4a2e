package org.hearth.gateway.ingest.coap;

import java.security.Principal;
import java.util.Map;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.RejectReason;

/**
 * {@code /sensors/{id}}: a POST is one Hearth reading of that sensor. Answered 2.04 only once the reading is committed.
 * Over DTLS, the peer's PSK identity must be the one configured for this sensor (4.01 otherwise).
 */
final class SensorResource extends CoapResource {
    private final ReadingIntake intake;
    private final Map<String, String> sensorByIdentity;

    SensorResource(String sensorId, ReadingIntake intake, Map<String, String> sensorByIdentity) {
        super(sensorId);
        this.intake = intake;
        this.sensorByIdentity = sensorByIdentity;
        getAttributes().setTitle("Hearth reading (POST, JSON schema v1)");
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_JSON);
        getAttributes().addResourceType("hearth.reading");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        String sensorId = getName();
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        if (peer != null && !authorised(peer, sensorId)) {
            respond(exchange, intake.reject(RejectReason.UNAUTHORISED));
            return;
        }
        byte[] payload = exchange.getRequestPayload();
        if (payload != null && payload.length > CaliforniumConfig.MAX_BODY_BYTES) {
            respond(exchange, intake.reject(RejectReason.TOO_LARGE));
            return;
        }
        intake.submit(sensorId, payload, outcome -> respond(exchange, outcome));
    }

    private boolean authorised(Principal peer, String sensorId) {
        if (!(peer instanceof PreSharedKeyIdentity psk)) {
            return false; // only PSKs are configured; any other credential is not a sensor of this home
        }
        return sensorId.equals(sensorByIdentity.get(psk.getIdentity()));
    }

    private static void respond(CoapExchange exchange, Decoded outcome) {
        if (outcome == null) {
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR);
            return;
        }
        exchange.respond(CoapOutcome.code(outcome), CoapOutcome.body(outcome), MediaTypeRegistry.TEXT_PLAIN);
    }
}
