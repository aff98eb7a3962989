package org.groundmetric.baseline;

import org.groundmetric.linalg.Gram;

/**
 * A learned Mahalanobis matrix M (d×d, symmetric positive semi-definite, row-major): the squared
 * distance is (x−y)ᵀM(x−y). The baselines return it as metric-learn's get_mahalanobis_matrix does;
 * {@link PivotedCholesky} reduces it to a rank-k map W with WᵀW ≈ M.
 */
public record Mahalanobis(double[] m, int d) {

    public Mahalanobis {
        if (m.length != d * d) {
            throw new IllegalArgumentException("a " + d + "×" + d + " matrix needs " + (d * d) + " values, got " + m.length);
        }
    }

    /** M = LᵀL from a components matrix L (rows × d). */
    public static Mahalanobis fromComponents(double[] l, int rows, int d) {
        return new Mahalanobis(Gram.of(l, rows, d), d);
    }

    public double get(int i, int j) {
        return m[i * d + j];
    }

    /** (x−y)ᵀM(x−y) between points i and j of a row-major array with d columns. */
    public double squaredDistance(double[] x, int i, int j) {
        double[] diff = new double[d];
        for (int a = 0; a < d; a++) {
            diff[a] = x[i * d + a] - x[j * d + a];
        }
        double s = 0;
        for (int a = 0; a < d; a++) {
            double row = 0;
            for (int b = 0; b < d; b++) {
                row += m[a * d + b] * diff[b];
            }
            s += diff[a] * row;
        }
        return s;
    }

    /** The n×n matrix of distances √((x_i−x_j)ᵀM(x_i−x_j)) between the points. */
    public double[][] distances(LabelledPoints p) {
        double[][] out = new double[p.n()][p.n()];
        for (int i = 0; i < p.n(); i++) {
            for (int j = i + 1; j < p.n(); j++) {
                double v = Math.sqrt(Math.max(0, squaredDistance(p.x(), i, j)));
                out[i][j] = v;
                out[j][i] = v;
            }
        }
        return out;
    }
}
