package org.hearth.rules.fall;

/**
 * The samples received so far for a 50-ms frame that is not complete yet: part of {@link FallState}.
 *
 * @param slot  index of the frame: it starts {@code slot × 50 ms} after {@link FallState#anchor()}
 * @param sum   the sum of the frame's samples so far, in g
 * @param count how many samples that is, at least 1
 */
public record PendingFrame(long slot, Vec3 sum, int count) {

    /**
     * Validates the frame.
     *
     * @param slot see the record description
     * @param sum see the record description
     * @param count see the record description
     * @throws NullPointerException     if {@code sum} is null
     * @throws IllegalArgumentException if {@code slot} is negative or {@code count} is not positive
     */
    public PendingFrame {
        java.util.Objects.requireNonNull(sum, "sum");
        if (slot < 0 || count < 1) {
            throw new IllegalArgumentException("need slot >= 0 and count >= 1, got " + slot + ", " + count);
        }
    }

    /**
     * The mean of the samples so far.
     *
     * @return the mean acceleration, in g
     */
    public Vec3 mean() {
        return new Vec3(sum.x() / count, sum.y() / count, sum.z() / count);
    }
}
