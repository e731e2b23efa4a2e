package org.hearth.gateway.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.fall.AccelBatch;

/**
 * A synthetic fall at 50 Hz, cut into 1-s batches: walking upright (about 1 g along -Y with a step rhythm), a short
 * free fall, a 3.5 g impact, then lying still (1 g along +Z).
 */
public final class SyntheticFall {
    public static final int HZ = 50;

    private SyntheticFall() {
    }

    /** The batches: {@code walkSeconds} of walking, the fall (within the next second), then {@code lyingSeconds}. */
    public static List<AccelBatch> batches(String sensorId, Instant start, int walkSeconds, int lyingSeconds) {
        int total = (walkSeconds + 1 + lyingSeconds) * HZ;
        float[] x = new float[total];
        float[] y = new float[total];
        float[] z = new float[total];
        for (int i = 0; i < total; i++) {
            double t = (double) i / HZ;
            int inFall = i - walkSeconds * HZ;
            if (inFall < 0) { // walking: vertical bounce at 2 steps/s, a little sway
                y[i] = (float) (-1 - 0.3 * Math.sin(2 * Math.PI * 2 * t));
                x[i] = (float) (0.05 * Math.sin(2 * Math.PI * t));
                z[i] = 0.02f;
            } else if (inFall < 15) { // 0.3 s of free fall
                y[i] = -0.15f;
                x[i] = 0.05f;
                z[i] = 0.05f;
            } else if (inFall < 20) { // 0.1 s impact
                y[i] = -2.0f;
                x[i] = 0.5f;
                z[i] = 2.8f;
            } else { // lying still on the back
                x[i] = 0.01f;
                y[i] = 0.02f;
                z[i] = (float) (1 + 0.005 * Math.sin(2 * Math.PI * 0.25 * t)); // breathing
            }
        }
        List<AccelBatch> batches = new ArrayList<>();
        for (int from = 0; from < total; from += HZ) {
            batches.add(new AccelBatch(sensorId, start.plusMillis(1000L * from / HZ), HZ,
                    java.util.Arrays.copyOfRange(x, from, from + HZ), java.util.Arrays.copyOfRange(y, from, from + HZ),
                    java.util.Arrays.copyOfRange(z, from, from + HZ)));
        }
        return batches;
    }
}
