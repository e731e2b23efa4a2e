/** Simulated homes: sensors that publish real Zigbee2MQTT messages to a real broker. */
package org.hearth.simulator.home;
