package org.hearth.rules.fall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;

/**
 * Detects falls in the accelerometer stream of a sensor worn at the waist (belt or pendant): an impact, then the
 * wearer lying quiet, in an orientation far from the one they had just before, for {@link FallThresholds#stillness()}.
 *
 * <p>A pure function, like the rest of {@code rules}: explicit state in ({@link FallState}, one per sensor), state
 * plus alerts out. The detector holds only its thresholds, never reads a clock and is immutable, so one instance may
 * serve any number of sensors and threads. Every instant it reports is derived from the samples' own times, so the
 * same samples give the same states and the same alerts however they are cut into batches, and shifting them in time
 * shifts every alert by the same amount.
 *
 * <p><b>Frames.</b> Samples are averaged into 50-ms frames on a grid that starts at the sensor's first sample. All
 * features are computed on frames, which makes the detector independent of the sample rate from 20 Hz (one sample per
 * frame) to 200 Hz (ten) and beyond: averaging over 50 ms is what a sensor sampling at 20 Hz does with its own
 * anti-alias filter, so a fall seen at 200 Hz and the same fall seen at 20 Hz give nearly the same frames. A frame is
 * processed once its last sample is in ({@code lastSample + period} reaches its end) or a sample of a later frame
 * arrives. Missing frames up to 250 ms are filled with the previous frame; a longer gap clears the history, so
 * stillness is never assumed across a gap in the data: it must be observed again.
 *
 * <p><b>Repeats.</b> Samples at or before the latest sample already taken in (a duplicate or overlapping batch, as
 * at-least-once delivery produces) are ignored, and only the part of a batch after it is used; so a repeated batch
 * changes nothing. Samples that fall into a frame already processed (clock jitter) are ignored too.
 *
 * <p><b>The rule</b>, with the defaults of {@link FallThresholds#defaults()}:
 * <ol>
 *   <li><i>Impact.</i> A frame whose mean magnitude reaches {@code impactG} (1.7 g) opens a candidate event. Impacts
 *       less than 1 s apart and within 3 s of the first belong to the same event; its onset is the strongest. The
 *       candidate remembers the posture before the event: the mean gravity vector of the one-second windows ending
 *       0.5, 1, 1.5 and 2 s before the first impact (a fall takes well under two seconds from loss of balance to
 *       impact, so at least one of them shows the wearer as they were).</li>
 *   <li><i>Lying.</i> A one-second window of frames after the last impact is quiet when the frames' magnitudes vary
 *       by at most {@code quietStdG} (0.05 g standard deviation: breathing and trembling pass, a step does not). Its
 *       mean is the gravity direction, that is the posture. The posture must differ by at least
 *       {@code minOrientationChangeDegrees} (60°) from one of the postures before the impact: upright to lying is
 *       about 90°, while sitting back in a chair stays well under 60°. No absolute orientation of the sensor is
 *       assumed.</li>
 *   <li><i>Not back up.</i> Once the wearer's upright direction is known, the posture must also be at least
 *       {@code minTiltFromUprightDegrees} (50°) from it: someone who sits up from lying (a jolt and a 90° turn, then
 *       still) is not lying. The upright direction is learnt from walking (two seconds of windows with 0.1 to 0.6 g
 *       of movement, mostly along gravity, and a mean magnitude within 0.15 g of 1 g), and until the wearer has
 *       walked it is the first posture seen, on the assumption that a worn sensor is put on while up. It is never
 *       learnt while a candidate is pending.</li>
 *   <li><i>Still.</i> When quiet lying windows follow one another for {@code stillness} (10 s), starting within
 *       {@code maxDelayToStillness} (30 s) of the last impact, one {@link AlertType#FALL_WEARABLE} alert is raised
 *       (about the strongest impact, if several candidates complete together, as a stumble and then the fall do) and
 *       every candidate is dropped: one alert per fall, however long the person then lies there. A new alert needs a
 *       new impact with a new change of posture.</li>
 * </ol>
 *
 * <p>The alert's onset is the start of the strongest impact frame; it is raised at the end of the frame that
 * completes the stillness. Its evidence (rule {@value #RULE}) has the required stillness as threshold, the stillness
 * observed as observed time, no events (the samples are not events), and a sentence with the impact in g, the
 * orientation changes in degrees, the stillness in seconds and UTC instants.
 */
public final class WearableFallDetector {

    /** {@link Evidence#rule()} of wearable fall alerts. */
    public static final String RULE = "fall.wearable";

    /** The length of a frame: samples are averaged over this before any feature is computed. */
    public static final Duration FRAME = Duration.ofMillis(50);

