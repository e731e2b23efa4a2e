/**
 * The gateway's core use case: decoded events go through the pure rules engine and are committed with the new rule
 * state and any alerts in one transaction, before the message is acknowledged. Depends on ports only (ingest, store,
 * rules), never on MQTT, SQLite or FHIR.
 */
package org.hearth.gateway.engine;
