package org.hearth.simulator;

import java.io.IOException;
import java.nio.file.Path;
import org.hearth.simulator.broker.Mosquitto;
import org.junit.jupiter.api.Assumptions;

/**
 * Real peers for ITs. A missing peer binary skips the test locally, but CI sets {@code -Dhearth.require-peers=true},
 * which turns the skip into a failure.
 */
public final class Peers {
    private static Mosquitto shared;

    private Peers() {}

    /**
     * One Mosquitto for the whole test JVM (ITs isolate themselves by client ids and gateway ids), started on first
     * use and stopped at JVM exit; skipped or failed like {@link #mosquitto(Path)}.
     */
    public static synchronized Mosquitto sharedMosquitto() throws IOException {
        if (shared == null) {
            Mosquitto started = mosquitto(java.nio.file.Files.createTempDirectory("hearth-mosquitto-"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-mosquitto-close"));
            shared = started;
        }
        return shared;
    }

    /** Skips the test (or fails it in CI) when Mosquitto is not installed. */
    public static void requireMosquitto() {
        if (!Mosquitto.installed()) {
            if (Boolean.getBoolean("hearth.require-peers")) {
                throw new IllegalStateException("mosquitto is required (hearth.require-peers=true) but not installed");
            }
            Assumptions.abort("mosquitto is not installed");
        }
    }

    /** A running Mosquitto, or the test is skipped (or failed in CI) when it is not installed. */
    public static Mosquitto mosquitto(Path dir) throws IOException {
        requireMosquitto();
        return Mosquitto.start(dir);
    }
}
