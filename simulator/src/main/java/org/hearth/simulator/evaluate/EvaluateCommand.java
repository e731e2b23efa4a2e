package org.hearth.simulator.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate --data DIR [--json]}: measures detection on real recordings laid out like {@code shared/data}:
 * SisFall trials under {@code DIR/falls} (wearable falls at their native 200 Hz, each followed by 60 s of its own last
 * second) and smart-home logs under {@code DIR/smarthome} (normal living replayed whole for false inactivity alerts,
 * and cut at seeded instants for simulated collapses). The system learns from what it is replayed, as an
 * installation would; nothing is tuned to file names or dates.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Sensitivity/specificity on fall trials, false inactivity alerts per home-month and collapse detection delays on real data.")
public final class EvaluateCommand implements Callable<Integer> {
    private static final int NATIVE_RATE_HZ = 200;

    @Option(names = "--data", required = true, description = "a folder laid out like shared/data (falls/..., smarthome/...)")
    Path data;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--seed", defaultValue = "20261122", description = "seed of the collapse cut instants (default ${DEFAULT-VALUE})")
    long seed;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path falls = Files.isDirectory(data.resolve("falls")) ? data.resolve("falls") : data;
        // "Any number" of trials and homes includes none: a part without data reports zero trials and null figures.
        boolean hasFalls = Files.isDirectory(falls) && !SisFallReader.discover(falls).isEmpty();
        boolean hasHomes = !UciAdlReader.discover(data).isEmpty();
        if (!hasFalls && !hasHomes) {
            spec.commandLine().getErr().println("evaluate: no SisFall trials under " + falls + " and no *_Sensors.txt "
                    + "home under " + data.resolve("smarthome"));
            return 1;
        }
        FallEvaluation.FallResult f = hasFalls ? FallEvaluation.run(falls, NATIVE_RATE_HZ) : null;
        HomeEvaluation.HomeResult h = hasHomes ? HomeEvaluation.run(data, seed) : null;

        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("falls.trials", f == null ? 0 : f.trials());
        put(o, "falls.sensitivity", f == null ? Double.NaN : f.sensitivity());
        put(o, "falls.specificity", f == null ? Double.NaN : f.specificity());
        put(o, "inactivity.home_days", h == null ? 0 : h.homeDays());
        put(o, "inactivity.false_alerts_per_home_month", h == null ? Double.NaN : h.falseAlertsPerHomeMonth());
        o.put("collapse.trials", h == null ? 0 : h.collapseTrials());
        put(o, "collapse.detected_fraction", h == null ? Double.NaN : h.collapseDetectedFraction());
        put(o, "collapse.median_delay_min_day", h == null ? Double.NaN : h.medianDelayMinDay());
        put(o, "collapse.median_delay_min_night", h == null ? Double.NaN : h.medianDelayMinNight());
        if (json) {
            out.println(o.toString());
        } else {
            if (f == null) {
                out.println("falls: no trials");
            } else {
                out.printf("falls: %d trials (%d falls, %d ADLs), sensitivity %.3f, specificity %.3f%n",
                        f.trials(), f.falls(), f.adls(), f.sensitivity(), f.specificity());
            }
            if (h == null) {
                out.println("inactivity: no homes");
            } else {
                out.printf("inactivity: %.1f home-days, %.2f false alerts per home-month%n", h.homeDays(),
                        h.falseAlertsPerHomeMonth());
                out.printf("collapse: %d trials, %.1f%% detected, median delay %.0f min by day, %.0f min at night%n",
                        h.collapseTrials(), 100 * h.collapseDetectedFraction(), h.medianDelayMinDay(),
                        h.medianDelayMinNight());
                for (var type : HomeEvaluation.ROUTINE_TYPES) {
                    out.printf("routine: %s %.2f false alerts per home-month%n", type.code(),
                            h.routinePerHomeMonth(type));
                }
            }
        }
        out.flush();
        return 0;
    }

    /** A figure, or JSON null when there is none (no data, or no trial of that kind): NaN is not JSON. */
    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, round(v));
        } else {
            o.putNull(key);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
