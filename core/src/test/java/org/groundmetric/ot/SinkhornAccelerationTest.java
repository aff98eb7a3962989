package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Anderson acceleration ({@link AndersonMixing}) inside {@link Sinkhorn}: against plain
 * over-relaxed scaling (memory 0) on clustered clouds apart, it takes far fewer sweeps, cold and
 * warm, and reaches the same solution.
 */
class SinkhornAccelerationTest {

    /** Eight cell types in unequal shares, the second cloud shifted: the slow case for plain scaling. */
    private static double[] cloud(Random rnd, int n, double shift) {
        Random centres = new Random(7);
        double[][] c = new double[8][5];
        for (double[] centre : c) {
            for (int q = 0; q < 5; q++) {
                centre[q] = 3 * centres.nextGaussian();
            }
        }
        double[] x = new double[n * 5];
        for (int i = 0; i < n; i++) {
            int type = Math.min(7, (int) Math.floor(8 * rnd.nextDouble() * rnd.nextDouble() * 1.6));
            for (int q = 0; q < 5; q++) {
                x[i * 5 + q] = c[type][q] + rnd.nextGaussian() + (q == 0 ? shift : 0);
            }
        }
        return x;
    }

    private static double[] weights(Random rnd, int n) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.2 + rnd.nextDouble();
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    @Test
    void takesFarFewerSweepsColdAndWarmThanPlainScaling() {
        Random rnd = new Random(3);
        int n = 300;
        int m = 280;
        double[] x = cloud(rnd, n, 0);
        double[] y = cloud(rnd, m, 2);
        double[] a = weights(rnd, n);
        double[] b = weights(rnd, m);
        CostMatrix cost = Costs.pairwise(x, n, y, m, 5, PointMetric.EUCLIDEAN);
        double reg = 0.05 * cost.mean();
        Sinkhorn accelerated = new Sinkhorn(reg, 1e-2, 10_000);
        Sinkhorn plain = new Sinkhorn(reg, 1e-2, 10_000, 0);
        EntropicPlan fast = accelerated.solveDense(a, b, cost, null, null, null);
        EntropicPlan slow = plain.solveDense(a, b, cost, null, null, null);
        assertTrue(fast.converged() && slow.converged());
        assertTrue(2 * fast.iterations() < slow.iterations(),
                "cold: " + fast.iterations() + " sweeps accelerated, " + slow.iterations() + " plain");
        // the costs move a little (an Adam step), each solve warm from its own last potentials
        for (int i = 0; i < x.length; i++) {
            x[i] *= 1 + 0.05 * rnd.nextGaussian();
        }
        CostMatrix moved = Costs.pairwise(x, n, y, m, 5, PointMetric.EUCLIDEAN);
        EntropicPlan fastWarm = accelerated.solveDense(a, b, moved, fast.f(), fast.g(), null);
        EntropicPlan slowWarm = plain.solveDense(a, b, moved, slow.f(), slow.g(), null);
        assertTrue(fastWarm.converged() && slowWarm.converged());
        assertTrue(2 * fastWarm.iterations() < slowWarm.iterations(),
                "warm: " + fastWarm.iterations() + " sweeps accelerated, " + slowWarm.iterations() + " plain");
    }

    @Test
    void reachesTheSameSolutionAsPlainScaling() {
        Random rnd = new Random(4);
        int n = 120;
        int m = 130;
        double[] x = cloud(rnd, n, 0);
        double[] y = cloud(rnd, m, 3);
        double[] a = weights(rnd, n);
        a[17] = 0;   // a point of weight 0 gets no mass and potential −∞
        double total = 0;
        for (double w : a) {
            total += w;
        }
        for (int i = 0; i < n; i++) {
            a[i] /= total;
        }
        double[] b = weights(rnd, m);
        CostMatrix cost = Costs.pairwise(x, n, y, m, 5, PointMetric.EUCLIDEAN);
        double reg = 0.03 * cost.mean();
        EntropicPlan fast = new Sinkhorn(reg, 1e-11, 100_000).solveDense(a, b, cost, null, null, null);
        EntropicPlan slow = new Sinkhorn(reg, 1e-11, 100_000, 0).solveDense(a, b, cost, null, null, null);
        assertTrue(fast.converged() && slow.converged(), fast.marginalError() + " / " + slow.marginalError());
        assertTrue(3 * fast.iterations() < slow.iterations(), fast.iterations() + " vs " + slow.iterations());
        assertEquals(slow.value(), fast.value(), 1e-9 * slow.value());
        assertEquals(Double.NEGATIVE_INFINITY, fast.f()[17]);
        double shift = fast.f()[0] - slow.f()[0];   // potentials are fixed up to one constant
        for (int i = 0; i < n; i++) {
            if (a[i] > 0) {
                assertEquals(slow.f()[i] + shift, fast.f()[i], 1e-7 * reg, "f[" + i + "]");
            }
        }
        double[] colSum = new double[m];
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < m; j++) {
                double p = fast.plan(i, j);
                row += p;
                colSum[j] += p;
                assertEquals(slow.plan(i, j), p, 1e-9 * (a[i] + 1e-12), "plan[" + i + "][" + j + "]");
            }
            assertEquals(a[i], row, 1e-10, "row " + i);
        }
        for (int j = 0; j < m; j++) {
            assertEquals(b[j], colSum[j], 1e-12, "column " + j);
        }
    }
}
