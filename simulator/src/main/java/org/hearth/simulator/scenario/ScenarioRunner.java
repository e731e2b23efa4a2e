package org.hearth.simulator.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hearth.simulator.home.DemoHome;

/**
 * Runs a scenario's homes in virtual time, {@code parallel} at a time, then reads the care record and scores every
 * home against its ground truth.
 */
public final class ScenarioRunner {
    private final Capabilities caps;
    private final String careRecordUrl;
    private final CareRecordInspector inspector;
    private final Path dir;

    /** Everything a run produced. */
    public record Result(RunSummary summary, List<Score> scores, Map<String, Map<String, Double>> summaries) {
        /** Whether any home failed (a miss, a broken "no alert", a duplicate, an unfinished home). */
        public boolean failed() {
            return scores.stream().anyMatch(Score::failed);
        }

        /** Totals, e.g. {@code detected 3, late 0, missed 0, false 1, duplicate 0, pending 2}. */
        public String scoreLine() {
            long[] t = new long[6];
            for (Score s : scores) {
                t[0] += s.count(Score.Result.DETECTED);
                t[1] += s.count(Score.Result.LATE);
                t[2] += s.count(Score.Result.MISSED);
                t[3] += s.count(Score.Result.VIOLATED) + s.falseAlerts().size();
                t[4] += s.duplicates();
                t[5] += s.count(Score.Result.PENDING);
            }
            return String.format(Locale.ROOT, "detected %d, late %d, missed %d, false %d, duplicate %d, pending %d",
                    t[0], t[1], t[2], t[3], t[4], t[5]);
        }
    }

    public ScenarioRunner(Capabilities caps, String careRecordUrl, CareRecordInspector inspector, Path dir) {
        this.caps = caps;
        this.careRecordUrl = careRecordUrl;
        this.inspector = inspector;
        this.dir = dir;
    }

    public Result run(Scenario scenario, int homes, int parallel, Progress progress)
            throws IOException, InterruptedException {
        String runId = UUID.randomUUID().toString().substring(0, 6);
        var player = new VirtualHomePlayer(scenario, caps, careRecordUrl, dir);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        List<Future<HomeRun>> futures = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < homes; i++) {
                int index = i;
                String gatewayId = "s" + runId + "-" + (i + 1) + "-" + scenario.name();
                futures.add(pool.submit(() -> {
                    HomeScript script = HomeScript.of(scenario, index, HomeScript.seedOf(scenario.seed(), index));
                    HomeRun run = player.play(script, gatewayId);
                    progress.homeDone(run);
                    return run;
                }));
            }
            List<HomeRun> runs = new ArrayList<>();
            for (Future<HomeRun> f : futures) {
                try {
                    runs.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("a home could not be planned: " + e.getCause().getMessage(), e.getCause());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return score(new RunSummary(scenario, homes, seconds), runs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads what the care record received from these homes and scores each. */
    public Result score(RunSummary summary, List<HomeRun> runs) {
        Set<String> ids = new HashSet<>();
        runs.forEach(r -> ids.add(r.gatewayId()));
        Map<String, ReceivedAlert> alerts = CareRecordAlerts.read(inspector, DemoHome.IDENTIFIER_SYSTEM, ids);
        Scorer scorer = new Scorer(caps);
        List<Score> scores = runs.stream().map(r -> scorer.score(r, alerts)).toList();
        return new Result(summary, scores, CareRecordAlerts.summaries(inspector, ids));
    }
}
