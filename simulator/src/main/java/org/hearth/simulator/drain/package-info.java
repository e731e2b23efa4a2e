/** {@code drain}: how fast the gateway's uplink empties an outage backlog into the care record, against the ceiling. */
package org.hearth.simulator.drain;
