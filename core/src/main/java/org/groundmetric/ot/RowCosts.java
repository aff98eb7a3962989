package org.groundmetric.ot;

/**
 * The costs from one source point to every target point under a {@link PointMetric}, a row of
 * the cost matrix at a time. The targets are held one array per coordinate, so the inner loops
 * run over the targets with plain indices, which the JIT turns into vector instructions (with an
 * offset index into one flat array it did not, and the 100-coordinate matrix took 3× longer).
 * Each cost adds its coordinates in order 0..dim−1, so a single {@link #cost} is bit-for-bit the
 * matching entry of {@link #row}.
 */
final class RowCosts {
    private final int m;
    private final int dim;
    private final PointMetric metric;
    private final double[][] yByDim;   // coordinate d of target j at [d][j]
    private final double[] yNorm;      // Euclidean norms of the targets (cosine only)

    /** Costs to the m target points {@code y} (m×dim row-major). */
    RowCosts(double[] y, int m, int dim, PointMetric metric) {
        this.m = m;
        this.dim = dim;
        this.metric = metric;
        yByDim = new double[dim][m];
        for (int j = 0; j < m; j++) {
            for (int d = 0; d < dim; d++) {
                yByDim[d][j] = y[j * dim + d];
            }
        }
        if (metric == PointMetric.COSINE) {
            yNorm = new double[m];
            for (int j = 0; j < m; j++) {
                yNorm[j] = norm(y, j * dim, dim);
            }
        } else {
            yNorm = null;
        }
    }

    int targets() {
        return m;
    }

    /** out[j] = cost(xᵢ, yⱼ) for every target j (out[0..m)), where xᵢ is point i of {@code x} (row-major). */
    void row(double[] x, int i, double[] out) {
        int base = i * dim;
        switch (metric) {
            case EUCLIDEAN, SQEUCLIDEAN -> {
                squares(x, base, out);
                if (metric == PointMetric.EUCLIDEAN) {
                    for (int j = 0; j < m; j++) {
                        out[j] = Math.sqrt(out[j]);
                    }
                }
            }
            case CITYBLOCK -> {
                double x0 = x[base];
                double[] y0 = yByDim[0];
                for (int j = 0; j < m; j++) {
                    out[j] = Math.abs(x0 - y0[j]);
                }
                for (int d = 1; d < dim; d++) {
                    double xd = x[base + d];
                    double[] yd = yByDim[d];
                    for (int j = 0; j < m; j++) {
                        out[j] += Math.abs(xd - yd[j]);
                    }
                }
            }
            case COSINE -> {
                double x0 = x[base];
                double[] y0 = yByDim[0];
                for (int j = 0; j < m; j++) {
                    out[j] = x0 * y0[j];
                }
                for (int d = 1; d < dim; d++) {
                    double xd = x[base + d];
                    double[] yd = yByDim[d];
                    for (int j = 0; j < m; j++) {
                        out[j] += xd * yd[j];
                    }
                }
                double nx = norm(x, base, dim);
                for (int j = 0; j < m; j++) {
                    out[j] = cosineDistance(out[j], nx, yNorm[j]);
                }
            }
        }
    }

    /**
     * out[j] = Σ_d (x_d − yⱼ_d)², the terms added in order d = 0, 1, …, four coordinates per pass
     * over the targets (each entry is loaded and stored once per four terms, not once per term;
     * the sum is the same, bit for bit, as adding one term per pass).
     */
    private void squares(double[] x, int base, double[] out) {
        double x0 = x[base];
        double[] y0 = yByDim[0];
        for (int j = 0; j < m; j++) {
            double a = x0 - y0[j];
            out[j] = a * a;
        }
        int d = 1;
        for (; d + 3 < dim; d += 4) {
            double xa = x[base + d];
            double xb = x[base + d + 1];
            double xc = x[base + d + 2];
            double xd = x[base + d + 3];
            double[] ya = yByDim[d];
            double[] yb = yByDim[d + 1];
            double[] yc = yByDim[d + 2];
            double[] yd = yByDim[d + 3];
            for (int j = 0; j < m; j++) {
                double a = xa - ya[j];
                double b = xb - yb[j];
                double c = xc - yc[j];
                double e = xd - yd[j];
                out[j] = (((out[j] + a * a) + b * b) + c * c) + e * e;
            }
        }
        for (; d < dim; d++) {
            double xd = x[base + d];
            double[] yd = yByDim[d];
            for (int j = 0; j < m; j++) {
                double a = xd - yd[j];
                out[j] += a * a;
            }
        }
    }

    /** cost(xᵢ, yⱼ), equal to the entry {@link #row} writes. */
    double cost(double[] x, int i, int j) {
        int base = i * dim;
        switch (metric) {
            case EUCLIDEAN, SQEUCLIDEAN -> {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    double diff = x[base + d] - yByDim[d][j];
                    s = d == 0 ? diff * diff : s + diff * diff;
                }
                return metric == PointMetric.EUCLIDEAN ? Math.sqrt(s) : s;
            }
            case CITYBLOCK -> {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    double diff = Math.abs(x[base + d] - yByDim[d][j]);
                    s = d == 0 ? diff : s + diff;
                }
                return s;
            }
            default -> {
                double dot = 0;
                for (int d = 0; d < dim; d++) {
                    double p = x[base + d] * yByDim[d][j];
                    dot = d == 0 ? p : dot + p;
                }
                return cosineDistance(dot, norm(x, base, dim), yNorm[j]);
            }
        }
    }

    /** 1 − x·y / (‖x‖‖y‖) clipped to [0, 2]; a zero vector is at 1 from others and 0 from another zero vector. */
    static double cosineDistance(double dot, double nx, double ny) {
        if (nx == 0 || ny == 0) {
            return nx == ny ? 0 : 1;
        }
        double d = 1 - dot / (nx * ny);
        return Math.min(2, Math.max(0, d));
    }

    static double norm(double[] p, int offset, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            s += p[offset + d] * p[offset + d];
        }
        return Math.sqrt(s);
    }
}
