package org.groundmetric.testing;

import java.util.Arrays;
import java.util.List;
import org.groundmetric.Progress;
import org.groundmetric.eval.WassersteinMatrix;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.data.Cohort;
import org.groundmetric.metric.GroundMetric;

/** Test helper: Wasserstein matrices under a ground metric and leave-one-out k-NN accuracy. */
public final class Knn {
    private Knn() {
    }

    public static double[][] wasserstein(Cohort c, GroundMetric metric, int threads) {
        return WassersteinMatrix.pairwise(c.samples(), metric, NetworkSimplex::new, threads, Progress.NONE).distances();
    }

    /** Leave-one-out k-NN accuracy of a cohort's samples under the Wasserstein distance with {@code metric}. */
    public static double accuracy(Cohort c, GroundMetric metric, int k, int threads) {
        List<String> labels = new java.util.ArrayList<>();
        c.samples().forEach(s -> labels.add(s.classLabel()));
        return leaveOneOutAccuracy(wasserstein(c, metric, threads), labels, k);
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
