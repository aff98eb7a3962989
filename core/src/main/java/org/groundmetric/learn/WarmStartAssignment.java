package org.groundmetric.learn;

import java.util.Arrays;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Transport;
import org.groundmetric.ot.TransportPlan;

/**
 * Exact optimal transport between two samples of equal size n with uniform weights, as a linear
 * assignment (an optimal permutation is an optimal plan, mass 1/n each), by shortest augmenting
 * paths (Jonker–Volgenant / Crouse's formulation), warm-started from the column potentials of the
 * previous solve of the same pair.
 *
 * <p>Why warm starts pay: during training W moves a little per step, so last step's potentials
 * are nearly optimal; with row potentials reset to uᵢ = minⱼ(cᵢⱼ − vⱼ) (dual feasible), most rows
 * find a free tight column at once and only a few need an augmenting path. The result is exact
 * whatever the start; only the time depends on it.
 */
final class WarmStartAssignment {
    private final int n;
    private final double[] u;
    private double[] v;
    private final int[] rowOfCol;
    private final int[] colOfRow;
    private final double[] shortest;
    private final int[] path;
    private final boolean[] scannedRow;
    private final boolean[] scannedCol;
    private final int[] remaining;

    WarmStartAssignment(int n) {
        this.n = n;
        u = new double[n];
        rowOfCol = new int[n];
        colOfRow = new int[n];
        shortest = new double[n];
        path = new int[n];
        scannedRow = new boolean[n];
        scannedCol = new boolean[n];
        remaining = new int[n];
    }

    int size() {
        return n;
    }

    /** A cold solve (column potentials 0). */
    Transport solve(CostMatrix cost) {
        return solve(cost, new double[n]);
    }

    /**
     * Solves with the cost matrix c (n×n), starting from the column potentials {@code columnPotentials}
     * (length n, any values: e.g. zeros, or those this method left there for the same pair last
     * time); they are updated in place to this problem's optimal ones. This object is only a
     * workspace: one per thread, reusable across pairs.
     */
    Transport solve(CostMatrix cost, double[] columnPotentials) {
        if (columnPotentials.length != n) {
            throw new IllegalArgumentException("column potentials must have length " + n + ", got " + columnPotentials.length);
        }
        this.v = columnPotentials;
        if (cost.rows() != n || cost.cols() != n) {
            throw new IllegalArgumentException("assignment of size " + n + " got a " + cost.rows() + "×" + cost.cols() + " cost");
        }
        double[] c = cost.values();
        Arrays.fill(rowOfCol, -1);
        Arrays.fill(colOfRow, -1);
        int free = n;
        for (int i = 0; i < n; i++) {
            remaining[i] = i;
        }
        // Jonker–Volgenant's augmenting row reduction, twice: cheap O(n) moves that settle most rows.
        for (int round = 0; round < 2 && free > 0; round++) {
            free = reduceRows(c, free);
        }
        // Dual-feasible row potentials. An assigned row's column is a minimum of its row under c − v,
        // so its potential is read off in O(1); only free rows need a scan.
        for (int i = 0; i < n; i++) {
            int base = i * n;
            if (colOfRow[i] >= 0) {
                u[i] = c[base + colOfRow[i]] - v[colOfRow[i]];
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double r = c[base + j] - v[j];
                if (r < best) {
                    best = r;
                }
            }
            u[i] = best;
        }
        long augmentations = 0;
        for (int i = 0; i < n; i++) {
            if (colOfRow[i] < 0) {
                augment(c, i);
                augmentations++;
            }
        }
        int[] rows = new int[n];
        int[] cols = new int[n];
        double[] mass = new double[n];
        double value = 0;
        double w = 1.0 / n;
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            cols[i] = colOfRow[i];
            mass[i] = w;
            value += c[i * n + colOfRow[i]];
        }
        // The OT dual with weights 1/n has the same feasible set uᵢ + vⱼ ≤ cᵢⱼ: reported as is.
        return new Transport(value * w, new TransportPlan(rows, cols, mass), u.clone(), v.clone(), augmentations, true);
    }

    /**
     * One round of augmenting row reduction over the {@code free} rows listed in {@code remaining}:
     * each takes its cheapest column under c − v, lowering that column's potential to the gap to its
     * second cheapest (so the column stays a minimum of the row), and evicting the previous owner.
     * Keeps the invariant that every assigned row's column is a minimum of c − v over its row.
     * Returns how many rows are still free (listed first in {@code remaining}).
     */
    private int reduceRows(double[] c, int free) {
        int next = 0;
        int stillFree = 0;
        long budget = 8L * n + 8;
        while (next < free && budget-- > 0) {
            int i = remaining[next++];
            int base = i * n;
            double min = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int j1 = -1;
            int j2 = -1;
            for (int j = 0; j < n; j++) {
                double h = c[base + j] - v[j];
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
            // A single column (n = 1) has no second choice: take it, potentials unchanged.
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
                if (strict) {
                    remaining[--next] = evicted;
                } else {
                    remaining[stillFree++] = evicted;
                }
            }
        }
        // Rows left unprocessed when the budget ran out stay free for the augmentation phase.
        while (next < free) {
            remaining[stillFree++] = remaining[next++];
        }
        return stillFree;
    }

    /** One shortest augmenting path from free row {@code free} (Dijkstra on reduced costs). */
    private void augment(double[] c, int free) {
        Arrays.fill(shortest, Double.POSITIVE_INFINITY);
        Arrays.fill(scannedRow, false);
        Arrays.fill(scannedCol, false);
        int remainingCount = n;
        for (int j = 0; j < n; j++) {
            remaining[j] = n - 1 - j;
        }
        double minVal = 0;
        int i = free;
        int sink = -1;
        while (sink < 0) {
            scannedRow[i] = true;
            int index = -1;
            double lowest = Double.POSITIVE_INFINITY;
            int base = i * n;
            double ui = u[i];
            for (int it = 0; it < remainingCount; it++) {
                int j = remaining[it];
                double r = minVal + c[base + j] - ui - v[j];
                if (r < shortest[j]) {
                    path[j] = i;
                    shortest[j] = r;
                }
                // Prefer a free column among equals: it ends the search sooner.
                if (shortest[j] < lowest || (shortest[j] == lowest && rowOfCol[j] < 0)) {
                    lowest = shortest[j];
                    index = it;
                }
            }
            minVal = lowest;
            int j = remaining[index];
            if (rowOfCol[j] < 0) {
                sink = j;
            } else {
                i = rowOfCol[j];
            }
            scannedCol[j] = true;
            remaining[index] = remaining[--remainingCount];
        }
        u[free] += minVal;
        for (int r = 0; r < n; r++) {
            if (scannedRow[r] && r != free) {
                u[r] += minVal - shortest[colOfRow[r]];
            }
        }
        for (int j = 0; j < n; j++) {
            if (scannedCol[j]) {
                v[j] -= minVal - shortest[j];
            }
        }
        int j = sink;
        while (true) {
            int r = path[j];
            rowOfCol[j] = r;
            int previous = colOfRow[r];
            colOfRow[r] = j;
            if (r == free) {
                break;
            }
            j = previous;
        }
    }
}
