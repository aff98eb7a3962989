package org.groundmetric.ot;

/**
 * Bertsekas' auction with ε-scaling over an assignment's candidate arcs: each free row bids for
 * its cheapest column under c + price, raising that price by the gap to its second choice plus ε,
 * and evicts the column's owner. Prices are kept as −v, so on return the column potentials are
 * ε-optimal duals on the arcs (within about nε of optimal ones).
 */
final class Auction {
    /** ε shrinks by this factor per phase. */
    static final double SCALING = 4;

    private Auction() {
    }

    /**
     * Gauss–Seidel auction with ε from {@code first} down to {@code last}, each phase starting from
     * an empty assignment and the prices left by the last; stops early when {@code budget} bids
     * are spent. {@code stack} is scratch of length n.
     */
    static void run(CandidateArcs arcs, Matching match, int[] stack, long budget, double first, double last) {
        int n = match.n;
        double[] v = match.v;
        int[] rowOfCol = match.rowOfCol;
        int[] colOfRow = match.colOfRow;
        for (double eps = first; ; eps /= SCALING) {
            match.clear();
            int top = 0;
            for (int i = n - 1; i >= 0; i--) {
                stack[top++] = i;
            }
            while (top > 0 && budget-- > 0) {
                int i = stack[--top];
                int[] cols = arcs.columns(i);
                double[] costs = arcs.costs(i);
                double best = Double.POSITIVE_INFINITY;
                double second = Double.POSITIVE_INFINITY;
                int bestCol = -1;
                for (int e = 0; e < arcs.count(i); e++) {
                    double value = costs[e] - v[cols[e]];
                    if (value < second) {
                        if (value < best) {
                            second = best;
                            best = value;
                            bestCol = cols[e];
                        } else {
                            second = value;
                        }
                    }
                }
                v[bestCol] -= (second == Double.POSITIVE_INFINITY ? 0 : second - best) + eps;
                int previous = rowOfCol[bestCol];
                rowOfCol[bestCol] = i;
                colOfRow[i] = bestCol;
                if (previous >= 0) {
                    colOfRow[previous] = -1;
                    stack[top++] = previous;
                }
            }
            if (eps <= last || budget <= 0) {
                return;
            }
        }
    }
}
