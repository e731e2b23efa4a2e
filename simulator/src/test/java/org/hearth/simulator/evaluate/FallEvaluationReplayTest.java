package org.hearth.simulator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.rules.fall.AccelBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay protocol of {@link FallEvaluation} on small synthetic trials (the real data has its own test). */
class FallEvaluationReplayTest {

    @TempDir
    Path dir;

    @Test
    void resamplesByAveragingEachOutputPeriod() {
        float[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        float[][] at50 = FallEvaluation.resample(new float[][] {x}, 50);
        float[][] at30 = FallEvaluation.resample(new float[][] {x}, 30);

        assertThat(at50[0]).containsExactly(1.5f, 5.5f);
        // 30 Hz periods hold the 200-Hz samples 0-6, then 7-13 (incomplete here, dropped)
        assertThat(at30[0]).containsExactly(3f);
    }

    @Test
    void replaysOneSecondBatchesFromTheVirtualStartThenSixtyRepeatsOfTheLastSecond() {
        SisFallTrial trial = standing("D07_SA01_R01", 2.5);

        List<AccelBatch> batches = FallEvaluation.batches(trial, 20);

        assertThat(batches).hasSize(3 + FallEvaluation.TAIL_SECONDS);
        assertThat(batches.get(0).start()).isEqualTo(FallEvaluation.VIRTUAL_START);
        assertThat(batches.get(2).size()).isEqualTo(10);
        assertThat(batches.get(3).start()).isEqualTo(FallEvaluation.VIRTUAL_START.plusMillis(2500));
        assertThat(batches.get(3).size()).isEqualTo(20);
        assertThat(batches.get(4).start()).isEqualTo(FallEvaluation.VIRTUAL_START.plusMillis(3500));
        assertThat(batches).allSatisfy(b -> assertThat(b.sensorId()).isEqualTo(FallEvaluation.SENSOR_ID));
        assertThatThrownBy(() -> FallEvaluation.batches(trial, 201)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsACaughtFallAndAQuietDayOnSyntheticTrials() throws IOException {
        writeTrial("SA01/F01_SA01_R01.txt", fall());
        writeTrial("SA01/D07_SA01_R01.txt", standing("D07_SA01_R01", 12));

        FallEvaluation.FallResult result = FallEvaluation.run(dir, 50);

        assertThat(result).isEqualTo(new FallEvaluation.FallResult(2, 1, 1, 1, 0, 1.0, 1.0, List.of(), List.of()));
        assertThat(result.summary())
                .isEqualTo("2 trials: sensitivity 1.000 (1/1 falls), specificity 1.000 (0 false alarms in 1 ADLs)");
    }

    @Test
    void theCommandPrintsTheFiguresForEachRate() throws IOException {
        writeTrial("SA01/F01_SA01_R01.txt", fall());
        writeTrial("SE01/D07_SE01_R01.txt", standing("D07_SE01_R01", 12));
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new EvaluateFallsCommand());
        cli.setOut(new java.io.PrintWriter(out));

        int exit = cli.execute("--data", dir.toString(), "--rates", "50,20");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains(
                "falls @50 Hz: 2 trials: sensitivity 1.000 (1/1 falls), specificity 1.000 (0 false alarms in 1 ADLs)",
                "falls @20 Hz: 2 trials", "ADLs: young adults 0 false alarms in 0, elderly 0 in 1",
                "missed falls: []", "false alarms: []");
    }

    @Test
    void marginsReplayWithEachThresholdMovedAndPrintOneLineEach() throws IOException {
        writeTrial("SA01/F01_SA01_R01.txt", fall());
        writeTrial("SE01/D07_SE01_R01.txt", standing("D07_SE01_R01", 12));
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new EvaluateFallsCommand());
        cli.setOut(new java.io.PrintWriter(out));

        int exit = cli.execute("--data", dir.toString(), "--rates", "50", "--margins");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("threshold margins @50 Hz (sensitivity / specificity):")
                .containsPattern("  impact +-20%: 1\\.000 / 1\\.000  -10%: [01]\\.\\d{3} / 1\\.000  \\+10%")
                .contains("  orientation change ", "  tilt from upright ", "  quiet ");
    }

    @Test
    void oneDamagedTrialAmongManyIsSkippedButAFolderOfDamagedOnesFails() throws IOException {
        for (int d = 1; d <= 12; d++) {
            for (int r = 1; r <= 10; r++) {
                writeTrial(String.format("SA01/D%02d_SA01_R%02d.txt", d, r), standing("D07_SA01_R01", 3));
            }
        }
        Files.writeString(dir.resolve("SA01/D13_SA01_R01.txt"), "  1,2,x,4,5,6,7,8,9;\r\n");

        FallEvaluation.FallResult r = FallEvaluation.run(dir, 50);
        assertThat(r.trials()).isEqualTo(120);

        Files.writeString(dir.resolve("SA01/D14_SA01_R01.txt"), "not SisFall\r\n");
        assertThatThrownBy(() -> FallEvaluation.run(dir, 50)).isInstanceOf(IOException.class)
                .hasMessageContaining("2 of 122 trial files cannot be read");
    }

    @Test
    void aFolderWithoutTrialsIsAnError() {
        assertThatThrownBy(() -> FallEvaluation.run(dir, 200)).isInstanceOf(IOException.class)
                .hasMessageContaining("no SisFall trial files");
    }

    /** Standing still, upright (-y), for {@code seconds}. */
    private static SisFallTrial standing(String name, double seconds) {
        int n = (int) Math.round(seconds * SisFallTrial.RATE_HZ);
        float[] y = new float[n];
        java.util.Arrays.fill(y, -1f);
        return new SisFallTrial(TrialName.parse(name + ".txt"), new float[n], y, new float[n]);
    }

    /** Walks 5 s, drops while turning onto the back, strikes the floor at 4 g, lies still to the end of 15 s. */
    private static SisFallTrial fall() {
        int n = 15 * SisFallTrial.RATE_HZ;
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) SisFallTrial.RATE_HZ;
            if (t < 5) {
                y[i] = (float) (-1 - 0.3 * Math.sin(2 * Math.PI * 2 * t));
            } else if (t < 5.5) {
                double a = Math.PI / 2 * (t - 5) / 0.5;
                y[i] = (float) (-0.3 * Math.cos(a));
                z[i] = (float) (0.3 * Math.sin(a));
            } else if (t < 5.6) {
                z[i] = 4f;
            } else {
                z[i] = 1f;
            }
        }
        return new SisFallTrial(TrialName.parse("F01_SA01_R01.txt"), x, y, z);
    }

    private void writeTrial(String relative, SisFallTrial trial) throws IOException {
        StringBuilder text = new StringBuilder();
        float[] x = trial.x();
        float[] y = trial.y();
        float[] z = trial.z();
        for (int i = 0; i < trial.size(); i++) {
            text.append(String.format(java.util.Locale.ROOT, "%5d,%5d,%5d,   0,   0,   0,   0,   0,   0;\r\n",
                    Math.round(x[i] * 256), Math.round(y[i] * 256), Math.round(z[i] * 256)));
        }
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }
}
