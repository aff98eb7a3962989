package org.groundmetric.linalg;

/**
 * Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations (accurate to machine
 * precision, O(d³) per sweep; meant for the d×d scatter and Mahalanobis matrices of the baselines),
 * and the symmetric-definite generalised problem A v = λ B v through the Cholesky factor of B,
 * with eigenvectors normalised to vᵀBv = 1 (as scipy.linalg.eigh(a, b)).
 *
 * @param values  eigenvalues, ascending
 * @param vectors d×d row-major; column i is the eigenvector of values[i]
 */
public record SymmetricEigen(double[] values, double[] vectors, int d) {

    /** Decomposes a symmetric matrix given as rows (not modified). */
    public static SymmetricEigen of(double[][] a) {
        int d = a.length;
        double[] flat = new double[d * d];
        for (int i = 0; i < d; i++) {
            if (a[i].length != d) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has " + a[i].length
                        + " values, expected " + d);
            }
            System.arraycopy(a[i], 0, flat, i * d, d);
        }
        return of(flat, d);
    }

    /** The r-th largest eigenvalue (r = 0 is the largest). */
    public double largestValue(int r) {
        return values[d - 1 - r];
    }

    /** The unit eigenvector of {@link #largestValue(int) largestValue(r)}, as a new array. */
    public double[] largestVector(int r) {
        int c = d - 1 - r;
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            out[i] = vectors[i * d + c];
        }
        return out;
    }

    /** Decomposes the symmetric d×d row-major matrix a (not modified). */
    public static SymmetricEigen of(double[] a, int d) {
        double[] m = a.clone();
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            v[i * d + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < d; i++) {
                diag += m[i * d + i] * m[i * d + i];
                for (int j = i + 1; j < d; j++) {
                    off += m[i * d + j] * m[i * d + j];
                }
            }
            if (off <= 1e-30 * diag || off == 0) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = m[p * d + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (m[q * d + q] - m[p * d + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) { // rotate columns p, q
                        double akp = m[k * d + p];
                        double akq = m[k * d + q];
                        m[k * d + p] = c * akp - s * akq;
                        m[k * d + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) { // rotate rows p, q
                        double apk = m[p * d + k];
                        double aqk = m[q * d + k];
                        m[p * d + k] = c * apk - s * aqk;
                        m[q * d + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k * d + p];
                        double vkq = v[k * d + q];
                        v[k * d + p] = c * vkp - s * vkq;
                        v[k * d + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = m[i * d + i];
        }
        return sorted(values, v, d);
    }

    /** Solves A v = λ B v for symmetric A and symmetric positive definite B. */
    public static SymmetricEigen generalized(double[] a, double[] b, int d) {
        double[] l = cholesky(b, d);
        // C = L⁻¹ A L⁻ᵀ
        double[] y = new double[d * d]; // Y = L⁻¹ A
        for (int col = 0; col < d; col++) {
            for (int i = 0; i < d; i++) {
                double s = a[i * d + col];
                for (int k = 0; k < i; k++) {
                    s -= l[i * d + k] * y[k * d + col];
                }
                y[i * d + col] = s / l[i * d + i];
            }
        }
        double[] c = new double[d * d]; // C = Y L⁻ᵀ, i.e. Cᵀ = L⁻¹ Yᵀ
        for (int row = 0; row < d; row++) {
            for (int i = 0; i < d; i++) {
                double s = y[row * d + i];
                for (int k = 0; k < i; k++) {
                    s -= l[i * d + k] * c[row * d + k];
                }
                c[row * d + i] = s / l[i * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = (c[i * d + j] + c[j * d + i]) / 2;
                c[i * d + j] = s;
                c[j * d + i] = s;
            }
        }
        SymmetricEigen e = of(c, d);
        // v = L⁻ᵀ u for every eigenvector u
        double[] v = new double[d * d];
        for (int col = 0; col < d; col++) {
            for (int i = d - 1; i >= 0; i--) {
                double s = e.vectors[i * d + col];
                for (int k = i + 1; k < d; k++) {
                    s -= l[k * d + i] * v[k * d + col];
                }
                v[i * d + col] = s / l[i * d + i];
            }
        }
        return new SymmetricEigen(e.values, v, d);
    }

    /** Lower-triangular L with LLᵀ = B; rejects a matrix that is not positive definite. */
    public static double[] cholesky(double[] b, int d) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = b[i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * d + k] * l[j * d + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("matrix is not positive definite (pivot " + i + " is " + s
                                + "); features that are constant or linearly dependent cause this — remove them");
                    }
                    l[i * d + i] = Math.sqrt(s);
                } else {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
        }
        return l;
    }

    private static SymmetricEigen sorted(double[] values, double[] v, int d) {
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] sv = new double[d];
        double[] vecs = new double[d * d];
        for (int c = 0; c < d; c++) {
            sv[c] = values[order[c]];
            for (int r = 0; r < d; r++) {
                vecs[r * d + c] = v[r * d + order[c]];
            }
        }
        return new SymmetricEigen(sv, vecs, d);
    }
}