    private static final long FRAME_NANOS = FRAME.toNanos();
    /** One second of frames: the window for quietness, posture and gait. */
    private static final int WINDOW = 20;
    /** Missing frames up to this many (250 ms) are filled by holding the last frame; more clears the history. */
    private static final int MAX_HOLD_FRAMES = 5;
    private static final long CLUSTER_GAP_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long MAX_EVENT_NANOS = Duration.ofSeconds(3).toNanos();
    /** The postures before an impact: windows ending this many frames (2, 1.5, 1 and 0.5 s) before it. */
    private static final int[] BEFORE_ENDS = {40, 30, 20, 10};
    private static final int MIN_BEFORE_FRAMES = 5;
    private static final double GAIT_MIN_RMS_G = 0.1;
    private static final double GAIT_MAX_RMS_G = 0.6;
    private static final double GAIT_MIN_VERTICAL_SHARE = 0.5;
    private static final double GAIT_MAX_MEAN_DEVIATION_G = 0.15;
    private static final int GAIT_SUSTAIN_FRAMES = 40;
    private static final double UPRIGHT_LEARNING_RATE = 0.01;
    /** Tolerance for rounding of sample instants when deciding whether a frame is complete. */
    private static final long COMPLETE_TOLERANCE_NANOS = 1_000;

    private final FallThresholds thresholds;

    /** Creates a detector with {@link FallThresholds#defaults()}. */
    public WearableFallDetector() {
        this(FallThresholds.defaults());
    }

    /**
     * Creates a detector.
     *
     * @param thresholds the limits to apply
     */
    public WearableFallDetector(FallThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * The limits this detector applies.
     *
     * @return the thresholds
     */
    public FallThresholds thresholds() {
        return thresholds;
    }

    /**
     * Takes in one batch of samples from the sensor whose state {@code s} is (see the class description).
     *
     * @param s the sensor's current state ({@link FallState#initial()} before its first batch)
     * @param b the batch
     * @return the new state, and the fall alerts the batch completed (usually none)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the batch comes from another sensor than the state's
     */
    public FallStep onBatch(FallState s, AccelBatch b) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(b, "b");
        if (s.sensorId() != null && !s.sensorId().equals(b.sensorId())) {
            throw new IllegalArgumentException("state of sensor " + s.sensorId() + " given a batch of "
                    + b.sensorId() + ": keep one state per sensor");
        }
        Work w = new Work(s, b.sensorId());
        float[] x = b.x();
        float[] y = b.y();
        float[] z = b.z();
        for (int i = 0; i < x.length; i++) {
            Instant t = b.sampleTime(i);
            if (w.lastSampleAt != null && !t.isAfter(w.lastSampleAt)) {
                continue;
            }
            if (w.anchor == null) {
                w.anchor = t;
            }
            w.lastSampleAt = t;
            long slot = Math.floorDiv(Duration.between(w.anchor, t).toNanos(), FRAME_NANOS);
            if (w.pendingCount > 0 && slot != w.pendingSlot) {
                w.closePending();
            }
            if (w.pendingCount == 0) {
                if (slot <= w.lastFrameSlot) {
                    continue;
                }
                w.pendingSlot = slot;
            }
            w.sumX += x[i];
            w.sumY += y[i];
            w.sumZ += z[i];
            w.pendingCount++;
        }
        if (w.pendingCount > 0 && !w.lastSampleAt.plus(b.period()).plusNanos(COMPLETE_TOLERANCE_NANOS)
                .isBefore(w.frameStart(w.pendingSlot + 1))) {
            w.closePending();
        }
        return new FallStep(w.state(), w.alerts);
    }

    /** The features of the latest one-second window of frames. */
    private record Window(Vec3 mean, double magnitudeStd, double rms, double verticalShare) {
    }

    /** Mutable working copy of a {@link FallState} for the duration of one batch. */
    private final class Work {
        private final String sensorId;
        private Instant anchor;
        private Instant lastSampleAt;
        private long pendingSlot;
        private double sumX;
        private double sumY;
        private double sumZ;
        private int pendingCount;
        private long lastFrameSlot;
        private final ArrayDeque<Vec3> recent;
        private Vec3 upright;
        private boolean uprightFromGait;
        private int gaitFrames;
        private final List<FallCandidate> candidates;
        private final List<Alert> alerts = new ArrayList<>();

        Work(FallState s, String sensorId) {
            this.sensorId = sensorId;
            anchor = s.anchor();
            lastSampleAt = s.lastSampleAt();
            if (s.pending() != null) {
                pendingSlot = s.pending().slot();
                sumX = s.pending().sum().x();
                sumY = s.pending().sum().y();
                sumZ = s.pending().sum().z();
                pendingCount = s.pending().count();
            }
            lastFrameSlot = s.lastFrameSlot();
            recent = new ArrayDeque<>(s.recent());
            upright = s.upright();
            uprightFromGait = s.uprightFromGait();
            gaitFrames = s.gaitFrames();
            candidates = new ArrayList<>(s.candidates());
        }

