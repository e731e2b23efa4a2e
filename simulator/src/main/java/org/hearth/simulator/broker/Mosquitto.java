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
    private final Process process;
    private final int port;

    private Mosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    /** True when Debian's mosquitto is installed. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts Mosquitto with a config written into {@code dir}. */
    public static Mosquitto start(Path dir) throws IOException {
        Path binary = BINARY;
        if (!installed()) {
            throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto)");
        }
        int port = freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "set_tcp_nodelay true",
                "max_queued_messages 100000",
                "log_dest stderr",
                "log_type error",
                ""));
        Process p = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        var broker = new Mosquitto(p, port);
        await().atMost(Duration.ofSeconds(10)).until(broker::accepting);
        return broker;
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
