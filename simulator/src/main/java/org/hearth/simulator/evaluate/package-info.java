/**
 * Evaluation of the detection rules on real recordings in {@code shared/data}: the SisFall reader
 * ({@link org.hearth.simulator.evaluate.SisFallReader}) and the wearable fall evaluation
 * ({@link org.hearth.simulator.evaluate.FallEvaluation}, command {@code evaluate-falls}).
 *
 * <p>The data is read where it lies and never copied into the project. SisFall (Sucerquia, López, Vargas-Bonilla,
 * Sensors 2017, 17(1):198) is research data without a redistribution licence: cite it, keep it out of anything shipped.
 *
 * <p>Depends on: {@code org.hearth.rules} (the detector under test), picocli for the command, and the JDK.
 */
package org.hearth.simulator.evaluate;
