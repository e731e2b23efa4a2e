/** The demo: a scripted day in one simulated home, through the real broker, gateway and care record. */
package org.hearth.simulator.demo;
