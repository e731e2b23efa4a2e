/** Faults injected between the gateway and its peers, e.g. a care record whose responses get lost. */
package org.hearth.simulator.faults;
