/**
 * Composition root and command line: wires config, store, rules, ingest adapters and uplink by hand (no container),
 * and owns every thread and the lifecycle.
 */
package org.hearth.gateway.app;
