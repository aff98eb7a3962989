package org.groundmetric.embed;

import java.util.Arrays;

/**
 * Trustworthiness of an embedding (Venna &amp; Kaski 2001; scikit-learn's {@code trustworthiness}):
 * 1 when every point's k nearest neighbours in the embedding were also among its k nearest in the
 * input, falling towards 0 as the embedding invents neighbours that were far away. O(n² log n).
 */
public final class Trustworthiness {

    private Trustworthiness() {
    }

    /** Both point sets row-major: n×highDim input, n×lowDim embedding; Euclidean distances. */
    public static double score(double[] high, int highDim, double[] low, int lowDim, int k) {
        int n = high.length / highDim;
        if (low.length / lowDim != n || k < 1 || k >= n / 2.0) {
            throw new IllegalArgumentException("trustworthiness needs equal point counts and 1 ≤ k < n/2; got n="
                    + n + " vs " + (low.length / lowDim) + ", k=" + k);
        }
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            int[] highOrder = order(high, highDim, i, n);
            int[] rankInHigh = new int[n];
            for (int r = 0; r < n; r++) {
                rankInHigh[highOrder[r]] = r; // rank 0 is the point itself
            }
            int[] lowOrder = order(low, lowDim, i, n);
            for (int r = 1; r <= k; r++) {
                int rank = rankInHigh[lowOrder[r]];
                if (rank > k) {
                    penalty += rank - k;
                }
            }
        }
        return 1 - penalty * 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0));
    }

    private static int[] order(double[] p, int dim, int i, int n) {
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double diff = p[i * dim + c] - p[j * dim + c];
                s += diff * diff;
            }
            d[j] = j == i ? -1 : s;
        }
        Integer[] idx = new Integer[n];
        for (int j = 0; j < n; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (x, y) -> d[x] != d[y] ? Double.compare(d[x], d[y]) : Integer.compare(x, y));
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            out[j] = idx[j];
        }
        return out;
    }
}
