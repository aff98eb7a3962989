package org.groundmetric.embed;

import org.groundmetric.linalg.SymmetricEigen;

/**
 * Classical (Torgerson) multidimensional scaling: places n items in a few dimensions so that their
 * Euclidean distances approximate a given distance matrix, such as the Wasserstein distances W_θ
 * between samples. Double-centres the squared distances, B = −½·J·D²·J, and takes the top
 * eigenvectors of B scaled by the square roots of their eigenvalues. Deterministic up to the sign
 * of each axis, which is fixed here so that the largest-magnitude coordinate of every axis is positive.
 */
public final class ClassicalMds {

    private ClassicalMds() {
    }

    /** The n × dims coordinates for the symmetric n×n distance matrix {@code d}. */
    public static double[][] embed(double[][] d, int dims) {
        int n = d.length;
        if (dims < 1) {
            throw new IllegalArgumentException("MDS needs at least 1 output dimension, got " + dims);
        }
        checkDistances(d);
        double[][] b = doubleCentredSquares(d);
        SymmetricEigen eig = SymmetricEigen.of(b);
        double[][] out = new double[n][dims];
        for (int r = 0; r < Math.min(dims, n); r++) {
            // Negative eigenvalues mean the distances are not Euclidean; such axes carry no spread.
            double scale = Math.sqrt(Math.max(0, eig.largestValue(r)));
            double[] vec = eig.largestVector(r);
            double sign = signOfLargest(vec);
            for (int i = 0; i < n; i++) {
                out[i][r] = sign * scale * vec[i];
            }
        }
        return out;
    }

    static void checkDistances(double[][] d) {
        int n = d.length;
        if (n == 0) {
            throw new IllegalArgumentException("the distance matrix is empty; expected n×n with n ≥ 1");
        }
        for (int i = 0; i < n; i++) {
            if (d[i].length != n) {
                throw new IllegalArgumentException("distance matrix row " + i + " has " + d[i].length
                        + " values, expected " + n + " (a square matrix)");
            }
            for (int j = 0; j < n; j++) {
                double x = d[i][j];
                if (!(x >= 0) || Double.isInfinite(x)) {
                    throw new IllegalArgumentException("distance [" + i + "][" + j + "] = " + x
                            + "; expected a finite value ≥ 0");
                }
                if (Math.abs(x - d[j][i]) > 1e-6 * Math.max(1, Math.abs(x))) {
                    throw new IllegalArgumentException("distance matrix is not symmetric: [" + i + "][" + j
                            + "] = " + x + " but [" + j + "][" + i + "] = " + d[j][i]);
                }
            }
        }
    }

    private static double[][] doubleCentredSquares(double[][] d) {
        int n = d.length;
        double[][] b = new double[n][n];
        double[] rowMean = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sq = d[i][j] * d[i][j];
                b[i][j] = sq;
                rowMean[i] += sq;
            }
            total += rowMean[i];
            rowMean[i] /= n;
        }
        total /= (double) n * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = -0.5 * (b[i][j] - rowMean[i] - rowMean[j] + total);
            }
        }
        return b;
    }

    private static double signOfLargest(double[] v) {
        double best = 0;
        for (double x : v) {
            if (Math.abs(x) > Math.abs(best)) {
                best = x;
            }
        }
        return best < 0 ? -1 : 1;
    }
}
