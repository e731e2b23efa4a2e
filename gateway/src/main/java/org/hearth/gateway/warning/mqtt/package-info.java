/**
 * The MQTT adapter of the local warning: {@link org.hearth.gateway.warning.mqtt.PahoWarningChannel} publishes warning
 * messages at QoS 1 with Paho. Uses no other adapter.
 */
package org.hearth.gateway.warning.mqtt;
