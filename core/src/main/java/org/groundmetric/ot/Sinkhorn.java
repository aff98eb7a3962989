package org.groundmetric.ot;

/**
 * Entropic optimal transport: min Σ πᵢⱼMᵢⱼ − reg·H(π) s.t. π1 = a, πᵀ1 = b, by Sinkhorn's
 * alternating projections in the log domain (as POT's {@code sinkhorn_log}), so that a small
 * absolute {@code reg} (e.g. 0.01 × mean cost) never overflows.
 *
 * <p>Potentials f, g give the plan πᵢⱼ = exp((fᵢ + gⱼ − Mᵢⱼ)/reg). Each sweep makes the column
 * sums exact; every {@value #CHECK_EVERY} sweeps the row-sum error Σᵢ|Σⱼπᵢⱼ − aᵢ| is measured and
 * the iteration stops below {@code tolerance}. When {@code maxIterations} is reached first the
 * result says {@code converged=false} and carries the error reached.
 *
 * <p>Instances are immutable and may be shared by threads.
 */
public final class Sinkhorn implements TransportSolver {

    /** POT's default stopping threshold on the marginal error. */
    public static final double DEFAULT_TOLERANCE = 1e-9;
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;
    private static final int CHECK_EVERY = 10;

    private final double reg;
    private final double tolerance;
    private final int maxIterations;

    public Sinkhorn(double reg) {
        this(reg, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param reg           absolute entropic regulariser (> 0), in the units of the cost
     * @param tolerance     stop when the marginal error falls below this (> 0)
     * @param maxIterations stop after this many sweeps (≥ 1), reporting converged=false
     */
    public Sinkhorn(double reg, double tolerance, int maxIterations) {
        if (!(reg > 0) || !Double.isFinite(reg)) {
            throw new IllegalArgumentException("Sinkhorn regulariser reg is " + reg
                    + "; expected a positive number in cost units, e.g. 0.05 × the mean cost");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("Sinkhorn tolerance is " + tolerance + "; expected a positive number, e.g. 1e-9");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("Sinkhorn maxIterations is " + maxIterations + "; expected at least 1");
        }
        this.reg = reg;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    public double reg() {
        return reg;
    }

    @Override
    public Transport solve(double[] a, double[] b, CostMatrix cost) {
        Weights.checkProblem(a, b, cost);
        int n = cost.rows();
        int m = cost.cols();
        double[] c = cost.values();
        double[] logA = logs(a);
        // masses agree to 1e-9; fit the columns to b rescaled to a's mass so both can be met
        double[] logB = logs(b);
        double logScale = Math.log(sum(a) / sum(b));
        for (int j = 0; j < m; j++) {
            logB[j] += logScale;
        }
        double[] f = new double[n];
        double[] g = new double[m];
        double[] rowSum = new double[n];
        double[] work = new double[Math.max(n, m)];
        double error = Double.POSITIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            updateRows(c, n, m, logA, g, f, work);
            updateColumns(c, n, m, logB, f, g, work);
            it++;
            if (it % CHECK_EVERY == 0 || it == maxIterations) {
                error = rowError(c, n, m, a, f, g, rowSum);
                if (error < tolerance) {
                    converged = true;
                    break;
                }
            }
        }
        return result(c, n, m, a, b, f, g, it, converged, error);
    }

    /** fᵢ = reg·log aᵢ − reg·log Σⱼ exp((gⱼ − Mᵢⱼ)/reg), for all i. */
    private void updateRows(double[] c, int n, int m, double[] logA, double[] g, double[] f, double[] z) {
        for (int i = 0; i < n; i++) {
            if (logA[i] == Double.NEGATIVE_INFINITY) {
                f[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            int row = i * m;
            for (int j = 0; j < m; j++) {
                z[j] = (g[j] - c[row + j]) / reg;
            }
            f[i] = reg * (logA[i] - logSumExp(z, m));
        }
    }

    /** gⱼ = reg·log bⱼ − reg·log Σᵢ exp((fᵢ − Mᵢⱼ)/reg), for all j. */
    private void updateColumns(double[] c, int n, int m, double[] logB, double[] f, double[] g, double[] z) {
        for (int j = 0; j < m; j++) {
            if (logB[j] == Double.NEGATIVE_INFINITY) {
                g[j] = Double.NEGATIVE_INFINITY;
                continue;
            }
            for (int i = 0; i < n; i++) {
                z[i] = (f[i] - c[i * m + j]) / reg;
            }
            g[j] = reg * (logB[j] - logSumExp(z, n));
        }
    }

    private double rowError(double[] c, int n, int m, double[] a, double[] f, double[] g, double[] rowSum) {
        double err = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            if (f[i] != Double.NEGATIVE_INFINITY) {
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    if (g[j] != Double.NEGATIVE_INFINITY) {
                        s += Math.exp((f[i] + g[j] - c[row + j]) / reg);
                    }
                }
            }
            rowSum[i] = s;
            err += Math.abs(s - a[i]);
        }
        return err;
    }

    private Transport result(double[] c, int n, int m, double[] a, double[] b, double[] f, double[] g, int it,
                             boolean converged, double rowErr) {
        int count = 0;
        double[] dense = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double p = f[i] == Double.NEGATIVE_INFINITY || g[j] == Double.NEGATIVE_INFINITY
                        ? 0 : Math.exp((f[i] + g[j] - c[i * m + j]) / reg);
                dense[i * m + j] = p;
                if (p != 0) {
                    count++;
                }
            }
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] mass = new double[count];
        double value = 0;
        double[] colSum = new double[m];
        double[] rowSum = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double p = dense[i * m + j];
                if (p != 0) {
                    rows[k] = i;
                    cols[k] = j;
                    mass[k] = p;
                    value += p * c[i * m + j];
                    rowSum[i] += p;
                    colSum[j] += p;
                    k++;
                }
            }
        }
        double error = 0;
        for (int i = 0; i < n; i++) {
            error += Math.abs(rowSum[i] - a[i]);
        }
        double scaleB = sum(a) / sum(b);
        for (int j = 0; j < m; j++) {
            error += Math.abs(colSum[j] - b[j] * scaleB);
        }
        return new Transport(value, new TransportPlan(rows, cols, mass), f, g, it, converged, error);
    }

    private static double logSumExp(double[] z, int len) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < len; k++) {
            max = Math.max(max, z[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < len; k++) {
            s += Math.exp(z[k] - max);
        }
        return max + Math.log(s);
    }

    private static double[] logs(double[] w) {
        double[] out = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            out[k] = Math.log(w[k]);
        }
        return out;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        return s;
    }
}
