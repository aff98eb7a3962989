package org.groundmetric.ot;

import java.util.Arrays;

/**
 * Exact balanced optimal transport by the primal network simplex method on the bipartite
 * transportation network (sources 0..n−1 → sinks n..n+m−1, one arc per cost entry).
 *
 * <p>The basis is a {@link SpanningTree} (strongly feasible, so the degenerate problems of uniform
 * weights and ties cannot cycle); entering arcs come from a {@link CandidateList} by block search,
 * and when none of its arcs prices out negative every arc is priced once, so the result is exactly
 * optimal over all arcs. Before each full pricing the potentials are recomputed from the tree in
 * one pass, so no rounding accumulated over many pivots can hide a negative arc or fake one.
 *
 * <p>Instances hold no state between calls and may be shared by threads.
 */
public final class NetworkSimplex implements TransportSolver {

    /**
     * Weighted problems whose smaller side has this many points start from the root, not from the
     * greedy flow (thread CPU, greedy against root start: 300 points 8% and 20% faster with
     * exponential weights, near and far apart; 1000 and 2000 points 8% slower near, 5–7% faster
     * far apart).
     */
    static final int GREEDY_START_BELOW = 1000;

    private final long maxPivots;   // 0: the automatic limit of defaultMaxPivots(n, m)

    /** A solver whose pivot limit is {@link #defaultMaxPivots(int, int)}. */
    public NetworkSimplex() {
        this.maxPivots = 0;
    }

    /** @param maxPivots stop (with {@code converged=false}) after this many pivots */
    public NetworkSimplex(long maxPivots) {
        if (maxPivots <= 0) {
            throw new IllegalArgumentException("maxPivots must be positive, got " + maxPivots);
        }
        this.maxPivots = maxPivots;
    }

    /**
     * The default pivot limit, 10⁴·(n+m) + 10⁶: random 2000×2000 problems take about 4·(n+m) pivots,
     * so reaching it means a stall (e.g. from rounding on a pathological cost), reported as
     * {@code converged=false} instead of running forever.
     */
    public static long defaultMaxPivots(int n, int m) {
        return 10_000L * (n + m) + 1_000_000L;
    }

    @Override
    public Transport solve(double[] a, double[] b, CostMatrix cost) {
        Weights.checkProblem(a, b, cost);
        int n = cost.rows();
        int m = cost.cols();
        long limit = maxPivots > 0 ? maxPivots : defaultMaxPivots(n, m);
        SpanningTree tree = new SpanningTree(a, b, cost.values(), n, m);
        double[] c = cost.values();
        CandidateList candidates;
        if (Math.min(n, m) < CoarseDuals.SMALLEST) {
            candidates = CandidateList.cheapestPerRow(c, n, m);
        } else {
            // no start potentials: v = 0, each row's and each column's cheapest arcs by cost (points
            // in 50 and 100 dimensions at 300: 20–25% fewer pivots than each row's alone; 8–25% less
            // time on a bare 1000×1000 cost matrix)
            double[] startV = new double[m];
            candidates = CandidateList.fromDuals(c, n, m, rowMinima(c, n, m, startV), startV);
        }
        return solve(tree, candidates, c, limit);
    }

    /**
     * Exact OT whose first candidate arcs are chosen by start column potentials {@code startV}
     * (length m, e.g. a coarse problem's duals, or a previous solve's): each row's and each
     * column's cheapest arcs under the reduced cost. Any start gives the exact answer; a good one
     * gives it fast. Under weights that are not all equal, on fewer than
     * {@value #GREEDY_START_BELOW} points, the first basis is the greedy flow on those arcs
     * ({@link GreedyBasis}; 300 exponentially weighted points: 45% fewer pivots); else every node
     * starts hung from the root (under uniform weights the greedy flow is a matching whose
     * degenerate pivots cost more than they save).
     */
    public Transport solve(double[] a, double[] b, CostMatrix cost, double[] startV) {
        Weights.checkProblem(a, b, cost);
        int n = cost.rows();
        int m = cost.cols();
        if (startV == null || startV.length != m) {
            throw new IllegalArgumentException("start potentials v must have one value per cost matrix column ("
                    + m + "), got " + (startV == null ? "null" : startV.length + " values"));
        }
        double[] c = cost.values();
        double[] startU = rowMinima(c, n, m, startV);
        long limit = maxPivots > 0 ? maxPivots : defaultMaxPivots(n, m);
        CandidateList candidates = CandidateList.fromDuals(c, n, m, startU, startV);
        SpanningTree tree;
        if (Math.min(n, m) >= GREEDY_START_BELOW || Weights.allEqual(a) && Weights.allEqual(b)) {
            tree = new SpanningTree(a, b, c, n, m);
        } else {
            GreedyBasis basis = GreedyBasis.of(a, SpanningTree.balancedDemand(a, b), c, n, m, candidates, startU,
                    startV);
            tree = new SpanningTree(c, n, m, basis, startU, startV);
        }
        return solve(tree, candidates, c, limit);
    }