        FallState state() {
            PendingFrame pending = pendingCount == 0 ? null
                    : new PendingFrame(pendingSlot, new Vec3(sumX, sumY, sumZ), pendingCount);
            return new FallState(anchor == null ? null : sensorId, anchor, lastSampleAt, pending, lastFrameSlot,
                    List.copyOf(recent), upright, uprightFromGait, gaitFrames, candidates);
        }

        Instant frameStart(long slot) {
            return anchor.plusNanos(slot * FRAME_NANOS);
        }

        void closePending() {
            Vec3 mean = new Vec3(sumX / pendingCount, sumY / pendingCount, sumZ / pendingCount);
            long slot = pendingSlot;
            pendingCount = 0;
            sumX = 0;
            sumY = 0;
            sumZ = 0;
            if (!recent.isEmpty()) {
                long missing = slot - lastFrameSlot - 1;
                if (missing > MAX_HOLD_FRAMES) {
                    clearHistory();
                } else {
                    Vec3 held = recent.peekLast();
                    for (long k = lastFrameSlot + 1; k < slot; k++) {
                        onFrame(k, held);
                    }
                }
            }
            onFrame(slot, mean);
        }

        /** A gap in the data: forget the frames, and let no quiet run or gait bridge it. */
        private void clearHistory() {
            recent.clear();
            gaitFrames = 0;
            candidates.replaceAll(c -> c.withQuietSince(null));
        }

        private void onFrame(long slot, Vec3 frame) {
            recent.addLast(frame);
            if (recent.size() > FallState.MAX_RECENT_FRAMES) {
                recent.removeFirst();
            }
            lastFrameSlot = slot;
            Instant start = frameStart(slot);
            Window window = recent.size() >= WINDOW ? window() : null;
            if (window != null) {
                learnUpright(window);
            }
            double g = frame.norm();
            if (g >= thresholds.impactG()) {
                onImpact(start, g);
            }
            confirm(start, window);
        }

        private Window window() {
            Vec3[] frames = new Vec3[WINDOW];
            Iterator<Vec3> it = recent.descendingIterator();
            for (int i = WINDOW - 1; i >= 0; i--) {
                frames[i] = it.next();
            }
            double mx = 0;
            double my = 0;
            double mz = 0;
            double mm = 0;
            for (Vec3 f : frames) {
                mx += f.x();
                my += f.y();
                mz += f.z();
                mm += f.norm();
            }
            mx /= WINDOW;
            my /= WINDOW;
            mz /= WINDOW;
            mm /= WINDOW;
            Vec3 mean = new Vec3(mx, my, mz);
            Vec3 up = mean.unit();
            double magVar = 0;
            double dev2 = 0;
            double vert2 = 0;
            for (Vec3 f : frames) {
                double dm = f.norm() - mm;
                magVar += dm * dm;
                double dx = f.x() - mx;
                double dy = f.y() - my;
                double dz = f.z() - mz;
                dev2 += dx * dx + dy * dy + dz * dz;
                double v = dx * up.x() + dy * up.y() + dz * up.z();
                vert2 += v * v;
            }
            double rms = Math.sqrt(dev2 / WINDOW);
            double share = dev2 == 0 ? 0 : Math.sqrt(vert2 / dev2);
            return new Window(mean, Math.sqrt(magVar / WINDOW), rms, share);
        }

        private void learnUpright(Window w) {
            boolean gait = w.rms() >= GAIT_MIN_RMS_G && w.rms() <= GAIT_MAX_RMS_G
                    && w.verticalShare() >= GAIT_MIN_VERTICAL_SHARE
                    && Math.abs(w.mean().norm() - 1) <= GAIT_MAX_MEAN_DEVIATION_G;
            gaitFrames = gait ? Math.min(gaitFrames + 1, GAIT_SUSTAIN_FRAMES) : 0;
            if (!candidates.isEmpty()) {
                return; // never learn from what may be a fall
            }
            Vec3 posture = w.mean().unit();
            if (upright == null) {
                upright = posture;
            } else if (gaitFrames >= GAIT_SUSTAIN_FRAMES) {
                if (!uprightFromGait) {
                    upright = posture;
                    uprightFromGait = true;
                } else {
                    upright = new Vec3(upright.x() + UPRIGHT_LEARNING_RATE * (posture.x() - upright.x()),
                            upright.y() + UPRIGHT_LEARNING_RATE * (posture.y() - upright.y()),
                            upright.z() + UPRIGHT_LEARNING_RATE * (posture.z() - upright.z())).unit();
                }
            }
        }

