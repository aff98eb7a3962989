package org.groundmetric.embed;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.groundmetric.neighbours.NearestNeighbours;

/**
 * Trustworthiness of an embedding (Venna &amp; Kaski 2001; scikit-learn's {@code trustworthiness}):
 * 1 when every point's k nearest neighbours in the embedding were also among its k nearest in the
 * input, falling towards 0 as the embedding invents neighbours that were far away. The input is
 * given as points or, as for samples under W_θ, as a distance matrix (scikit-learn's
 * metric="precomputed"). O(n² log n).
 */
public final class Trustworthiness {

    private Trustworthiness() {
    }

    /** Both point sets row-major: n×highDim input, n×lowDim embedding; Euclidean distances. */
    public static double score(double[] high, int highDim, double[] low, int lowDim, int k) {
        int n = high.length / highDim;
        check(n, low.length / lowDim, k);
        return score(n, k, i -> NearestNeighbours.squaredDistancesFrom(high, highDim, i),
                i -> NearestNeighbours.squaredDistancesFrom(low, lowDim, i));
    }

    /** The input as an n×n distance matrix (e.g. W_θ between samples), the embedding as n points (rows). */
    public static double score(double[][] highDistances, double[][] low, int k) {
        int n = highDistances.length;
        check(n, low.length, k);
        int lowDim = low[0].length;
        double[] flat = new double[n * lowDim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(low[i], 0, flat, i * lowDim, lowDim);
        }
        return score(n, k, i -> highDistances[i].clone(), i -> NearestNeighbours.squaredDistancesFrom(flat, lowDim, i));
    }

    /** scikit-learn's default of 5 neighbours, fewer for few points (k must stay below n/2); 0 below 3 points. */
    public static int defaultNeighbours(int n) {
        return Math.max(0, Math.min(5, (n - 1) / 2));
    }

    private static void check(int n, int lowN, int k) {
        if (lowN != n || k < 1 || k >= n / 2.0) {
            throw new IllegalArgumentException("trustworthiness needs equal point counts and 1 ≤ k < n/2; got n="
                    + n + " vs " + lowN + ", k=" + k);
        }
    }

    private static double score(int n, int k, IntFunction<double[]> highRow, IntFunction<double[]> lowRow) {
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            int[] highOrder = order(highRow.apply(i), i);
            int[] rankInHigh = new int[n];
            for (int r = 0; r < n; r++) {
                rankInHigh[highOrder[r]] = r; // rank 0 is the point itself
            }
            int[] lowOrder = order(lowRow.apply(i), i);
            for (int r = 1; r <= k; r++) {
                int rank = rankInHigh[lowOrder[r]];
                if (rank > k) {
                    penalty += rank - k;
                }
            }
        }
        return 1 - penalty * 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0));
    }

    /** Indices by distance from point i (itself first), ties by index. */
    private static int[] order(double[] d, int i) {
        int n = d.length;
        d[i] = -1;
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
