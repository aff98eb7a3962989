package org.groundmetric.eval;

/**
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations.
 *
 * <p>Used for the n×n double-centred matrix of classical MDS (n = number of samples, tens to a
 * few hundred) and for k×k covariances. Jacobi is O(n³) per sweep but simple, accurate to machine
 * precision and deterministic, which is what those sizes need.
 *
 * @param values  eigenvalues, in decreasing order
 * @param vectors the matching unit eigenvectors as rows: {@code vectors[r]} belongs to {@code values[r]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    /** Decomposes the symmetric matrix {@code a} (not modified). */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has " + a[i].length
                        + " values, expected " + n);
            }
            m[i] = a[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m) > 1e-22 * Math.max(1, diagonal(m)); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, p, q);
                }
            }
        }
        return sorted(m, v);
    }

    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double apq = m[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (m[q][q] - m[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (i != j) {
                    s += m[i][j] * m[i][j];
                }
            }
        }
        return s;
    }

    private static double diagonal(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += m[i][i] * m[i][i];
        }
        return s;
    }

    /** Eigenvalues from the diagonal, eigenvectors from the accumulated rotations' columns. */
    private static SymmetricEigen sorted(double[][] m, double[][] v) {
        int n = m.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(m[y][y], m[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            int c = order[r];
            values[r] = m[c][c];
            for (int k = 0; k < n; k++) {
                vectors[r][k] = v[k][c];
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
