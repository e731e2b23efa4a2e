package org.hearth.simulator.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployable gateway ({@code java -jar hearth-gateway.jar run}, its {@code lib/} beside it) as a child process,
 * with the small-device flags of {@code deploy/hearth-gateway.service}, so its memory and start-up are what a Pi
 * would run, not this JVM's.
 */
final class ChildGateway implements AutoCloseable {
    /** As deploy/hearth-gateway.service. */
    static final List<String> DEVICE_FLAGS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss256k", "-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=64m");
    private static final Pattern READY = Pattern.compile("ready in (\\d+) ms");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path out;
    private final long readyMs;

    private ChildGateway(Process process, Path out, long readyMs) {
        this.process = process;
        this.out = out;
        this.readyMs = readyMs;
    }

    /** Starts the gateway and waits until it prints that it is ready to ingest. */
    static ChildGateway start(Path jar, Path config, Path logDir, String name) throws IOException {
        return start(jar, config, logDir, name, List.of());
    }

    /** As {@link #start(Path, Path, Path, String)}, with extra JVM flags after the device's. */
    static ChildGateway start(Path jar, Path config, Path logDir, String name, List<String> extraFlags)
            throws IOException {
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DEVICE_FLAGS);
        command.addAll(extraFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.add("run");
        command.add("--config");
        command.add(config.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HEARTH_NHS_NUMBER", org.hearth.simulator.home.DemoHome.TEST_NHS_NUMBER);
        Process process = builder.start();
        long[] ready = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see " + err);
            }
            Matcher m = READY.matcher(Files.readString(out));
            if (m.find()) {
                ready[0] = Long.parseLong(m.group(1));
                return true;
            }
            return false;
        });
        return new ChildGateway(process, out, ready[0]);
    }

    /** JVM start to subscribed, as the gateway itself reports it. */
    long readyMs() {
        return readyMs;
    }

    /** Resident set size now, from {@code /proc}. */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for the gateway");
    }

    /** Java heap in use now (all generations), from {@code jcmd GC.heap_info}. */
    double heapUsedMb() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        long usedKb = 0;
        for (String line : text.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (line.contains("generation") && m.find()) {
                usedKb += Long.parseLong(m.group(1));
            }
        }
        if (usedKb == 0) {
            throw new IOException("could not read the gateway's heap: " + text.lines().findFirst().orElse(""));
        }
        return usedKb / 1024.0;
    }

    /** Where the gateway's standard output goes. */
    Path log() {
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
