package org.hearth.gateway.uplink;

import java.util.List;
import org.hearth.gateway.store.OutboxItem;

/**
 * The shared care record. Contract: sending is idempotent for the same items (each carries its business identifier
 * for a conditional create), never throws for a remote failure, and says how to proceed.
 */
public interface CareRecord {

    /** Sends one item. */
    Delivery send(OutboxItem item);

    /**
     * Sends several items in one atomic request: the answer applies to all of them, and an {@link Delivery.Accepted}
     * carries the references of each item, in order, separated by {@code ;}. By default, one at a time.
     */
    default Delivery sendAll(List<OutboxItem> items) {
        if (items.size() == 1) {
            return send(items.get(0));
        }
        throw new UnsupportedOperationException("this care record sends one item at a time");
    }
}
