package org.hearth.gateway.ingest;

/**
 * One message as a transport received it, before decoding.
 *
 * @param topic   the MQTT topic (or the transport's equivalent)
 * @param payload the raw bytes
 */
public record InboundMessage(String topic, byte[] payload) {}
