/**
 * Adapter: the gateway's outbound MQTT publishing, shared by the local warning and escalation channels. Uses no other
 * adapter.
 */
package org.hearth.gateway.mqtt;
