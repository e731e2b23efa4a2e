/**
 * {@code fuzz}: feeds random and mutated inputs, grown from a seed corpus of real payload shapes, to every decoder
 * of the real gateway and to its config loader, and counts anything but a clean outcome as a crash.
 */
package org.hearth.simulator.fuzz;
