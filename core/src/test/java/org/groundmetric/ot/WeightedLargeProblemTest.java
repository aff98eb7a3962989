package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Larger weighted problems with zero weights on both sides (400×600, 4-D) against POT.
 *
 * <p>The expected values were computed once with Debian's python3-pot 0.8.2: the points and weights
 * below were written to CSV (Double.toString) and solved with
 * {@code ot.emd2(a/a.sum(), b/b.sum(), scipy.spatial.distance.cdist(X, Y, metric))}.
 */
class WeightedLargeProblemTest {

    @Test
    void euclideanMatchesPot() {
        check(0, PointMetric.EUCLIDEAN, 0.5971735869774998);
    }

    @Test
    void cityblockMatchesPot() {
        check(1, PointMetric.CITYBLOCK, 1.2301574455589968);
    }

    private static void check(int k, PointMetric metric, double potValue) {
        Random rnd = new Random(100 + k);
        int n = 400;
        int m = 600;
        int dim = 4;
        double[][] x = new double[n][dim];
        double[][] y = new double[m][dim];
        for (double[] p : x) {
            for (int d = 0; d < dim; d++) {
                p[d] = rnd.nextDouble();
            }
        }
        for (double[] p : y) {
            for (int d = 0; d < dim; d++) {
                p[d] = rnd.nextDouble() + 0.3;
            }
        }
        double[] a = weights(rnd, n);
        double[] b = weights(rnd, m);
        CostMatrix cost = Costs.pairwise(x, y, metric);
        Transport t = OT.emd(a, b, cost);
        assertTrue(t.converged());
        assertEquals(potValue, t.value(), 1e-9 * potValue);
        PlanChecks.assertOptimalPlan(a, b, cost, t, 1e-12);
    }

    /** One in five weights zero, the rest uniform in [0, 1), normalised to sum 1. */
    private static double[] weights(Random rnd, int count) {
        double[] w = new double[count];
        double s = 0;
        for (int i = 0; i < count; i++) {
            w[i] = rnd.nextInt(5) == 0 ? 0.0 : rnd.nextDouble();
            s += w[i];
        }
        for (int i = 0; i < count; i++) {
            w[i] /= s;
        }
        return w;
    }
}
