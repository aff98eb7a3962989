package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The network simplex on random and degenerate problems, against answers found another way:
 * assignment enumeration (uniform weights, n = m ≤ 7) and a plain successive-shortest-path
 * min-cost flow (any weights), plus the dual certificate on every solution.
 */
class NetworkSimplexPropertyTest {
    private final NetworkSimplex solver = new NetworkSimplex();

    @Test
    void uniformSquareProblemsMatchTheBestPermutation() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(7);
            CostMatrix m = randomCost(rnd, n, n, trial % 3 == 0);
            double[] w = OT.uniform(n);
            Transport t = solver.solve(w, w, m);
            assertEquals(BruteForce.bestPermutation(m) / n, t.value(), 1e-12, "trial " + trial);
            PlanChecks.assertOptimalPlan(w, w, m, t, 1e-12);
        }
    }

    @Test
    void weightedProblemsMatchVertexEnumeration() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(4);
            int k = 1 + rnd.nextInt(4);
            CostMatrix m = randomCost(rnd, n, k, trial % 4 == 0);
            double[] a = randomWeights(rnd, n, trial % 5 == 0);
            double[] b = randomWeights(rnd, k, trial % 7 == 0);
            Transport t = solver.solve(a, b, m);
            double expected = BruteForce.vertexEnumeration(a, b, m);
            assertEquals(expected, t.value(), 1e-12 * Math.max(1, expected), "trial " + trial);
            PlanChecks.assertOptimalPlan(a, b, m, t, 1e-12);
        }
    }

    @Test
    void swappingTheSidesGivesTheSameValue() {
        Random rnd = new Random(13);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + rnd.nextInt(30);
            int k = 1 + rnd.nextInt(30);
            CostMatrix m = randomCost(rnd, n, k, trial % 2 == 0);
            double[] a = randomWeights(rnd, n, true);
            double[] b = randomWeights(rnd, k, false);
            Transport forward = solver.solve(a, b, m);
            Transport backward = solver.solve(b, a, transpose(m));
            assertEquals(forward.value(), backward.value(), 1e-12 * Math.max(1, forward.value()), "trial " + trial);
            PlanChecks.assertOptimalPlan(b, a, transpose(m), backward, 1e-12);
        }
    }

    @Test
    void identicalCloudsCostZeroAndMoveNothing() {
        Random rnd = new Random(14);
        double[][] x = new double[200][3];
        for (double[] p : x) {
            for (int d = 0; d < 3; d++) {
                p[d] = rnd.nextGaussian();
            }
        }
        CostMatrix m = Costs.pairwise(x, x, PointMetric.EUCLIDEAN);
        double[] w = OT.uniform(200);
        Transport t = solver.solve(w, w, m);
        assertEquals(0.0, t.value(), 0.0);
        assertEquals(200, t.plan().nonZeros());
        PlanChecks.assertOptimalPlan(w, w, m, t, 1e-12);
    }

    @Test
    void allEqualCostsAndAllZeroCostsAreSolved() {
        double[] a = OT.uniform(40);
        double[] b = OT.uniform(25);
        double[] ones = new double[40 * 25];
        Arrays.fill(ones, 3.0);
        Transport t = solver.solve(a, b, new CostMatrix(40, 25, ones));
        assertEquals(3.0, t.value(), 1e-12);
        PlanChecks.assertOptimalPlan(a, b, new CostMatrix(40, 25, ones), t, 1e-12);
        CostMatrix zero = new CostMatrix(40, 25, new double[40 * 25]);
        Transport z = solver.solve(a, b, zero);
        assertEquals(0.0, z.value(), 0.0);
        PlanChecks.assertOptimalPlan(a, b, zero, z, 1e-12);
    }

    @Test
    void integerCostsWithManyTiesOnLargerProblems() {
        Random rnd = new Random(15);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + rnd.nextInt(100);
            int k = 50 + rnd.nextInt(100);
            double[] c = new double[n * k];
            for (int e = 0; e < c.length; e++) {
                c[e] = rnd.nextInt(4);
            }
            CostMatrix m = new CostMatrix(n, k, c);
            double[] a = trial % 2 == 0 ? OT.uniform(n) : randomWeights(rnd, n, true);
            double[] b = OT.uniform(k);
            Transport t = solver.solve(a, b, m);
            assertTrue(t.converged());
            PlanChecks.assertOptimalPlan(a, b, m, t, 1e-12);
        }
    }

    @Test
    void singlePointSidesMoveEverythingToOrFromIt() {
        CostMatrix m = CostMatrix.of(new double[][] {{1, 2, 3}});
        Transport t = solver.solve(new double[] {1}, new double[] {0.2, 0.3, 0.5}, m);
        assertEquals(0.2 + 0.6 + 1.5, t.value(), 1e-15);
        assertEquals(3, t.plan().nonZeros());
    }

    @Test
    void massesThatDifferWithinToleranceAreAccepted() {
        CostMatrix m = CostMatrix.of(new double[][] {{0, 1}, {1, 0}});
        Transport t = solver.solve(new double[] {0.5, 0.5}, new double[] {0.5, 0.5 + 1e-12}, m);
        assertTrue(t.value() >= 0 && t.value() < 1e-11, "value " + t.value());
    }

    @Test
    void thePivotLimitIsReportedAsNotConverged() {
        Random rnd = new Random(16);
        CostMatrix m = randomCost(rnd, 50, 50, false);
        Transport t = new NetworkSimplex(3).solve(OT.uniform(50), OT.uniform(50), m);
        assertFalse(t.converged());
        assertEquals(3, t.iterations());
    }

    static CostMatrix randomCost(Random rnd, int n, int k, boolean ties) {
        double[] c = new double[n * k];
        for (int e = 0; e < c.length; e++) {
            c[e] = ties ? rnd.nextInt(3) : rnd.nextDouble() * 10;
        }
        return new CostMatrix(n, k, c);
    }

    static double[] randomWeights(Random rnd, int n, boolean withZeros) {
        double[] w = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            w[i] = withZeros && rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble();
            s += w[i];
        }
        if (s == 0) {
            w[0] = 1;
            s = 1;
        }
        for (int i = 0; i < n; i++) {
            w[i] /= s;
        }
        return w;
    }

    static CostMatrix transpose(CostMatrix m) {
        double[] t = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                t[j * m.rows() + i] = m.get(i, j);
            }
        }
        return new CostMatrix(m.cols(), m.rows(), t);
    }
}
