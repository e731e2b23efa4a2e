/**
 * Scenario files: homes, residents' routines and injected events, played through the real gateway in virtual or
 * real time, scored against their ground truth and reported as one HTML file.
 */
package org.hearth.simulator.scenario;
