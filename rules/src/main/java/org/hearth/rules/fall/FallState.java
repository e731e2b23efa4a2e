package org.hearth.rules.fall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link WearableFallDetector} remembers about one worn sensor between batches: an immutable value of
 * bounded size, suitable for snapshots (every component is a plain value; equal states behave identically).
 *
 * <p>The detector works on 50-ms frames: the mean of the samples taken in each 50 ms, on a grid that starts at the
 * first sample the sensor ever sent ({@link #anchor()}), so shifting a whole recording in time shifts every result by
 * the same amount. At most {@link #MAX_RECENT_FRAMES} frames (3.2 s) and {@link #MAX_CANDIDATES} candidate events are
 * kept, whatever the sample rate.
 *
 * @param sensorId        the sensor this state belongs to, or null before its first batch
 * @param anchor          the instant of the sensor's first sample: frame {@code k} starts {@code k × 50 ms} after it;
 *                        null before the first sample
 * @param lastSampleAt    the instant of the latest sample taken in; samples at or before it are ignored as repeats;
 *                        null before the first sample
 * @param pending         the frame still collecting samples, or null
 * @param lastFrameSlot   slot index of the newest frame in {@code recent}; -1 when {@code recent} is empty
 * @param recent          the latest complete frames, oldest first, one per consecutive slot ending at
 *                        {@code lastFrameSlot}, in g; at most {@link #MAX_RECENT_FRAMES}; stored as an immutable copy
 * @param upright         the wearer's upright gravity direction (unit vector) as far as it is known, or null
 * @param uprightFromGait whether {@code upright} was learnt from walking (true) or is the first posture seen (false)
 * @param gaitFrames      how many consecutive frames ended a second that looked like walking (capped)
 * @param candidates      impacts waiting for confirmation, oldest first; at most {@link #MAX_CANDIDATES}; stored as an
 *                        immutable copy
 */
public record FallState(String sensorId, Instant anchor, Instant lastSampleAt, PendingFrame pending,
        long lastFrameSlot, List<Vec3> recent, Vec3 upright, boolean uprightFromGait, int gaitFrames,
        List<FallCandidate> candidates) {

    /** The most 50-ms frames a state keeps: 3.2 s, enough for the two seconds before an impact and a 1-s window. */
    public static final int MAX_RECENT_FRAMES = 64;

    /** The most candidate events a state keeps; when more arrive, the one with the weakest impact is dropped. */
    public static final int MAX_CANDIDATES = 4;

    private static final FallState INITIAL = new FallState(null, null, null, null, -1, List.of(), null, false, 0,
            List.of());

    /**
     * Validates the state and copies the lists.
     *
     * @param sensorId see the record description
     * @param anchor see the record description
     * @param lastSampleAt see the record description
     * @param pending see the record description
     * @param lastFrameSlot see the record description
     * @param recent see the record description
     * @param upright see the record description
     * @param uprightFromGait see the record description
     * @param gaitFrames see the record description
     * @param candidates see the record description
     * @throws NullPointerException     if a list or a list element is null
     * @throws IllegalArgumentException if the components contradict each other or a bound is exceeded
     */
    public FallState {
        recent = List.copyOf(Objects.requireNonNull(recent, "recent"));
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        if ((anchor == null) != (lastSampleAt == null) || (anchor == null) != (sensorId == null)) {
            throw new IllegalArgumentException("sensorId, anchor and lastSampleAt must all be set or all be null");
        }
        if (anchor != null && lastSampleAt.isBefore(anchor)) {
            throw new IllegalArgumentException("lastSampleAt must not be before anchor");
        }
        if (anchor == null && (pending != null || !recent.isEmpty() || !candidates.isEmpty())) {
            throw new IllegalArgumentException("a state without samples has no frames or candidates");
        }
        if (recent.size() > MAX_RECENT_FRAMES || candidates.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException("at most " + MAX_RECENT_FRAMES + " frames and " + MAX_CANDIDATES
                    + " candidates, got " + recent.size() + " and " + candidates.size());
        }
        if (recent.isEmpty() ? lastFrameSlot != -1 : lastFrameSlot < recent.size() - 1) {
            throw new IllegalArgumentException("lastFrameSlot " + lastFrameSlot + " does not fit " + recent.size()
                    + " recent frames");
        }
        if (pending != null && pending.slot() <= lastFrameSlot) {
            throw new IllegalArgumentException("the pending frame must come after the last complete frame");
        }
        if (upright == null && uprightFromGait) {
            throw new IllegalArgumentException("uprightFromGait needs an upright direction");
        }
        if (gaitFrames < 0) {
            throw new IllegalArgumentException("gaitFrames must not be negative");
        }
    }

    /**
     * The state of a sensor that has sent nothing yet.
     *
     * @return the initial state
     */
    public static FallState initial() {
        return INITIAL;
    }
}
