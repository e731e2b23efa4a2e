package org.hearth.simulator.broker;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Mosquitto broker process (Debian's package, the production broker) on a free loopback port, for fault runs
 * and ITs. It keeps the gateway's persistent session in memory while the gateway is killed and restarted.
 */
public final class Mosquitto implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path conf;
    private final Path log;
    private final int port;
    private Process process;

    private Mosquitto(Path conf, Path log, int port) {
        this.conf = conf;
        this.log = log;
        this.port = port;
    }

    /** True when Debian's mosquitto is installed. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts Mosquitto with a config written into {@code dir}. Its persistence is on and saved on every change, so
     * queued QoS 1 messages survive a broker kill (the fault tests kill it).
     */
    public static Mosquitto start(Path dir) throws IOException {
        return start(dir, true);
    }

    /**
     * Starts Mosquitto as {@code deploy/mosquitto-hearth.conf} runs it: persistence on, saved at Mosquitto's default
     * interval and on a clean stop. Saving on every change costs a whole-file write per message, which caps the
     * broker at a few hundred messages a second: right for a fault test, wrong for a throughput ceiling.
     */
    public static Mosquitto startAsDeployed(Path dir) throws IOException {
        return start(dir, false);
    }

    private static Mosquitto start(Path dir, boolean saveEveryChange) throws IOException {
        if (!installed()) {
            throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto)");
        }
        Files.createDirectories(dir);
        int port = freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "user root",
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + "/",
                saveEveryChange ? "autosave_on_changes true" : "",
                saveEveryChange ? "autosave_interval 1" : "",
                "set_tcp_nodelay true",
                "max_queued_messages 100000",
                "max_inflight_messages 1000",
                "log_dest stderr",
                "log_type error",
                ""));
        var broker = new Mosquitto(conf, dir.resolve("mosquitto.log"), port);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await().atMost(Duration.ofSeconds(10)).until(this::accepting);
    }

    /** SIGTERM (Mosquitto saves its persistence file), then a new broker on the same port and file. */
    public void restart() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        launch();
    }

    /**
     * SIGKILL, then a new broker on the same port and persistence file. Mosquitto saves queued messages only when
     * it autosaves, so a kill between saves can lose what it had queued: that is the broker's durability, not ours.
     */
    public void killAndRestart() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        launch();
    }

    /** The broker URI. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
