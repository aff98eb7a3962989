package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The network simplex's greedy start under non-uniform weights: a feasible forest on the
 * candidate arcs that the simplex takes as its first basis and leaves for the same certified
 * optimum as the start with every node hung from the root.
 */
class GreedyBasisTest {

    @Test
    void theGreedyFlowIsAFeasibleForestThatShipsEverything() {
        PointClouds p = ExactSolversTest.problem("weights", 260, 3);
        CostMatrix cost = p.costs();
        int n = p.n();
        int m = p.m();
        double[] v = CoarseDuals.columnPotentials(p);
        double[] u = cTransform(cost.values(), n, m, v);
        CandidateList list = CandidateList.fromDuals(cost.values(), n, m, u, v);
        double[] b = SpanningTree.balancedDemand(p.a(), p.b());
        GreedyBasis basis = GreedyBasis.of(p.a(), b, cost.values(), n, m, list, u, v);

        assertTrue(basis.size <= n + m - 1, basis.size + " arcs");
        double[] rows = new double[n];
        double[] cols = new double[m];
        int[] component = new int[n + m];
        for (int x = 0; x < component.length; x++) {
            component[x] = x;
        }
        for (int e = 0; e < basis.size; e++) {
            assertTrue(basis.flow[e] > 0, "only arcs that ship are kept");
            rows[basis.rows[e]] += basis.flow[e];
            cols[basis.cols[e]] += basis.flow[e];
            int r = find(component, basis.rows[e]);
            int c = find(component, n + basis.cols[e]);
            assertTrue(r != c, "arc " + e + " closes a cycle");
            component[r] = c;
        }
        for (int i = 0; i < n; i++) {
            assertEquals(p.a()[i], rows[i], 1e-15, "source " + i + " ships its weight");
        }
        for (int j = 0; j < m; j++) {
            assertEquals(b[j], cols[j], 1e-15, "sink " + j + " receives its weight");
        }

        // the simplex's first basis is this forest: each arc above a node, with its flow, and
        // potentials that price every tree arc at zero
        SpanningTree tree = new SpanningTree(cost.values(), n, m, basis, u, v);
        java.util.Map<Long, Double> shipped = new java.util.HashMap<>();
        for (int e = 0; e < basis.size; e++) {
            shipped.put((long) basis.rows[e] * m + basis.cols[e], basis.flow[e]);
        }
        int real = 0;
        for (int x = 0; x < n + m; x++) {
            long arc = tree.arcAbove(x);
            if (arc >= 0) {
                real++;
                assertEquals(shipped.get(arc), tree.flowAbove(x), 0.0, "flow on arc " + arc);
                int i = (int) (arc / m);
                int j = (int) (arc % m);
                assertEquals(0, cost.values()[(int) arc] + tree.pi[i] - tree.pi[n + j], 1e-12, "reduced cost of " + arc);
            } else {
                assertEquals(0, tree.flowAbove(x), 1e-15, "no flow through the root");
            }
        }
        assertEquals(basis.size, real, "every greedy arc is a tree arc");
    }

    @Test
    void weightedSolvesFromTheGreedyStartAreCertified() {
        for (String family : new String[] {"weights", "tiny"}) {
            for (int n : new int[] {7, 90, 260}) {
                PointClouds p = ExactSolversTest.problem(family, n, n);
                CostMatrix cost = p.costs();
                Transport plain = new NetworkSimplex().solve(p.a(), p.b(), cost);
                double[] v = p.n() >= CoarseDuals.SMALLEST ? CoarseDuals.columnPotentials(p) : new double[p.m()];
                Transport greedy = new NetworkSimplex().solve(p.a(), p.b(), cost, v);
                PlanChecks.assertOptimalPlan(p.a(), p.b(), cost, greedy, 1e-12);
                assertEquals(plain.value(), greedy.value(), 1e-9 * Math.max(1, plain.value()), family + " n=" + n);
            }
        }
    }

    @Test
    void uniformWeightsKeepTheStartFromTheRoot() {
        // a matching's degenerate pivots cost more than the greedy start saves: the same start as before
        PointClouds p = ExactSolversTest.problem("unequal", 90, 2);
        CostMatrix cost = p.costs();
        Transport first = new NetworkSimplex().solve(p.a(), p.b(), cost);
        Transport again = new NetworkSimplex().solve(p.a(), p.b(), cost, first.v());
        PlanChecks.assertOptimalPlan(p.a(), p.b(), cost, again, 1e-12);
        assertTrue(again.iterations() >= p.m(), again.iterations() + " pivots: every sink starts at the root");
    }

    @Test
    void manyTiedCostsAreToldApartFromContinuousClouds() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 300;
        // distinct points of the integer grid {0..9}³ (no repeated points to merge)
        PointClouds grid = PointClouds.uniform(distinctGridPoints(rng, n), n, distinctGridPoints(rng, n), n, 3,
                PointMetric.EUCLIDEAN);
        assertTrue(Solver.manyTiedCosts(grid));
        assertEquals(Solver.NETWORK_SIMPLEX, Solver.AUTO.resolve(grid), "tied costs below 600 points");
        PointClouds far = ExactSolversTest.problem("far", 300, 1);
        assertFalse(Solver.manyTiedCosts(far));
        assertEquals(Solver.ASSIGNMENT, Solver.AUTO.resolve(far));
        PointClouds largeGrid = PointClouds.uniform(distinctGridPoints(rng, 700), 700, distinctGridPoints(rng, 700), 700,
                3, PointMetric.EUCLIDEAN);
        assertEquals(Solver.ASSIGNMENT, Solver.AUTO.resolve(largeGrid), "from 600 points the auction pays again");
        Transport t = Solver.AUTO.solve(grid);
        CostMatrix cost = grid.costs();
        PlanChecks.assertOptimalPlan(grid.a(), grid.b(), cost, t, 1e-12);
        assertEquals(Solver.ASSIGNMENT.solve(grid).value(), t.value(), 1e-9 * t.value(), "same optimum as the assignment");
    }

    private static double[] distinctGridPoints(SplittableRandom rng, int n) {
        int[] cells = new int[1000];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = c;
        }
        for (int c = cells.length - 1; c > 0; c--) {
            int r = rng.nextInt(c + 1);
            int t = cells[c];
            cells[c] = cells[r];
            cells[r] = t;
        }
        double[] p = new double[n * 3];
        for (int i = 0; i < n; i++) {
            p[3 * i] = cells[i] % 10;
            p[3 * i + 1] = cells[i] / 10 % 10;
            p[3 * i + 2] = cells[i] / 100;
        }
        return p;
    }

    static double[] cTransform(double[] c, int n, int m, double[] v) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                min = Math.min(min, c[i * m + j] - v[j]);
            }
            u[i] = min;
        }
        return u;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            x = parent[x] = parent[parent[x]];
        }
        return x;
    }
}
