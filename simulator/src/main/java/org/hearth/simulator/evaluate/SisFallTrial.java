package org.hearth.simulator.evaluate;

import java.util.Arrays;
import java.util.Objects;

/**
 * One SisFall trial as the wearable fall detector sees it: the waist-worn ADXL345 accelerometer's three axes, in g,
 * sampled at {@value #RATE_HZ} Hz. The arrays are copied on the way in and out.
 *
 * @param name what the file name says (code, subject, repetition)
 * @param x    acceleration along the sensor's x axis, in g
 * @param y    acceleration along y, in g (about -1 g when the wearer stands upright)
 * @param z    acceleration along z, in g
 */
public record SisFallTrial(TrialName name, float[] x, float[] y, float[] z) {

    /** SisFall's sample rate, in Hz. */
    public static final int RATE_HZ = 200;

    /**
     * Validates the trial and copies the samples.
     *
     * @param name see the record description
     * @param x see the record description
     * @param y see the record description
     * @param z see the record description
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if the axes differ in length
     */
    public SisFallTrial {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length || x.length != z.length) {
            throw new IllegalArgumentException("axes differ in length");
        }
        x = x.clone();
        y = y.clone();
        z = z.clone();
    }

    /**
     * The x samples.
     *
     * @return a copy, in g
     */
    @Override
    public float[] x() {
        return x.clone();
    }

    /**
     * The y samples.
     *
     * @return a copy, in g
     */
    @Override
    public float[] y() {
        return y.clone();
    }

    /**
     * The z samples.
     *
     * @return a copy, in g
     */
    @Override
    public float[] z() {
        return z.clone();
    }

    /**
     * How many samples the trial holds.
     *
     * @return the number of samples
     */
    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SisFallTrial t && name.equals(t.name)
                && Arrays.equals(x, t.x) && Arrays.equals(y, t.y) && Arrays.equals(z, t.z);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(z));
    }

    @Override
    public String toString() {
        return "SisFallTrial[" + name + ", " + size() + " samples]";
    }
}
