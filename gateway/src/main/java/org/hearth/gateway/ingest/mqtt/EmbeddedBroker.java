package org.hearth.gateway.ingest.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The zero-set-up broker (Moquette, in process) for the demo, tests and homes without Mosquitto. Configured against
 * the losses measured in limits.md: a deep session queue, immediate flushes, TCP_NODELAY, no telemetry, files kept
 * under the store's folder rather than the working directory. Production installs use Mosquitto (deploy/).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Server server = new Server();
    private final String host;
    private final int port;

    private EmbeddedBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Starts a broker on {@code host:port}; port 0 picks a free one. */
    public static EmbeddedBroker start(String host, int port, Path dataDir) {
        int chosen = port == 0 ? freePort(host) : port;
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(chosen));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("data_path", dataDir.toAbsolutePath().toString());
        p.setProperty("session_queue_size", "65536");
        p.setProperty("immediate_buffer_flush", "true");
        p.setProperty("netty.tcp_nodelay", "true");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.mqtt.message_size", "65536");
        var broker = new EmbeddedBroker(host, chosen);
        try {
            broker.server.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded broker did not start", e);
        }
        return broker;
    }

    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URI clients connect to. */
    public String uri() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
