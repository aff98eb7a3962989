package org.groundmetric.testing;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.groundmetric.data.Cohort;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.TransportSolver;

/** Test helper: Wasserstein matrices under a ground metric and leave-one-out k-NN accuracy. */
public final class Knn {
    private Knn() {
    }

    public static double[][] wasserstein(Cohort c, GroundMetric metric, Supplier<TransportSolver> solver) {
        int n = c.size();
        double[][] d = new double[n][n];
        TransportSolver s = solver.get();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                int na = c.sample(a).cellCount();
                int nb = c.sample(b).cellCount();
                double[] wa = new double[na];
                double[] wb = new double[nb];
                Arrays.fill(wa, 1.0 / na);
                Arrays.fill(wb, 1.0 / nb);
                d[a][b] = d[b][a] = s.solve(wa, wb, metric.cost(c.sample(a).cells(), c.sample(b).cells())).value();
            }
        }
        return d;
    }

    /** Majority of the k nearest other samples (ties: the nearest of the tied classes). */
    public static double leaveOneOutAccuracy(double[][] d, List<String> labels, int k) {
        int n = d.length;
        int correct = 0;
        for (int a = 0; a < n; a++) {
            final int q = a;
            Integer[] order = new Integer[n - 1];
            for (int b = 0, p = 0; b < n; b++) {
                if (b != a) {
                    order[p++] = b;
                }
            }
            Arrays.sort(order, (x, y) -> Double.compare(d[q][x], d[q][y]));
            java.util.Map<String, Integer> votes = new java.util.HashMap<>();
            int best = 0;
            String winner = null;
            for (int r = 0; r < Math.min(k, order.length); r++) {
                votes.merge(labels.get(order[r]), 1, Integer::sum);
            }
            for (int r = 0; r < Math.min(k, order.length); r++) {
                String l = labels.get(order[r]);
                if (votes.get(l) > best) {
                    best = votes.get(l);
                    winner = l;
                }
            }
            if (labels.get(a).equals(winner)) {
                correct++;
            }
        }
        return (double) correct / n;
    }
}
