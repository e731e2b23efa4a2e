package org.hearth.simulator.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.fall.FallState;
import org.hearth.rules.fall.FallStep;
import org.hearth.rules.fall.WearableFallDetector;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;

/**
 * Measures the wearable fall detector on SisFall trials: sensitivity on the fall ({@code F}) trials, specificity on
 * the daily-living ({@code D}) trials, one decision per file.
 *
 * <p>Each trial is replayed into a fresh {@link FallState} as the gateway would receive it from a worn sensor:
 * <ol>
 *   <li>The ADXL345 axes (g) are brought to the requested rate. Below 200 Hz each output sample is the <b>average</b>
 *       of the 200-Hz samples in its period ({@code [i/rate, (i+1)/rate)}), which is what a sensor sampling at the
 *       lower rate does with its anti-alias low-pass filter; plain decimation would instead keep or miss a 10-ms impact
 *       spike by chance. A trailing period that is not complete is dropped.</li>
 *   <li>The samples go in as one-second batches, starting at the fixed virtual instant {@link #VIRTUAL_START} (the
 *       same for every trial), so every result is reproducible.</li>
 *   <li>Then the trial's own last second is repeated {@value #TAIL_SECONDS} times (as further one-second batches,
 *       continuing the timeline): the person stays as they ended, so a confirmation that needs stillness can
 *       complete. SisFall trials end a few seconds after the fall.</li>
 * </ol>
 * A fall trial is caught if any {@link AlertType#FALL_WEARABLE} alert is raised during its replay; a daily-living trial
 * is a false alarm if one is.
 */
public final class FallEvaluation {

    /** Where every replayed trial starts: a fixed instant, so results are reproducible. */
    public static final Instant VIRTUAL_START = Instant.parse("2026-01-05T10:00:00Z");

    /** The sensor id the trials are replayed under. */
    public static final String SENSOR_ID = "sisfall-waist";

