package org.groundmetric.learn;

import org.groundmetric.LocalEngine;

/**
 * W_θ between every two training samples under the current W, for hard-triplet mining
 * ({@link TripletStrategy#NEAREST}): one distance matrix per epoch. The pairs are solved like the
 * batches' ({@link PairTransports}), sharing their warm starts.
 */
final class TrainingDistances {
    private final TrainingCells cells;
    private final LocalEngine local;
    private final PairTransports pairs;

    TrainingDistances(TrainingCells cells, LocalEngine local, PairTransports pairs) {
        this.cells = cells;
        this.local = local;
        this.pairs = pairs;
    }

    /** The n×n row-major matrix of W_θ between the training samples under V (zero diagonal). */
    double[] of(double[] v) {
        int n = cells.size();
        int[] all = new int[n];
        for (int s = 0; s < n; s++) {
            all[s] = s;
        }
        double[][] projected = cells.project(all, cells.effectiveW(v), local);
        int pairCount = n * (n - 1) / 2;
        int[] pa = new int[pairCount];
        int[] pb = new int[pairCount];
        long[] keys = new long[pairCount];
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pa[p] = a;
                pb[p] = b;
                keys[p++] = PairTransports.key(a, b);
            }
        }
        PairSolve.Solution[] solved = pairs.solve(keys, pa, pb, projected, cells.masses(all));
        double[] out = new double[n * n];
        for (int q = 0; q < pairCount; q++) {
            out[pa[q] * n + pb[q]] = solved[q].objective();
            out[pb[q] * n + pa[q]] = solved[q].objective();
        }
        return out;
    }
}
