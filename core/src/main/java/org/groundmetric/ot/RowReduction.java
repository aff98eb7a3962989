package org.groundmetric.ot;

/**
 * The start of an assignment solve: Jonker–Volgenant's augmenting row reduction, twice, over the
 * candidate arcs. Each free row takes its cheapest column under c − v, lowering that column's
 * potential to the gap to its second cheapest (lowering v keeps every floor valid), and evicts the
 * column's owner. Every assigned arc is then a minimum of its row, so with uᵢ = that minimum the
 * assigned arcs are tight and all candidate arcs have reduced cost ≥ 0.
 */
final class RowReduction {
    /** Times per round a row evicted by a strict reduction is taken up again at once. */
    private static final int CHAIN = 4;
    private RowReduction() {
    }

    /**
     * Assigns what the reduction can from an empty matching and sets every uᵢ; returns the number
     * of rows left free, listed first in {@code freeRows} (length n).
     */
    static int start(CandidateArcs arcs, Matching match, int[] freeRows) {
        int n = match.n;
        int free = n;
        for (int i = 0; i < n; i++) {
            freeRows[i] = i;
        }
        int[] chained = new int[n];
        for (int round = 0; round < 2 && free > 0; round++) {
            java.util.Arrays.fill(chained, 0);
            free = reduceRows(arcs, match, freeRows, free, chained);
        }
        for (int i = 0; i < n; i++) {
            int j = match.colOfRow[i];
            if (j < 0) {
                arcs.rowMinimum(i, match.u, match.v);
            } else {
                match.u[i] = arcs.costOf(i, j) - match.v[j];
            }
        }
        return free;
    }

    /**
     * One round of augmenting row reduction over the first {@code free} rows of freeRows; returns
     * how many stay free. A row evicted by a strict reduction is taken up again at once, but at
     * most {@value #CHAIN} times per round ({@code chained} counts): with potentials already close
     * to optimal (after an auction) the gaps are tiny, and two rows can evict each other for a
     * long time while every reduction is a rounding-sized step; such a row is left to the
     * shortest augmenting paths instead.
     */
    private static int reduceRows(CandidateArcs arcs, Matching match, int[] freeRows, int free, int[] chained) {
        double[] v = match.v;
        int[] rowOfCol = match.rowOfCol;
        int[] colOfRow = match.colOfRow;
        int next = 0;
        int stillFree = 0;
        long budget = 8L * match.n + 8;
        while (next < free && budget-- > 0) {
            int i = freeRows[next++];
            int[] cols = arcs.columns(i);
            double[] costs = arcs.costs(i);
            double min = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int j1 = -1;
            int j2 = -1;
            for (int e = 0; e < arcs.count(i); e++) {
                int j = cols[e];
                double h = costs[e] - v[j];
                if (h < second) {
                    if (h >= min) {
                        second = h;
                        j2 = j;
                    } else {
                        second = min;
                        j2 = j1;
                        min = h;
                        j1 = j;
                    }
                }
            }
            int evicted = rowOfCol[j1];
            // A row with a single arc has no second choice: take it, potentials unchanged.
            boolean strict = j2 >= 0 && min < second;
            if (strict) {
                v[j1] -= second - min;
            } else if (evicted >= 0 && j2 >= 0) {
                j1 = j2;
                evicted = rowOfCol[j2];
            }
            if (evicted >= 0) {
                colOfRow[evicted] = -1;
            }
            rowOfCol[j1] = i;
            colOfRow[i] = j1;
            if (evicted >= 0) {
                if (strict && chained[evicted]++ < CHAIN) {
                    freeRows[--next] = evicted;
                } else {
                    freeRows[stillFree++] = evicted;
                }
            }
        }
        // Rows left when the budget ran out stay free for the augmentations.
        while (next < free) {
            freeRows[stillFree++] = freeRows[next++];
        }
        return stillFree;
    }
}
