package org.hearth.rules.fall;

/**
 * An acceleration vector in the sensor's own axes, in g (1 g = 9.80665 m/s²). Used for 50-ms frame means and for
 * gravity directions; an immutable value.
 *
 * @param x acceleration along the sensor's x axis, in g
 * @param y acceleration along the sensor's y axis, in g
 * @param z acceleration along the sensor's z axis, in g
 */
public record Vec3(double x, double y, double z) {

    /**
     * Validates the vector.
     *
     * @param x see the record description
     * @param y see the record description
     * @param z see the record description
     * @throws IllegalArgumentException if a component is not finite
     */
    public Vec3 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("vector components must be finite: " + x + ", " + y + ", " + z);
        }
    }

    /**
     * The magnitude (Euclidean norm), the "signal magnitude vector" of fall-detection papers.
     *
     * @return the magnitude in g
     */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /**
     * The angle between this vector and another, ignoring their magnitudes.
     *
     * @param other the other vector
     * @return the angle in degrees, 0 to 180; 0 if either vector is zero
     */
    public double angleDegreesTo(Vec3 other) {
        double n = norm() * other.norm();
        if (n == 0) {
            return 0;
        }
        double cos = (x * other.x + y * other.y + z * other.z) / n;
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /**
     * This vector scaled to magnitude 1.
     *
     * @return the unit vector, or this vector if it is zero
     */
    public Vec3 unit() {
        double n = norm();
        return n == 0 ? this : new Vec3(x / n, y / n, z / n);
    }
}
