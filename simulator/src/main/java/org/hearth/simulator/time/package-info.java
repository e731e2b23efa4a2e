/** Virtual time for simulations: a clock the simulator moves, shared with the real gateway it drives. */
package org.hearth.simulator.time;
