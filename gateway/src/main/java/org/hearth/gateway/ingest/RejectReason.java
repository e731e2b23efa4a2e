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
    UNSUPPORTED_TOPIC;

    /** The metric-friendly name, e.g. {@code malformed_json}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
