/**
 * Turning outside messages into sensor events: pure decoders ({@code bytes -> events | rejection}) and the closed set
 * of rejection reasons with their counters. Knows nothing of MQTT clients, SQLite or FHIR; adapters in sub-packages
 * feed it.
 */
package org.hearth.gateway.ingest;
