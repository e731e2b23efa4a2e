package org.hearth.rules.fall;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A run of evenly spaced three-axis accelerometer samples from one worn sensor, typically one second's worth.
 *
 * <p>Sample {@code i} was taken at {@link #sampleTime(int) start + round(i × 10⁹ / rateHz) ns}. Samples are in g
 * (1 g = 9.80665 m/s²), in the sensor's own axes: the detector makes no assumption about how the sensor is mounted.
 * The arrays are copied on the way in and on the way out, so a batch is an immutable value; {@link #equals},
 * {@link #hashCode} and {@link #toString} look at the samples' contents.
 *
 * @param sensorId opaque id of the worn sensor (never a person's name)
 * @param start    when the first sample was taken
 * @param rateHz   samples per second; the detector is built for 20 to 200 Hz, any rate in (0, 1000] is accepted
 * @param x        acceleration along the sensor's x axis, in g, one value per sample
 * @param y        acceleration along y, in g; same length as {@code x}
 * @param z        acceleration along z, in g; same length as {@code x}
 */
public record AccelBatch(String sensorId, Instant start, double rateHz, float[] x, float[] y, float[] z) {

    /** The highest rate accepted, in Hz. */
    public static final double MAX_RATE_HZ = 1000;

    /**
     * Validates the batch and copies the samples.
     *
     * @param sensorId see the record description
     * @param start see the record description
     * @param rateHz see the record description
     * @param x see the record description
     * @param y see the record description
     * @param z see the record description
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if {@code sensorId} is blank, the rate is not in (0, 1000], the arrays differ in
     *                                  length, or a sample is not finite
     */
    public AccelBatch {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(z, "z");
        if (sensorId.isBlank()) {
            throw new IllegalArgumentException("sensorId must not be blank");
        }
        if (!(rateHz > 0 && rateHz <= MAX_RATE_HZ)) {
            throw new IllegalArgumentException("rateHz must be in (0, " + MAX_RATE_HZ + "], got " + rateHz);
        }
        if (x.length != y.length || x.length != z.length) {
            throw new IllegalArgumentException("x, y and z must have the same length, got "
                    + x.length + ", " + y.length + ", " + z.length);
        }
        x = x.clone();
        y = y.clone();
        z = z.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i]) || !Float.isFinite(y[i]) || !Float.isFinite(z[i])) {
                throw new IllegalArgumentException("sample " + i + " is not finite");
            }
        }
    }

    /**
     * The x samples.
     *
     * @return a copy of the x samples, in g
     */
    @Override
    public float[] x() {
        return x.clone();
    }

    /**
     * The y samples.
     *
     * @return a copy of the y samples, in g
     */
    @Override
    public float[] y() {
        return y.clone();
    }

    /**
     * The z samples.
     *
     * @return a copy of the z samples, in g
     */
    @Override
    public float[] z() {
        return z.clone();
    }

    /**
     * How many samples the batch holds.
     *
     * @return the number of samples, possibly 0
     */
    public int size() {
        return x.length;
    }

    /**
     * When sample {@code i} was taken: {@code start + round(i × 10⁹ / rateHz)} nanoseconds.
     *
     * @param i the sample index, {@code 0 <= i < size()} (or {@code size()} for the instant just after the batch)
     * @return the instant of sample {@code i}
     * @throws IndexOutOfBoundsException if {@code i} is negative or greater than {@code size()}
     */
    public Instant sampleTime(int i) {
        Objects.checkIndex(i, x.length + 1);
        return start.plusNanos(Math.round(i * 1e9 / rateHz));
    }

    /**
     * The nominal time between two samples, {@code round(10⁹ / rateHz)} nanoseconds.
     *
     * @return the sample period
     */
    public Duration period() {
        return Duration.ofNanos(Math.round(1e9 / rateHz));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccelBatch b && sensorId.equals(b.sensorId) && start.equals(b.start)
                && Double.compare(rateHz, b.rateHz) == 0
                && Arrays.equals(x, b.x) && Arrays.equals(y, b.y) && Arrays.equals(z, b.z);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sensorId, start, rateHz, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(z));
    }

    @Override
    public String toString() {
        return "AccelBatch[sensorId=" + sensorId + ", start=" + start + ", rateHz=" + rateHz + ", samples=" + size()
                + "]";
    }
}
