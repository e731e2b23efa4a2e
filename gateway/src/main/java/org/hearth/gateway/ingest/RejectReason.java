package org.hearth.gateway.ingest;

/** Why a message was turned away. A closed set, so every rejection is counted under a name an operator can read. */
public enum RejectReason {
    /** Not parseable JSON, or not a JSON object. */
    MALFORMED_JSON,
    /** The topic names a device that is not in the home's configuration. */
    UNKNOWN_SENSOR,
    /** A known field has the wrong JSON type for the sensor's kind (e.g. {@code "occupancy": "yes"}). */
    WRONG_TYPE,
    /** Larger than any real sensor message. */
    TOO_LARGE,
    /** A topic shape Hearth does not accept. */
    UNSUPPORTED_TOPIC,
    /** A number outside its documented range (e.g. a sample rate {@code hz} outside 20 to 200). */
    OUT_OF_RANGE,
    /** A Hearth topic message whose schema version {@code v} this gateway does not read. */
    UNSUPPORTED_VERSION,
    /** A sensor timestamp more than {@link ReadingTime#MAX_AGE} (24 h) before the gateway's receive time. */
    STALE,
    /** A Hearth topic message already taken in (same sensor, {@code seq} and {@code t}): an at-least-once redelivery. */
    DUPLICATE,
    /** A sensor timestamp more than {@link ReadingTime#MAX_AHEAD} (5 min) after the gateway's receive time. */
    FUTURE,
    /** A CoAP request over DTLS whose PSK identity is not the sensor it posts for. */
    UNAUTHORISED,
    /** The bounded ingest queue was full: the sender is told to retry later (CoAP 5.03). */
    BUSY;

    /** The metric-friendly name, e.g. {@code malformed_json}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
