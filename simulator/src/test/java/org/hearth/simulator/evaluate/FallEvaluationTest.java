package org.hearth.simulator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wearable fall detector measured on the real SisFall development set in {@code shared/data/falls/sisfall} (read
 * in place, never copied into the project): a regression guard on the figures reached, and on design.md §7's targets
 * (sensitivity ≥ 0.97, specificity ≥ 0.99).
 *
 * <p>Reached on 244 trials (105 falls, 139 ADLs) at 200, 50 and 20 Hz: sensitivity 1.000, specificity 1.000. The
 * guard allows one missed fall and one false alarm (≥ 0.99 each) before it fails.
 */
class FallEvaluationTest {

    /** Set {@code -Dhearth.sisfall.dir=...} to point elsewhere. */
    static final String DIR_PROPERTY = "hearth.sisfall.dir";

    private static Path data;

    @BeforeAll
    static void findData() {
        data = locate();
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {200, 50, 20})
    void meetsTheTargetsAndHoldsTheFiguresReached(int rateHz) throws IOException {
        FallEvaluation.FallResult result = FallEvaluation.run(data, rateHz);
        System.out.printf("falls @%d Hz: %s; missed %s; false alarms %s%n", rateHz, result.summary(), result.missed(),
                result.falseAlarmTrials());

        assertThat(result.trials()).isEqualTo(244);
        assertThat(result.falls()).isEqualTo(105);
        assertThat(result.adls()).isEqualTo(139);
        assertThat(result.sensitivity()).as("sensitivity; missed " + result.missed()).isGreaterThanOrEqualTo(0.99);
        assertThat(result.specificity()).as("specificity; false alarms " + result.falseAlarmTrials())
                .isGreaterThanOrEqualTo(0.99);
    }

    /**
     * {@code -Dhearth.sisfall.dir}, else {@code shared/data/falls/sisfall} next to the checkout: from the simulator
     * module that is {@code ../../shared/...}; any ancestor of the working directory is tried.
     */
    static Path locate() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property);
            if (!Files.isDirectory(p)) {
                fail(DIR_PROPERTY + "=" + property + " is not a folder");
            }
            return p;
        }
        Path relative = Path.of("shared", "data", "falls", "sisfall");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("SisFall development data not found: looked for " + relative + " in "
                + Path.of("").toAbsolutePath() + " and every folder above it (from simulator/ that is "
                + Path.of("..", "..", "shared", "data", "falls", "sisfall") + "). Put the data there or run with -D"
                + DIR_PROPERTY + "=<folder>.");
    }
}
