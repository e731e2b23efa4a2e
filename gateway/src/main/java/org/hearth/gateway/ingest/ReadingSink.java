package org.hearth.gateway.ingest;

/**
 * Where a transport that names the sensor itself (CoAP {@code POST /sensors/{id}}, Observe notifications) hands each
 * Hearth reading. Contract: when this returns {@link Decoded.Sequenced} the reading is stored (and its alerts
 * committed); any other outcome stored nothing and was counted. If it throws, nothing was stored and the adapter must
 * not acknowledge success, so the sender retries.
 */
@FunctionalInterface
public interface ReadingSink {
    Decoded onReading(String sensorId, byte[] payload);
}
