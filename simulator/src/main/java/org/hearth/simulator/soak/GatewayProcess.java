package org.hearth.simulator.soak;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real gateway daemon ({@code hearth-gateway run}) as a child JVM on this JVM's class path, so it can be killed
 * with SIGKILL like a power cut and started again on the same files.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final String MAIN = "org.hearth.gateway.app.GatewayCli";

    private final Path config;
    private final Path logDir;
    private final List<String> jvmFlags;
    private Process process;
    private int starts;

    public GatewayProcess(Path config, Path logDir, List<String> jvmFlags) {
        this.config = config;
        this.logDir = logDir;
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    /** Starts the daemon and waits until it says it is ready (subscribed to its broker). */
    public void start(Duration readyWithin) throws IOException {
        starts++;
        Path out = logDir.resolve("gateway-" + starts + ".out");
        Path err = logDir.resolve("gateway-" + starts + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.add("run");
        command.add("--config");
        command.add(config.toString());
        process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        await().atMost(readyWithin).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see " + err);
            }
            return Files.readString(out).contains("hearth-gateway: ready");
        });
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed; as a power cut is for the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
