package org.groundmetric.ot;

import java.util.Arrays;

/**
 * A feasible start for the network simplex by the matrix-minimum rule under start duals: the
 * candidate arcs in order of their reduced cost cᵢⱼ − uᵢ − vⱼ each ship as much as their source
 * still has and their sink still needs; the sources and sinks the candidate arcs could not serve
 * are then joined the same way over all of their arcs.
 *
 * <p>Why: started from every node hanging from an artificial root, the simplex spends a pivot per
 * node just to bring real arcs in, and moves large subtrees doing it. With good duals (a coarse
 * problem's) the greedy flow is close to the optimal plan, so many of those pivots are saved
 * (300 exponentially weighted points: 45% fewer pivots, a quarter less time pivoting). Under
 * uniform weights the flow is a matching and the saving is lost to degenerate pivots; the simplex
 * then starts from the root ({@link NetworkSimplex#solve(double[], double[], CostMatrix, double[])}).
 *
 * <p>The shipping arcs form a forest: each shipment empties its source or fills its sink, which
 * then takes no later arc, so the first arc of any cycle would have an endpoint with a later arc.
 * Only arcs that ship a positive amount are kept, so the forest hung from the root by zero-flow
 * arcs is a strongly feasible basis ({@link SpanningTree#SpanningTree(double[], double[], double[],
 * int, int, GreedyBasis, double[], double[])}).
 */
final class GreedyBasis {
    /** More leftover pairs than this are joined by the north-west corner rule, without sorting them. */
    private static final int SORTED_PAIRS = 1 << 20;

    /** Source i, sink j and amount of each shipping arc, in the order they were chosen. */
    final int[] rows;
    final int[] cols;
    final double[] flow;
    /** Number of shipping arcs. */
    final int size;
    /** What each source still has and each sink still needs (rounding only, as the masses balance). */
    final double[] leftA;
    final double[] leftB;

    private GreedyBasis(int[] rows, int[] cols, double[] flow, int size, double[] leftA, double[] leftB) {
        this.rows = rows;
        this.cols = cols;
        this.flow = flow;
        this.size = size;
        this.leftA = leftA;
        this.leftB = leftB;
    }

    /**
     * The greedy flow for supplies a and demands b (same total) on the n×m costs c, shipping first on
     * the candidate arcs of {@code list}, cheapest under the start duals u, v first.
     */
    static GreedyBasis of(double[] a, double[] b, double[] c, int n, int m, CandidateList list, double[] u,
                          double[] v) {
        double[] leftA = a.clone();
        double[] leftB = b.clone();
        int cap = n + m;
        int[] rows = new int[cap];
        int[] cols = new int[cap];
        double[] flow = new double[cap];
        int size = 0;
        int count = list.size();
        long[] keys = new long[count];
        for (int p = 0; p < count; p++) {
            int i = list.row(p);
            int j = list.col(p);
            keys[p] = key(list.cost(p) - u[i] - v[j], p, count);
        }
        Arrays.sort(keys);
        int mask = positionMask(count);
        for (long key : keys) {
            int p = (int) (key & mask);
            int i = list.row(p);
            int j = list.col(p);
            size = ship(i, j, leftA, leftB, rows, cols, flow, size);
        }
        size = joinTheRest(c, n, m, u, v, leftA, leftB, rows, cols, flow, size);
        return new GreedyBasis(rows, cols, flow, size, leftA, leftB);
    }

    /** Ships min(left supply of i, left demand of j) on arc (i, j) when both are positive. */
    private static int ship(int i, int j, double[] leftA, double[] leftB, int[] rows, int[] cols, double[] flow,
                            int size) {
        double amount = Math.min(leftA[i], leftB[j]);
        if (amount > 0 && size < rows.length) {
            leftA[i] -= amount;
            leftB[j] -= amount;
            rows[size] = i;
            cols[size] = j;
            flow[size] = amount;
            size++;
        }
        return size;
    }

    /** The sources and sinks left over, joined by the matrix-minimum rule over all arcs between them. */
    private static int joinTheRest(double[] c, int n, int m, double[] u, double[] v, double[] leftA,
                                   double[] leftB, int[] rows, int[] cols, double[] flow, int size) {
        int[] sources = positive(leftA);
        int[] sinks = positive(leftB);
        if (sources.length == 0 || sinks.length == 0) {
            return size;
        }
        if ((long) sources.length * sinks.length > SORTED_PAIRS) {
            // too many to sort (start duals that say nothing): the north-west corner rule
            for (int i : sources) {
                for (int j : sinks) {
                    size = ship(i, j, leftA, leftB, rows, cols, flow, size);
                }
            }
            return size;
        }
        int count = sources.length * sinks.length;
        long[] keys = new long[count];
        int p = 0;
        for (int i : sources) {
            for (int j : sinks) {
                keys[p] = key(c[i * m + j] - u[i] - v[j], p, count);
                p++;
            }
        }
        Arrays.sort(keys);
        int mask = positionMask(count);
        for (long key : keys) {
            int q = (int) (key & mask);
            size = ship(sources[q / sinks.length], sinks[q % sinks.length], leftA, leftB, rows, cols, flow, size);
        }
        return size;
    }

    private static int[] positive(double[] left) {
        int count = 0;
        for (double x : left) {
            if (x > 0) {
                count++;
            }
        }
        int[] at = new int[count];
        int k = 0;
        for (int i = 0; i < left.length; i++) {
            if (left[i] > 0) {
                at[k++] = i;
            }
        }
        return at;
    }

    /**
     * A sort key ordered as the reduced cost (negative ones, from rounding, count as 0; the lowest
     * mantissa bits give way to the position, which only blurs the order between nearly equal
     * costs).
     */
    private static long key(double reduced, int position, int count) {
        long bits = Double.doubleToLongBits(reduced > 0 ? reduced : 0.0);
        long mask = positionMask(count);
        return (bits & ~mask) | position;
    }

    private static int positionMask(int count) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1));
        return (1 << bits) - 1;
    }
}
