/**
 * Ports for durable state: the journal of sensor events with the rule state and raised alerts ({@link
 * org.hearth.gateway.store.HomeStore}), and the outbox of deliveries to the care record ({@link
 * org.hearth.gateway.store.Outbox}), and the alert lifecycle after delivery: acknowledgements, their cursor and
 * escalations ({@link org.hearth.gateway.store.AlertLifecycle}). Adapters (SQLite) live in sub-packages.
 */
package org.hearth.gateway.store;
