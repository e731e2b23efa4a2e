/**
 * The daily summary job: at each local midnight of the home's zone (on the injected clock) it summarises the
 * previous day from the journal, updates the resident's baseline and queues the shared measures in the outbox behind
 * the alerts. Restart-exact: the last day summarised is stored with the baseline and the outbox row, in one commit.
 * Uses the pure summariser in {@code org.hearth.rules.summary} and the ports in {@code org.hearth.gateway.store}.
 */
package org.hearth.gateway.summary;
