/** Fault runs against the real gateway as a child process: kill -9 at seeded moments, then count what the care record holds. */
package org.hearth.simulator.soak;
