package org.groundmetric.ot;

/**
 * Bertsekas' auction with ε-scaling for an assignment: each free row bids for its cheapest column
 * under c + price, raising that price by the gap to its second choice plus ε, and evicts the
 * column's owner. Prices are kept as −v. A row bids from its candidate arcs, but only while they
 * vouch for the bid: every column outside them costs at least the row's floor, so when the second
 * choice lies above the floor, the row's next cheapest columns are brought in first (prices only
 * rise, so a floor stays a lower bound). The auction is thus over all n² arcs, its prices on
 * return ε-optimal duals of the whole problem (within about nε of optimal ones), while a row is
 * scanned in full only a few times.
 */
final class Auction {
    /** ε shrinks by this factor per phase. */
    static final double SCALING = 4;
    /** Columns a row brings in when its arcs cannot vouch for a bid (16 measured alike). */
    static final int RESCAN = 8;

    private Auction() {
    }

    /**
     * Gauss–Seidel auction with ε from {@code first} down to {@code last}, each phase starting from
     * an empty assignment and the prices left by the last; stops early when {@code budget} bids
     * are spent. {@code rows} scans a row in full; {@code stack} is scratch of length n.
     */
    static void run(CandidateArcs arcs, Matching match, int[] stack, long budget, double first, double last,
                    CandidateSelection rows) {
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
                double best;
                double second;
                int bestCol;
                while (true) {
                    int[] cols = arcs.columns(i);
                    double[] costs = arcs.costs(i);
                    best = Double.POSITIVE_INFINITY;
                    second = Double.POSITIVE_INFINITY;
                    bestCol = -1;
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
                    if (second <= arcs.floor[i]) {
                        break;
                    }
                    // A column outside the arcs may beat the second choice: bring the row's cheapest in.
                    int kept = rows.cheapestOutside(i, arcs, v, RESCAN + 1);
                    int take = Math.min(kept, RESCAN);
                    for (int e = 0; e < take; e++) {
                        int j = rows.column(e);
                        arcs.add(i, j, rows.reduced(e) + v[j]);
                    }
                    arcs.floor[i] = take < kept ? rows.reduced(take) : Double.POSITIVE_INFINITY;
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
