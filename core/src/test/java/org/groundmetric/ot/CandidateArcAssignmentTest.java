package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.groundmetric.metric.ProjectedCosts;
import org.junit.jupiter.api.Test;

class CandidateArcAssignmentTest {

    /**
     * Cold, warm (after the clouds moved a little), and from a far-off start: always the network
     * simplex's value, a permutation, and duals feasible on all n² arcs and tight on the plan.
     */
    @Test
    void matchesTheNetworkSimplexColdWarmAndFromBadStarts() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int k : new int[] {1, 2, 5}) {
            for (int n : new int[] {1, 2, 9, 60, 300}) {
                CandidateArcAssignment solver = new CandidateArcAssignment(n, k);
                double[] x = clusters(rng, n, k, 0);
                // Shifted cluster sizes: mass must cross between clusters, far from nearest neighbours.
                double[] y = clusters(rng, n, k, 1);
                double[] potentials = null;
                for (int round = 0; round < 4; round++) {
                    for (int p = 0; p < x.length; p++) {
                        x[p] += 0.05 * rng.nextGaussian();
                    }
                    if (round == 3) {
                        for (int j = 0; j < n; j++) {
                            potentials[j] = 10 * rng.nextGaussian();
                        }
                    }
                    Transport ours = solver.solve(x, y, potentials);
                    assertTrue(ours.converged(), "k=" + k + " n=" + n + " round " + round);
                    potentials = ours.v().clone();
                    check(x, y, n, k, ours, "k=" + k + " n=" + n + " round " + round);
                }
            }
        }
    }

    /** A solve stopped by its round limit says so and still returns a permutation, never null. */
    @Test
    void aSolveThatRunsOutOfRoundsSaysItDidNotConverge() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200;
        double[] x = clusters(rng, n, 2, 0);
        double[] y = clusters(rng, n, 2, 1);
        double[] farOff = new double[n];
        for (int j = 0; j < n; j++) {
            farOff[j] = 50 * rng.nextGaussian();
        }
        Transport t = new CandidateArcAssignment(n, 2, PointMetric.EUCLIDEAN, 1).solve(x, y, farOff);
        assertFalse(t.converged());
        boolean[] used = new boolean[n];
        for (int col : t.plan().cols()) {
            assertFalse(used[col], "a permutation");
            used[col] = true;
        }
    }

    @Test
    void identicalCloudsAndTiesGiveZero() {
        double[] x = new double[30];
        Transport t = new CandidateArcAssignment(10, 3).solve(x, x.clone(), null);
        assertEquals(0, t.value(), 0);
        double[] grid = new double[16];
        for (int i = 0; i < 8; i++) {
            grid[2 * i] = i % 2;
            grid[2 * i + 1] = i / 4;
        }
        check(grid, grid.clone(), 8, 2, new CandidateArcAssignment(8, 2).solve(grid, grid.clone(), null), "ties");
    }

    private static void check(double[] x, double[] y, int n, int k, Transport ours, String where) {
        CostMatrix c = ProjectedCosts.euclidean(x, n, y, n, k);
        Transport exact = new NetworkSimplex().solve(OT.uniform(n), OT.uniform(n), c);
        double scale = Math.max(1, exact.value());
        assertEquals(exact.value(), ours.value(), 1e-9 * scale, where);
        assertEquals(exact.value(), ours.plan().cost(c), 1e-9 * scale, where);
        boolean[] used = new boolean[n];
        for (int col : ours.plan().cols()) {
            assertTrue(!used[col], "a permutation " + where);
            used[col] = true;
        }
        int[] cols = ours.plan().cols();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertTrue(ours.u()[i] + ours.v()[j] <= c.get(i, j) + 1e-9 * scale, "dual feasible " + where);
            }
            assertEquals(c.get(i, cols[i]), ours.u()[i] + ours.v()[cols[i]], 1e-9 * scale, "tight on the plan " + where);
        }
    }

    /** Three Gaussian clusters; {@code skew} moves cluster sizes so the two sides differ. */
    private static double[] clusters(SplittableRandom rng, int n, int k, int skew) {
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            int cluster = (i * (3 + skew)) / n % 3;
            for (int q = 0; q < k; q++) {
                p[i * k + q] = 4 * cluster * (q == 0 ? 1 : 0.5) + rng.nextGaussian();
            }
        }
        return p;
    }
}
