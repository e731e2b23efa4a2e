package org.hearth.simulator.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.rules.model.AlertType;

/**
 * Runs the deployable gateway as a child process against a real broker and the real sandbox, and measures it:
 * start-up and steady memory of one idle home, then the sustained durable ingest rate from many publishers (with the
 * memory it takes), then help-button alert latency under a paced background load.
 */
final class GatewayRuns {
    private final Path jar;
    private final Path dir;
    private final String broker;
    private final String careRecordUrl;
    private final int flats;
    private final List<String> extraFlags;
    private int runNo;

    GatewayRuns(Path jar, Path dir, String broker, String careRecordUrl, int flats, List<String> extraFlags) {
        this.extraFlags = List.copyOf(extraFlags);
        this.jar = jar;
        this.dir = dir;
        this.broker = broker;
        this.careRecordUrl = careRecordUrl;
        this.flats = flats;
    }

    record Footprint(double startMs, double rssMb, double heapMb) {}

    record Ingest(double readingsPerSecond, double rssLoadedMb) {}

    record Latency(List<Double> millis) {}

    /** One idle home: start to ready, then RSS and heap once it has settled. */
    Footprint footprint(Duration settle) throws Exception {
        Run run = newRun(0, 1);
        try (ChildGateway gateway = run.start()) {
            // Settling is real time by nature: the JVM's steady state after start-up work is what is measured.
            Thread.sleep(settle.toMillis());
            return new Footprint(gateway.readyMs(), gateway.rssMb(), gateway.heapUsedMb());
        }
    }

    /** Publishers blast {@code readings} motion readings; rate = readings / (first publish → last journalled). */
    Ingest ingest(int readings, int publishers, Duration within) throws Exception {
        Run run = newRun(flats, 1);
        try (ChildGateway gateway = run.start(); GatewayDb db = new GatewayDb(run.db)) {
            long before = db.readings();
            double[] maxRss = {gateway.rssMb()};
            long start = System.nanoTime();
            List<Thread> threads = publishInParallel(readings, publishers);
            await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
                maxRss[0] = Math.max(maxRss[0], gateway.rssMb());
                return db.readings() - before >= readings;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Thread t : threads) {
                t.join();
            }
            return new Ingest(readings / seconds, maxRss[0]);
        }
    }

    /**
     * Presses {@code presses} distinct help buttons, {@code gap} apart, while background readings flow at
     * {@code backgroundPerSecond}; latency = the care record's 201 as the gateway recorded it − the publish.
     */
    Latency latency(int presses, Duration gap, int backgroundPerSecond) throws Exception {
        Run run = newRun(flats, presses);
        try (ChildGateway gateway = run.start(); GatewayDb db = new GatewayDb(run.db)) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread background = pacedBackground(backgroundPerSecond, stop);
            long[] publishedAt = new long[presses];
            MqttAsyncClient button = connect("bench-buttons");
            try {
                for (int i = 0; i < presses; i++) {
                    MqttMessage m = new MqttMessage("{\"action\":\"single\"}".getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    publishedAt[i] = System.currentTimeMillis();
                    button.publish("zigbee2mqtt/" + BenchHome.buttonName(i), m);
                    Thread.sleep(gap.toMillis()); // the presses are paced in real time: that is the load shape
                }
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> db.deliveredBySensor(AlertType.HELP_BUTTON.name()).size() >= presses);
            } finally {
                stop.set(true);
                background.join();
                Publishing.quietClose(button);
            }
            Map<String, Long> delivered = db.deliveredBySensor(AlertType.HELP_BUTTON.name());
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < presses; i++) {
                millis.add((double) (delivered.get(BenchHome.buttonId(i)) - publishedAt[i]));
            }
            return new Latency(millis);
        }
    }

    private List<Thread> publishInParallel(int readings, int publishers) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int share = readings / publishers + (p < readings % publishers ? 1 : 0);
            int offset = p;
            Thread t = new Thread(() -> {
                try {
                    MqttAsyncClient client = connect("bench-pub-" + offset);
                    try {
                        Publishing.blast(client, share, i -> motionTopic(offset + i * publishers), i -> payload(i));
                    } finally {
                        Publishing.quietClose(client);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("publisher " + offset + " failed", e);
                }
            }, "bench-publisher-" + p);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private Thread pacedBackground(int perSecond, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            try {
                MqttAsyncClient client = connect("bench-background");
                try {
                    long start = System.nanoTime();
                    long sent = 0;
                    while (!stop.get()) {
                        long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
                        while (sent < due && !stop.get()) {
                            MqttMessage m = new MqttMessage(payload((int) sent));
                            m.setQos(1);
                            client.publish(motionTopic((int) sent), m);
                            sent++;
                        }
                        Thread.sleep(5); // pacing a constant-rate load in real time
                    }
                } finally {
                    Publishing.quietClose(client);
                }
            } catch (Exception e) {
                throw new IllegalStateException("background load failed", e);
            }
        }, "bench-background");
        t.start();
        return t;
    }

    private String motionTopic(int i) {
        int sensor = Math.floorMod(i, flats * BenchHome.ROOMS.length);
        return "zigbee2mqtt/" + BenchHome.motionName(sensor / BenchHome.ROOMS.length, sensor % BenchHome.ROOMS.length);
    }

    private static byte[] payload(int i) {
        return (i % 2 == 0 ? RawMqttLimit.PAYLOAD
                : "{\"occupancy\":false}".getBytes(StandardCharsets.UTF_8));
    }

    private MqttAsyncClient connect(String name) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(broker, name + "-" + Long.toHexString(System.nanoTime()),
                new MemoryPersistence());
        client.connect(RawMqttLimit.options()).waitForCompletion(10_000);
        return client;
    }

    private Run newRun(int flatCount, int buttons) throws IOException {
        runNo++;
        Path runDir = Files.createDirectories(dir.resolve("gateway-" + runNo));
        Path db = runDir.resolve("hearth.db");
        Path config = runDir.resolve("hearth.yaml");
        String gatewayId = "gw-bench-" + runNo + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        Files.writeString(config, BenchHome.yaml(gatewayId, Math.max(1, flatCount), buttons, broker, careRecordUrl, db));
        return new Run(runDir, config, db, "gateway-" + runNo);
    }

    private final class Run {
        final Path dir;
        final Path config;
        final Path db;
        final String name;

        Run(Path dir, Path config, Path db, String name) {
            this.dir = dir;
            this.config = config;
            this.db = db;
            this.name = name;
        }

        ChildGateway start() throws IOException {
            return ChildGateway.start(jar, config, dir, name, extraFlags);
        }
    }
}
