package org.hearth.gateway.ingest;

import java.util.List;

/**
 * Where {@link GroupCommit} hands a batch. Contract: when this returns, every message of the batch is stored; if it
 * throws, none is, and none may be acknowledged.
 */
@FunctionalInterface
public interface BatchSink {
    void onMessages(List<InboundMessage> batch);
}
