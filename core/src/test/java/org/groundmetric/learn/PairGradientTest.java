package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.EntropicPlan;
import org.groundmetric.ot.PointMetric;
import org.junit.jupiter.api.Test;

/**
 * The entropic gradient (plan formed from kernel and scalings, four source rows at a time) against
 * its definition written out term by term: point xᵣ gets Σ꜀ φᵣ꜀ (xᵣ − y꜀)/cᵣ꜀ and y꜀ the negative
 * sum over r, with φ = π + spread; sizes that leave a partial block, and coincident points
 * (cost 0, which add nothing).
 */
class PairGradientTest {

    @Test
    void entropicGradientMatchesItsDefinitionTermByTerm() {
        Random rnd = new Random(9);
        int rank = 3;
        for (int[] size : new int[][] {{7, 5}, {9, 12}, {4, 4}}) {
            int n = size[0];
            int m = size[1];
            double[] px = new double[n * rank];
            double[] py = new double[m * rank];
            for (int p = 0; p < px.length; p++) {
                px[p] = rnd.nextGaussian();
            }
            for (int p = 0; p < py.length; p++) {
                py[p] = rnd.nextGaussian();
            }
            System.arraycopy(px, rank, py, 2 * rank, rank);   // target 2 coincides with source 1
            CostMatrix cost = Costs.pairwise(px, n, py, m, rank, PointMetric.EUCLIDEAN);
            double[] kernel = new double[n * m];
            double[] u = new double[n];
            double[] v = new double[m];
            for (int p = 0; p < kernel.length; p++) {
                kernel[p] = rnd.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                u[i] = rnd.nextDouble();
            }
            for (int j = 0; j < m; j++) {
                v[j] = rnd.nextDouble();
            }
            EntropicPlan t = new EntropicPlan(kernel, u, v, n, m, 0, null, null, 1, true, 0);
            double meanCostWeight = 0.37;
            double[][] g = PairGradient.ofEntropicPlan(t, cost, meanCostWeight, px, py, rank);
            double[] gx = new double[rank * n];
            double[] gy = new double[rank * m];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < m; c++) {
                    double d = cost.get(r, c);
                    if (d == 0) {
                        continue;
                    }
                    double phi = t.plan(r, c) + meanCostWeight / (n * m);
                    for (int q = 0; q < rank; q++) {
                        double term = phi * (px[r * rank + q] - py[c * rank + q]) / d;
                        gx[q * n + r] += term;
                        gy[q * m + c] -= term;
                    }
                }
            }
            for (int p = 0; p < gx.length; p++) {
                assertEquals(gx[p], g[0][p], 1e-12, "source " + p + " of " + n + "×" + m);
            }
            for (int p = 0; p < gy.length; p++) {
                assertEquals(gy[p], g[1][p], 1e-12, "target " + p + " of " + n + "×" + m);
            }
        }
    }
}