    /**
     * Exact OT between two weighted point clouds: the cost matrix, and when the clouds are large
     * enough for it to pay ({@link CoarseDuals#paysForNetworkSimplex}), start potentials from the exactly solved transport between their
     * cluster centres ({@link CoarseDuals}), which keeps the candidate arcs right on clouds that
     * lie apart.
     */
    public Transport solve(PointClouds problem) {
        CostMatrix cost = problem.costs();
        if (!CoarseDuals.paysForNetworkSimplex(problem)) {
            return solve(problem.a(), problem.b(), cost);
        }
        return solve(problem.a(), problem.b(), cost, CoarseDuals.columnPotentials(problem));
    }

    /** uᵢ = min over j of cᵢⱼ − vⱼ (the c-transform of v: the best duals u for these v). */
    private static double[] rowMinima(double[] c, int n, int m, double[] v) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            int row = i * m;
            for (int j = 0; j < m; j++) {
                min = Math.min(min, c[row + j] - v[j]);
            }
            u[i] = min;
        }
        return u;
    }

    /**
     * Pivots on the candidates' entering arcs until none prices out negative, then prices every
     * arc; ends when that full pricing finds none, so the result is exactly optimal over all arcs.
     */
    private static Transport solve(SpanningTree tree, CandidateList candidates, double[] c, long maxPivots) {
        // a reduced cost must be below −eps to enter
        double eps = 64 * Math.ulp(tree.artCost);
        long pivots = 0;
        while (true) {
            long in;
            while ((in = candidates.findEnteringArc(tree.pi, eps)) >= 0) {
                if (pivots >= maxPivots) {
                    tree.recomputePotentials();
                    return result(tree, c, pivots, false);
                }
                tree.pivot(in);
                pivots++;
            }
            // Remove the rounding that many small potential updates accumulate, then price
            // every arc; the ones that still price out negative join the candidate list.
            tree.recomputePotentials();
            if (candidates.appendNegativeArcs(tree.pi, eps) == 0) {
                return result(tree, c, pivots, true);
            }
        }
    }

    /** The plan on the tree arcs that carry flow, its cost, and the duals in POT's convention. */
    private static Transport result(SpanningTree tree, double[] c, long pivots, boolean converged) {
        int n = tree.n;
        int m = tree.m;
        int count = 0;
        for (int u = 0; u < tree.nodes; u++) {
            if (tree.arcAbove(u) >= 0 && tree.flowAbove(u) > 0) {
                count++;
            }
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] mass = new double[count];
        double value = 0;
        int k = 0;
        for (int u = 0; u < tree.nodes; u++) {
            if (tree.arcAbove(u) >= 0 && tree.flowAbove(u) > 0) {
                int e = (int) tree.arcAbove(u);
                rows[k] = e / m;
                cols[k] = e % m;
                mass[k] = tree.flowAbove(u);
                value += tree.flowAbove(u) * c[e];
                k++;
            }
        }
        sortByRowThenColumn(rows, cols, mass);
        // Duals in POT's convention: u_i = −pi_i, v_j = pi_{n+j}, so u_i + v_j ≤ M_ij.
        double[] pi = tree.pi;
        double[] u = new double[n];
        double[] v = new double[m];
        // A constant shift of all potentials changes no uᵢ + vⱼ: centre on node 0's component.
        double shift = pi[tree.topOf(0)];
        for (int i = 0; i < n; i++) {
            u[i] = -(pi[i] - shift);
        }
        for (int j = 0; j < m; j++) {
            v[j] = pi[n + j] - shift;
        }
        return new Transport(value, new TransportPlan(rows, cols, mass), u, v, pivots, converged);
    }

    /** Orders plan entries by (row, column) so results read naturally and compare easily. */
    static void sortByRowThenColumn(int[] rows, int[] cols, double[] mass) {
        int len = rows.length;
        // key = arc (row, column) in the high bits, original position in the low 32 bits
        long[] keys = new long[len];
        int m = 0;
        for (int p = 0; p < len; p++) {
            m = Math.max(m, cols[p] + 1);
        }
        for (int p = 0; p < len; p++) {
            keys[p] = (((long) rows[p] * m + cols[p]) << 32) | p;
        }
        Arrays.sort(keys);
        double[] massCopy = mass.clone();
        for (int q = 0; q < len; q++) {
            long arc = keys[q] >>> 32;
            rows[q] = (int) (arc / m);
            cols[q] = (int) (arc % m);
            mass[q] = massCopy[(int) keys[q]];
        }
    }
}
