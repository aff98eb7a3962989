package org.groundmetric.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Agreement between two labellings of the same points (e.g. flat clusters against class labels),
 * with scikit-learn's definitions: mutual information in nats ({@code mutual_info_score}), the
 * adjusted Rand index ({@code adjusted_rand_score}, from the pair confusion matrix) and the
 * variation of information VI = H(U) + H(V) − 2·MI (nats). Labels are arbitrary integers.
 */
public record ClusterScores(double mutualInformation, double adjustedRandIndex, double variationOfInformation) {

    public static ClusterScores of(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " cluster labels");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("cluster scores need at least one point");
        }
        int[] u = dense(truth);
        int[] v = dense(predicted);
        int nu = max(u) + 1;
        int nv = max(v) + 1;
        long[][] table = new long[nu][nv];
        for (int i = 0; i < u.length; i++) {
            table[u[i]][v[i]]++;
        }
        long[] a = new long[nu];
        long[] b = new long[nv];
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < nv; j++) {
                a[i] += table[i][j];
                b[j] += table[i][j];
            }
        }
        double n = u.length;
        double mi = 0;
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < nv; j++) {
                long nij = table[i][j];
                if (nij > 0) {
                    mi += nij / n * (Math.log(nij) + Math.log(n) - Math.log(a[i]) - Math.log(b[j]));
                }
            }
        }
        mi = Math.max(mi, 0.0);
        double vi = entropy(a, n) + entropy(b, n) - 2 * mi;
        return new ClusterScores(mi, ari(table, a, b, u.length), Math.max(vi, 0.0));
    }

    /** scikit-learn's adjusted_rand_score via the pair confusion matrix (tn, fp, fn, tp). */
    private static double ari(long[][] table, long[] a, long[] b, long n) {
        double sumSquares = 0;
        for (long[] row : table) {
            for (long v : row) {
                sumSquares += (double) v * v;
            }
        }
        double sumA2 = 0;
        for (long v : a) {
            sumA2 += (double) v * v;
        }
        double sumB2 = 0;
        for (long v : b) {
            sumB2 += (double) v * v;
        }
        double nd = n;
        double tp = sumSquares - nd;
        double fp = sumB2 - sumSquares; // pairs together in predicted, apart in truth
        double fn = sumA2 - sumSquares;
        double tn = nd * nd - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    private static double entropy(long[] counts, double n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** Maps arbitrary labels to 0..m−1 in order of first appearance. */
    private static int[] dense(int[] labels) {
        Map<Integer, Integer> ids = new HashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Integer id = ids.get(labels[i]);
            if (id == null) {
                id = ids.size();
                ids.put(labels[i], id);
            }
            out[i] = id;
        }
        return out;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
