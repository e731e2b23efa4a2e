package org.hearth.simulator.bench;

import java.util.Arrays;
import java.util.List;

/** Median and spread of repeated measurements: benchmarks quote the median, and the spread shows how far to trust it. */
record Stats(double median, double min, double max, int runs) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(percentile(v, 50), v[0], v[v.length - 1], v.length);
    }

    /** The p-th percentile (nearest rank) of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double percentile(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return percentile(v, p);
    }

}
