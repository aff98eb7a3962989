package org.groundmetric.baseline;

/**
 * Low-rank approximation of a positive semi-definite matrix M (d×d) by the pivoted Cholesky
 * decomposition (Harbrecht, Peters &amp; Schneider 2012): greedily take the column with the largest
 * remaining diagonal, subtract its rank-one part, and stop after {@code rank} steps or when the
 * trace of the remainder, tr(M − WᵀW) = Σ remaining diagonal, is at most {@code tolerance}·tr(M).
 * Returns W (r×d, r ≤ rank) with WᵀW ≈ M, the rank-k map the paper uses to turn full-rank learned
 * metrics into ground metrics comparable with GGML's W_θ.
 *
 * @param w     r×d row-major
 * @param rows  r, the rank reached
 * @param d     columns
 * @param traceError tr(M − WᵀW) at the end
 */
public record PivotedCholesky(double[] w, int rows, int d, double traceError) {

    /** Reduces M to at most {@code rank} rows, stopping early when the trace error is ≤ tolerance·tr(M). */
    public static PivotedCholesky of(Mahalanobis m, int rank, double tolerance) {
        int d = m.d();
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, got " + rank);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("trace tolerance must be non-negative, got " + tolerance);
        }
        double[] diag = new double[d];
        double trace = 0;
        for (int i = 0; i < d; i++) {
            diag[i] = m.get(i, i);
            if (diag[i] < -1e-9 * Math.abs(diag[i]) - 1e-300) {
                throw new IllegalArgumentException("M is not positive semi-definite: diagonal entry " + i + " is " + diag[i]);
            }
            trace += Math.max(0, diag[i]);
        }
        int maxRows = Math.min(rank, d);
        double[] w = new double[maxRows * d];
        int r = 0;
        double error = trace;
        while (r < maxRows && error > tolerance * trace) {
            int pivot = 0;
            for (int i = 1; i < d; i++) {
                if (diag[i] > diag[pivot]) {
                    pivot = i;
                }
            }
            double dp = diag[pivot];
            if (!(dp > 0)) {
                break; // the remainder is zero: M has lower rank
            }
            double sq = Math.sqrt(dp);
            for (int j = 0; j < d; j++) {
                double s = m.get(pivot, j);
                for (int q = 0; q < r; q++) {
                    s -= w[q * d + pivot] * w[q * d + j];
                }
                w[r * d + j] = s / sq;
            }
            for (int j = 0; j < d; j++) {
                diag[j] -= w[r * d + j] * w[r * d + j];
            }
            diag[pivot] = 0; // exactly eliminated
            error = 0;
            for (int j = 0; j < d; j++) {
                error += Math.max(0, diag[j]);
            }
            r++;
        }
        double[] out = new double[r * d];
        System.arraycopy(w, 0, out, 0, out.length);
        return new PivotedCholesky(out, r, d, Math.max(0, error));
    }

    /** WᵀW as a Mahalanobis matrix. */
    public Mahalanobis product() {
        return Mahalanobis.fromComponents(w, rows, d);
    }
}
