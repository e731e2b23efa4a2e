/** Real MQTT brokers run as processes for fault runs and tests. */
package org.hearth.simulator.broker;
