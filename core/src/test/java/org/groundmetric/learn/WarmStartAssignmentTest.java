package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.Transport;
import org.junit.jupiter.api.Test;

class WarmStartAssignmentTest {

    /** Cold and warm (after a perturbed problem) solves give the network simplex's optimal value. */
    @Test
    void matchesTheNetworkSimplexColdAndWarm() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 7, 40, 150}) {
            WarmStartAssignment a = new WarmStartAssignment(n);
            double[] potentials = new double[n];
            double[] x = points(rng, n);
            double[] y = points(rng, n);
            for (int round = 0; round < 4; round++) {
                for (int p = 0; p < x.length; p++) {
                    x[p] += 0.05 * rng.nextGaussian();
                }
                CostMatrix c = euclidean(x, y, n);
                Transport exact = new NetworkSimplex().solve(OT.uniform(n), OT.uniform(n), c);
                Transport ours = a.solve(c, potentials);
                assertEquals(exact.value(), ours.value(), 1e-9 * Math.max(1, exact.value()), "n=" + n + " round " + round);
                assertEquals(exact.value(), ours.plan().cost(c), 1e-9 * Math.max(1, exact.value()));
                boolean[] used = new boolean[n];
                for (int col : ours.plan().cols()) {
                    assertTrue(!used[col], "a permutation");
                    used[col] = true;
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertTrue(ours.u()[i] + ours.v()[j] <= c.get(i, j) + 1e-9, "dual feasible n=" + n + " round " + round + " viol " + (ours.u()[i] + ours.v()[j] - c.get(i, j)));
                    }
                }
            }
        }
    }

    @Test
    void tiesAndIdenticalCloudsGiveZero() {
        double[] x = new double[20];
        CostMatrix c = euclidean(x, x, 10);
        assertEquals(0, new WarmStartAssignment(10).solve(c).value(), 0);
    }

    private static double[] points(SplittableRandom rng, int n) {
        double[] p = new double[2 * n];
        for (int q = 0; q < p.length; q++) {
            p[q] = rng.nextGaussian();
        }
        return p;
    }

    private static CostMatrix euclidean(double[] x, double[] y, int n) {
        return org.groundmetric.metric.ProjectedCosts.euclidean(x, n, y, n, x.length / n);
    }
}
