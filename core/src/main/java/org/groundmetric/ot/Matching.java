package org.groundmetric.ot;

import java.util.Arrays;

/**
 * A partial assignment of n rows to n columns with its dual potentials: row i holds column
 * {@code colOfRow[i]} (−1: free), column j is held by row {@code rowOfCol[j]}, and uᵢ, vⱼ are kept
 * so that uᵢ + vⱼ ≤ cᵢⱼ on the arcs in use, with equality on assigned arcs.
 */
final class Matching {
    final int n;
    final double[] u;
    /** Column potentials; set per solve (a caller's start array is updated in place). */
    double[] v;
    final int[] rowOfCol;
    final int[] colOfRow;

    Matching(int n) {
        this.n = n;
        u = new double[n];
        rowOfCol = new int[n];
        colOfRow = new int[n];
    }

    /** Frees every row and column. */
    void clear() {
        Arrays.fill(rowOfCol, -1);
        Arrays.fill(colOfRow, -1);
    }
}
