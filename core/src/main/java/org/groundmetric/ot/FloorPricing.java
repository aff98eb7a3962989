package org.groundmetric.ot;

/**
 * The optimality certificate of an assignment over all n² arcs, in O(n): row i may violate
 * cᵢⱼ ≥ uᵢ + vⱼ only on a column outside its candidates, and those all have cᵢⱼ − vⱼ ≥ θᵢ (its
 * floor), so only rows with uᵢ &gt; θᵢ need a look. Such a row is scanned again, gains its most
 * violated arcs and a new floor, and is freed to be re-augmented.
 */
final class FloorPricing {
    /** Violating arcs a row may gain per pricing round (4 and 32 measured no better). */
    static final int ADDED_PER_ROUND = 8;
    /** Relative slack on reduced costs, far below the 1e-9 agreement asked of exact solvers. */
    private static final double TOLERANCE = 1e-12;

    private final int[] violators;

    FloorPricing(int n) {
        violators = new int[n];
    }

    /**
     * Lists the rows with uᵢ &gt; θᵢ (beyond a relative tolerance); returns how many. None means
     * the duals are feasible on every arc, so the matching is optimal.
     */
    int price(double[] u, double[] floor) {
        int count = 0;
        for (int i = 0; i < u.length; i++) {
            if (u[i] - floor[i] > TOLERANCE * (Math.abs(u[i]) + Math.abs(floor[i]))) {
                violators[count++] = i;
            }
        }
        return count;
    }

    /**
     * Scans each of the {@code violating} listed rows again: it gains its columns with
     * cᵢⱼ − vⱼ &lt; uᵢ (the most violated first, at most ADDED_PER_ROUND) and a new floor, its
     * potential drops to the minimum over its arcs (lowering it keeps every reduced cost ≥ 0), and
     * it is freed when its column is no longer that minimum. Returns the number of free rows
     * (listed in freeRows).
     */
    int admit(int violating, CandidateSelection selection, CandidateArcs arcs, Matching match,
              int[] freeRows) {
        double[] u = match.u;
        double[] v = match.v;
        int free = 0;
        for (int t = 0; t < violating; t++) {
            int i = violators[t];
            int kept = selection.cheapestOutside(i, arcs, v, ADDED_PER_ROUND + 1);
            int take = 0;
            while (take < Math.min(kept, ADDED_PER_ROUND) && selection.reduced(take) < u[i]) {
                int j = selection.column(take);
                arcs.add(i, j, selection.reduced(take) + v[j]);
                take++;
            }
            arcs.floor[i] = take < kept ? selection.reduced(take) : Double.POSITIVE_INFINITY;
            int best = arcs.rowMinimum(i, u, v);
            if (arcs.columns(i)[best] != match.colOfRow[i]) {
                int j = match.colOfRow[i];
                if (j >= 0) {
                    match.rowOfCol[j] = -1;
                    match.colOfRow[i] = -1;
                }
                freeRows[free++] = i;
            }
        }
        return free;
    }
}
