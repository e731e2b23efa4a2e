/** MQTT adapter of the escalation channel: publishes each escalation notice at QoS 1 with Paho. */
package org.hearth.gateway.escalation.mqtt;
