package org.hearth.gateway.uplink;

import org.hearth.gateway.store.OutboxItem;

/**
 * The shared care record. Contract: {@link #send} is idempotent for the same item (it uses the item's business
 * identifier for a conditional create), never throws for a remote failure, and returns how to proceed.
 */
public interface CareRecord {
    Delivery send(OutboxItem item);
}
