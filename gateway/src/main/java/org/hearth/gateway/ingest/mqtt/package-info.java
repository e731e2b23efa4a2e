/** MQTT adapters: the Paho subscriber and the embedded (Moquette) broker. Thin: decoding happens in the core. */
package org.hearth.gateway.ingest.mqtt;