        private void onImpact(Instant at, double g) {
            FallCandidate last = candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
            if (last != null && Duration.between(last.lastImpact(), at).toNanos() <= CLUSTER_GAP_NANOS
                    && Duration.between(last.firstImpact(), at).toNanos() <= MAX_EVENT_NANOS) {
                candidates.set(candidates.size() - 1, last.withImpact(at, g));
                return;
            }
            List<Vec3> before = before();
            if (before.isEmpty()) {
                return; // no history to compare with (the very start, or just after a gap)
            }
            candidates.add(new FallCandidate(at, at, at, g, before, null));
            if (candidates.size() > FallState.MAX_CANDIDATES) {
                FallCandidate weakest = candidates.get(0);
                for (FallCandidate c : candidates) {
                    if (c.peakG() < weakest.peakG()) {
                        weakest = c;
                    }
                }
                candidates.remove(weakest);
            }
        }

        /** The postures before the current (impact) frame, from the windows that the history holds. */
        private List<Vec3> before() {
            Vec3[] frames = recent.toArray(new Vec3[0]);
            int current = frames.length - 1;
            List<Vec3> postures = new ArrayList<>(BEFORE_ENDS.length);
            for (int end : BEFORE_ENDS) {
                int to = current - end;
                int from = Math.max(0, to - WINDOW);
                if (to - from < MIN_BEFORE_FRAMES) {
                    continue;
                }
                double sx = 0;
                double sy = 0;
                double sz = 0;
                for (int i = from; i < to; i++) {
                    sx += frames[i].x();
                    sy += frames[i].y();
                    sz += frames[i].z();
                }
                int n = to - from;
                postures.add(new Vec3(sx / n, sy / n, sz / n));
            }
            return postures;
        }

        private void confirm(Instant frameStart, Window w) {
            if (candidates.isEmpty()) {
                return;
            }
            Instant frameEnd = frameStart.plus(FRAME);
            Instant windowStart = frameStart.minus(FRAME.multipliedBy(WINDOW - 1));
            boolean quiet = w != null && w.magnitudeStd() <= thresholds.quietStdG();
            double tilt = w == null || upright == null ? Double.NaN : upright.angleDegreesTo(w.mean());
            boolean notUpright = upright == null || tilt >= thresholds.minTiltFromUprightDegrees();
            FallCandidate confirmed = null;
            double confirmedChange = 0;
            for (int i = 0; i < candidates.size(); i++) {
                FallCandidate c = candidates.get(i);
                double change = w == null ? 0 : c.orientationChangeDegrees(w.mean());
                boolean lying = quiet && notUpright && windowStart.isAfter(c.lastImpact())
                        && change >= thresholds.minOrientationChangeDegrees();
                Instant since = null;
                if (lying) {
                    since = c.quietSince();
                    if (since == null && Duration.between(c.lastImpact(), windowStart)
                            .compareTo(thresholds.maxDelayToStillness()) <= 0) {
                        since = windowStart;
                    }
                }
                c = c.withQuietSince(since);
                candidates.set(i, c);
                // Several candidates (a stumble, then the fall) may complete on the same frame: the strongest
                // impact is the fall's, so it gives the onset and the evidence.
                if (since != null && Duration.between(since, frameEnd).compareTo(thresholds.stillness()) >= 0
                        && (confirmed == null || c.peakG() >= confirmed.peakG())) {
                    confirmed = c;
                    confirmedChange = change;
                }
            }
            if (confirmed != null) {
                alerts.add(alert(confirmed, frameEnd, confirmedChange, tilt));
                candidates.clear();
                return;
            }
            candidates.removeIf(c -> c.quietSince() == null
                    && Duration.between(c.lastImpact(), frameStart).compareTo(thresholds.maxDelayToStillness()) > 0);
        }

        private Alert alert(FallCandidate c, Instant raisedAt, double change, double tilt) {
            Duration still = Duration.between(c.quietSince(), raisedAt);
            String upText = Double.isNaN(tilt)
                    ? "; the wearer's upright direction is not known yet"
                    : String.format(Locale.ROOT, " and %.0f° from upright (needs %.0f°)", tilt,
                            thresholds.minTiltFromUprightDegrees());
            String explanation = String.format(Locale.ROOT,
                    "Fall seen by wearable %s: impact of %.1f g at %s, then lying still for %s s until %s, turned"
                            + " %.0f° from the posture before the impact (needs %.0f°)%s",
                    sensorId, c.peakG(), c.peakAt(), seconds(still), raisedAt, change,
                    thresholds.minOrientationChangeDegrees(), upText);
            Evidence evidence = new Evidence(List.of(), RULE, thresholds.stillness(), still, explanation);
            return new Alert(AlertType.FALL_WEARABLE, sensorId, c.peakAt(), raisedAt, evidence);
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