    /** How many times the trial's last second is repeated after it. */
    public static final int TAIL_SECONDS = 60;
    /** The largest share of trial files that may be unreadable (each skipped with a warning) before a run fails. */
    public static final double MAX_UNREADABLE_SHARE = 0.01;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FallEvaluation.class);

    private FallEvaluation() {
    }

    /**
     * The figures of one evaluation.
     *
     * @param trials           how many trials were replayed
     * @param falls            how many of them contain a fall
     * @param adls             how many are activities of daily living
     * @param caught           fall trials that raised a fall alert
     * @param falseAlarms      daily-living trials that raised a fall alert
     * @param sensitivity      {@code caught / falls}; NaN without fall trials
     * @param specificity      {@code 1 - falseAlarms / adls}; NaN without daily-living trials
     * @param missed           names of the fall trials that raised no alert, for example {@code F08_SA03_R01}, sorted
     * @param falseAlarmTrials names of the daily-living trials that raised an alert, sorted
     */
    public record FallResult(int trials, int falls, int adls, int caught, int falseAlarms, double sensitivity,
            double specificity, List<String> missed, List<String> falseAlarmTrials) {

        /**
         * Validates the result and copies the lists.
         *
         * @param trials see the record description
         * @param falls see the record description
         * @param adls see the record description
         * @param caught see the record description
         * @param falseAlarms see the record description
         * @param sensitivity see the record description
         * @param specificity see the record description
         * @param missed see the record description
         * @param falseAlarmTrials see the record description
         * @throws IllegalArgumentException if the counts do not add up
         */
        public FallResult {
            missed = List.copyOf(missed);
            falseAlarmTrials = List.copyOf(falseAlarmTrials);
            if (falls + adls != trials || caught + missed.size() != falls || falseAlarms != falseAlarmTrials.size()
                    || falseAlarms > adls) {
                throw new IllegalArgumentException("counts do not add up");
            }
        }

        /**
         * One line for people, for example
         * {@code "244 trials: sensitivity 1.000 (105/105 falls), specificity 1.000 (0 false alarms in 139 ADLs)"}.
         *
         * @return the summary
         */
        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "%d trials: sensitivity %.3f (%d/%d falls), specificity %.3f (%d false alarms in %d ADLs)",
                    trials, sensitivity, caught, falls, specificity, falseAlarms, adls);
        }
    }

    /**
     * Replays every trial under {@code sisfallDir} into a detector with the default thresholds.
     *
     * @param sisfallDir the SisFall folder (trial files at any depth)
     * @param rateHz     the sample rate to replay at, 1 to 200 Hz
     * @return the figures
     * @throws IOException              if the folder or a trial cannot be read
     * @throws IllegalArgumentException if the rate is out of range
     */
    public static FallResult run(Path sisfallDir, int rateHz) throws IOException {
        return run(sisfallDir, rateHz, new WearableFallDetector());
    }

    /**
     * Replays every trial under {@code sisfallDir} into the given detector.
     *
     * @param sisfallDir the SisFall folder (trial files at any depth)
     * @param rateHz     the sample rate to replay at, 1 to 200 Hz
     * @param detector   the detector to measure
     * @return the figures
     * @throws IOException              if the folder or a trial cannot be read, or holds no trials
     * @throws IllegalArgumentException if the rate is out of range
     */
    public static FallResult run(Path sisfallDir, int rateHz, WearableFallDetector detector) throws IOException {
        checkRate(rateHz);
        List<Path> files = SisFallReader.discover(sisfallDir);
        if (files.isEmpty()) {
            throw new IOException("no SisFall trial files (like F05_SA01_R01.txt) under " + sisfallDir.toAbsolutePath());
        }
        int falls = 0;
        int adls = 0;
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : files) {
            SisFallTrial trial;
            try {
                trial = SisFallReader.read(file);
            } catch (IOException e) {
                // One damaged file among hundreds must not cost the figures of the rest; many means a wrong folder.
                unreadable.add(e.getMessage());
                if (unreadable.size() > MAX_UNREADABLE_SHARE * files.size()) {
                    throw new IOException(unreadable.size() + " of " + files.size() + " trial files cannot be read, "
                            + "first: " + unreadable.get(0), e);
                }
                LOG.warn("skipped a trial that cannot be read: {}", e.getMessage());
                continue;
            }
            boolean alerted = replay(trial, rateHz, detector).stream().anyMatch(a -> a.type() == AlertType.FALL_WEARABLE);
            if (trial.name().isFall()) {
                falls++;
                if (!alerted) {
                    missed.add(trial.name().toString());
                }
            } else {
                adls++;
                if (alerted) {
                    falseAlarms.add(trial.name().toString());
                }
            }
        }
        missed.sort(null);
        falseAlarms.sort(null);
        int caught = falls - missed.size();
        double sensitivity = falls == 0 ? Double.NaN : (double) caught / falls;
        double specificity = adls == 0 ? Double.NaN : 1 - (double) falseAlarms.size() / adls;
        return new FallResult(falls + adls, falls, adls, caught, falseAlarms.size(), sensitivity, specificity, missed,
                falseAlarms);
    }

    /**
     * Replays one trial (see the class description) into a fresh state.
     *
     * @param trial    the trial
     * @param rateHz   the sample rate to replay at, 1 to 200 Hz
     * @param detector the detector
     * @return every alert raised, in order
     * @throws IllegalArgumentException if the rate is out of range
     */
    public static List<Alert> replay(SisFallTrial trial, int rateHz, WearableFallDetector detector) {
        Objects.requireNonNull(detector, "detector");
        List<AccelBatch> batches = batches(trial, rateHz);
        FallState state = FallState.initial();
        List<Alert> alerts = new ArrayList<>();
        for (AccelBatch b : batches) {
            FallStep step = detector.onBatch(state, b);
            state = step.state();
            alerts.addAll(step.alerts());
        }
        return alerts;
    }

    /**
     * The batches a trial is replayed as: the trial at {@code rateHz} in one-second batches from
     * {@link #VIRTUAL_START}, then {@value #TAIL_SECONDS} repeats of its last second.
     *
     * @param trial  the trial
     * @param rateHz the sample rate, 1 to 200 Hz
     * @return the batches, in order
     * @throws IllegalArgumentException if the rate is out of range
     */
    public static List<AccelBatch> batches(SisFallTrial trial, int rateHz) {
        checkRate(rateHz);
        float[][] axes = resample(new float[][] {trial.x(), trial.y(), trial.z()}, rateHz);
        int n = axes[0].length;
        List<AccelBatch> batches = new ArrayList<>();
        for (int from = 0; from < n; from += rateHz) {
            int to = Math.min(n, from + rateHz);
            batches.add(batch(axes, from, to, from, rateHz));
        }
        int lastFrom = Math.max(0, n - rateHz);
        for (int k = 0; k < TAIL_SECONDS; k++) {
            batches.add(batch(axes, lastFrom, n, n + (long) k * (n - lastFrom), rateHz));
        }
        return batches;
    }

    /**
     * Brings 200-Hz samples to a lower rate by averaging each output period (see the class description).
     *
     * @param axes   the axes at 200 Hz, each the same length
     * @param rateHz the rate wanted, 1 to 200 Hz
     * @return the axes at {@code rateHz}; the same arrays at 200 Hz
     */
    static float[][] resample(float[][] axes, int rateHz) {
        if (rateHz == SisFallTrial.RATE_HZ) {
            return axes;
        }
        int n = axes[0].length;
        int m = (int) ((long) n * rateHz / SisFallTrial.RATE_HZ);
        float[][] out = new float[axes.length][m];
        for (int a = 0; a < axes.length; a++) {
            double[] sum = new double[m];
            int[] count = new int[m];
            for (int j = 0; j < n; j++) {
                int i = (int) ((long) j * rateHz / SisFallTrial.RATE_HZ);
                if (i < m) {
                    sum[i] += axes[a][j];
                    count[i]++;
                }
            }
            for (int i = 0; i < m; i++) {
                out[a][i] = (float) (sum[i] / count[i]);
            }
        }
        return out;
    }

    private static AccelBatch batch(float[][] axes, int from, int to, long firstIndex, int rateHz) {
        Instant start = VIRTUAL_START.plusNanos(Math.round(firstIndex * 1e9 / rateHz));
        return new AccelBatch(SENSOR_ID, start, rateHz,
                java.util.Arrays.copyOfRange(axes[0], from, to),
                java.util.Arrays.copyOfRange(axes[1], from, to),
                java.util.Arrays.copyOfRange(axes[2], from, to));
    }

    private static void checkRate(int rateHz) {
        if (rateHz < 1 || rateHz > SisFallTrial.RATE_HZ) {
            throw new IllegalArgumentException("rateHz must be 1 to " + SisFallTrial.RATE_HZ + ", got " + rateHz);
        }
    }
}
