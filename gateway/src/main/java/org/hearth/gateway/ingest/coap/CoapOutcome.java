package org.hearth.gateway.ingest.coap;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.RejectReason;

/** The CoAP response code for each ingest outcome (README "CoAP resources"). */
final class CoapOutcome {
    private CoapOutcome() {
    }

    static ResponseCode code(Decoded outcome) {
        if (outcome instanceof Decoded.Rejected r) {
            return code(r.reason());
        }
        return ResponseCode.CHANGED;
    }

    static ResponseCode code(RejectReason reason) {
        return switch (reason) {
            // already stored: the sender's retry succeeded earlier, so it is told so (idempotent POST)
            case DUPLICATE -> ResponseCode.CHANGED;
            case UNKNOWN_SENSOR, UNSUPPORTED_TOPIC -> ResponseCode.NOT_FOUND;
            case TOO_LARGE -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
            case UNAUTHORISED -> ResponseCode.UNAUTHORIZED;
            case BUSY -> ResponseCode.SERVICE_UNAVAILABLE;
            default -> ResponseCode.BAD_REQUEST;
        };
    }

    /** The response body: the reject reason's label, or empty when accepted. */
    static String body(Decoded outcome) {
        return outcome instanceof Decoded.Rejected r ? r.reason().label() : "";
    }
}
