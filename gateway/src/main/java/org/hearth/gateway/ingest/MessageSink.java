package org.hearth.gateway.ingest;

/**
 * Where a transport adapter hands each received message. Contract (Paho's): the message is stored when this returns;
 * if it throws, nothing was stored and the adapter must not acknowledge it, so the broker redelivers it.
 */
@FunctionalInterface
public interface MessageSink {
    void onMessage(String topic, byte[] payload);
}
