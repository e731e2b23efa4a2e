package org.hearth.simulator.home;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Worn accelerometers and fall radars as seen on the broker: publishes the Hearth topics v1 (README "Sensor topics
 * accepted") at QoS 1, {@code hearth/<home>/<sensor>/accel} batches and {@code hearth/<home>/<sensor>/event} events,
 * each with the sensor's own time and a per-sensor sequence number. Each publish returns once the broker has
 * acknowledged it.
 */
public final class WearableSensor implements AutoCloseable {
    private final MqttClient client;
    private final String homeId;
    private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();

    /**
     * One batch of samples, in g.
     *
     * @param start when the first sample was taken
     * @param hz    samples per second
     * @param x     x samples
     * @param y     y samples
     * @param z     z samples
     */
    public record Batch(Instant start, int hz, float[] x, float[] y, float[] z) {
        /** When the batch's last sample period ends. */
        public Instant end() {
            return start.plusNanos(Math.round(x.length * 1e9 / hz));
        }

        /** Equal samples at the same instant and rate (the arrays' contents, not their identity). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Batch b && start.equals(b.start) && hz == b.hz && Arrays.equals(x, b.x)
                    && Arrays.equals(y, b.y) && Arrays.equals(z, b.z);
        }

        @Override
        public int hashCode() {
            return Objects.hash(start, hz, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(z));
        }

        @Override
        public String toString() {
            return "Batch[start=" + start + ", hz=" + hz + ", samples=" + x.length + "]";
        }
    }

    public WearableSensor(String brokerUri, String clientId, String homeId) throws MqttException {
        this.client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        this.homeId = homeId;
        var options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
    }

    /** Publishes a batch from worn sensor {@code name} with its next sequence number; returns that number. */
    public long accel(String name, Batch b) throws MqttException {
        long seq = next(name);
        accel(name, seq, b);
        return seq;
    }

    /** Publishes a batch with the given sequence number (e.g. again, as a QoS 1 redelivery would). */
    public void accel(String name, long seq, Batch b) throws MqttException {
        String json = "{\"v\":1,\"seq\":" + seq + ",\"t\":\"" + b.start() + "\",\"hz\":" + b.hz()
                + ",\"x\":" + array(b.x()) + ",\"y\":" + array(b.y()) + ",\"z\":" + array(b.z()) + "}";
        publish(name, "accel", json);
    }

    /** Publishes a radar event ({@code fall}, {@code motion}, {@code presence}, {@code no_presence}) timed {@code at}. */
    public long radar(String name, String type, Instant at) throws MqttException {
        long seq = next(name);
        publish(name, "event", "{\"v\":1,\"seq\":" + seq + ",\"t\":\"" + at + "\",\"type\":\"" + type + "\"}");
        return seq;
    }

    private long next(String name) {
        return seqs.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    private void publish(String name, String leaf, String json) throws MqttException {
        var m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        client.publish("hearth/" + homeId + "/" + name + "/" + leaf, m);
    }

    private static String array(float[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return sb.append(']').toString();
    }

    /**
     * A synthetic fall at 50 Hz in 1-s batches: {@code walkSeconds} of walking upright (about 1 g along -Y, bouncing
     * 0.3 g at two steps a second), then 0.3 s of free fall, a 0.1 s impact of about 3.5 g, and lying still on the back
     * (1 g along +Z, with breathing) for the rest of that second and {@code lyingSeconds} more.
     */
    public static List<Batch> syntheticFall(Instant start, int walkSeconds, int lyingSeconds) {
        int hz = 50;
        int total = (walkSeconds + 1 + lyingSeconds) * hz;
        float[] x = new float[total];
        float[] y = new float[total];
        float[] z = new float[total];
        for (int i = 0; i < total; i++) {
            double t = (double) i / hz;
            int inFall = i - walkSeconds * hz;
            if (inFall < 0) {
                y[i] = (float) (-1 - 0.3 * Math.sin(2 * Math.PI * 2 * t));
                x[i] = (float) (0.05 * Math.sin(2 * Math.PI * t));
                z[i] = 0.02f;
            } else if (inFall < 15) {
                x[i] = 0.05f;
                y[i] = -0.15f;
                z[i] = 0.05f;
            } else if (inFall < 20) {
                x[i] = 0.5f;
                y[i] = -2.0f;
                z[i] = 2.8f;
            } else {
                x[i] = 0.01f;
                y[i] = 0.02f;
                z[i] = (float) (1 + 0.005 * Math.sin(2 * Math.PI * 0.25 * t));
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < total; from += hz) {
            batches.add(new Batch(start.plusMillis(1000L * from / hz), hz, Arrays.copyOfRange(x, from, from + hz),
                    Arrays.copyOfRange(y, from, from + hz), Arrays.copyOfRange(z, from, from + hz)));
        }
        return batches;
    }

    /**
     * One second at {@code hz} of a wearer at rest and upright: gravity along -Y (as in {@link #syntheticFall}'s
     * walking), nothing else but a trace of noise. Far below any impact, and in the upright posture, so it can never
     * complete a fall.
     */
    public static Batch atRest(Instant start, int hz) {
        float[] x = new float[hz];
        float[] y = new float[hz];
        float[] z = new float[hz];
        for (int i = 0; i < hz; i++) {
            x[i] = (float) (0.01 * Math.sin(2 * Math.PI * 0.25 * i / hz));
            y[i] = -1f;
            z[i] = 0.02f;
        }
        return new Batch(start, hz, x, y, z);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
