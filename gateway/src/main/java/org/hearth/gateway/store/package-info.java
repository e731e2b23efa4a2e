/**
 * Ports for durable state: the journal of sensor events with the rule state and raised alerts ({@link
 * org.hearth.gateway.store.HomeStore}), and the outbox of deliveries to the care record ({@link
 * org.hearth.gateway.store.Outbox}). Adapters (SQLite) live in sub-packages.
 */
package org.hearth.gateway.store;
