package org.groundmetric.ot;

import java.util.Arrays;

/**
 * Anderson acceleration of a fixed-point iteration x ← T(x) (type II, Walker &amp; Ni, "Anderson
 * acceleration for fixed-point iterations", 2011): instead of T(x), the next iterate is the
 * combination of the last few T(x) whose residuals T(x) − x cancel best in least squares. For
 * Sinkhorn's scalings, whose marginal error otherwise shrinks by a constant factor per sweep, this
 * removes most of the slow linear tail.
 *
 * <p>The residuals are weighted (for Sinkhorn, by the points' masses: a log-scaling residual rᵢ
 * moves row i's mass by about aᵢ·rᵢ); coordinates of weight 0 are left as T sets them. The small
 * least-squares problem (at most {@code memory} unknowns) is solved through its normal equations
 * with a relative ridge of 1e-10; when they are singular the step is plain T(x) and the history
 * starts again. {@link #reset()} starts it again from the caller's side (after a jump of the
 * iterate that is not a step of T).
 *
 * <p>Not thread-safe: one instance per solve.
 */
final class AndersonMixing {
    private static final double RIDGE = 1e-10;

    private final int memory;
    private final double[] weight;
    private final double[][] dx;   // x differences, a ring of `memory` columns
    private final double[][] df;   // residual differences, the same ring
    private final double[] lastX;
    private final double[] lastF;
    private final double[] residual;
    private final double[][] normal;
    private final double[] rhs;
    private int count;             // columns in the ring
    private int next;              // slot the next column goes to
    private boolean hasLast;

    /**
     * @param memory how many earlier steps the combination uses (≥ 1)
     * @param weight each coordinate's weight in the residual norm (≥ 0; its length is the dimension)
     */
    AndersonMixing(int memory, double[] weight) {
        if (memory < 1) {
            throw new IllegalArgumentException("Anderson memory is " + memory + "; expected at least 1");
        }
        int size = weight.length;
        this.memory = memory;
        this.weight = weight;
        dx = new double[memory][size];
        df = new double[memory][size];
        lastX = new double[size];
        lastF = new double[size];
        residual = new double[size];
        normal = new double[memory][memory];
        rhs = new double[memory];
    }

    /** Forget the earlier steps: the next step is plain T(x). */
    void reset() {
        count = 0;
        next = 0;
        hasLast = false;
    }

    /**
     * One accelerated step: {@code x} is the current iterate and {@code tx} = T(x); the next iterate
     * is written into {@code x}.
     */
    void step(double[] x, double[] tx) {
        int size = x.length;
        for (int i = 0; i < size; i++) {
            residual[i] = weight[i] == 0 ? 0 : tx[i] - x[i];
        }
        if (hasLast) {
            double[] sx = dx[next];
            double[] sf = df[next];
            for (int i = 0; i < size; i++) {
                sx[i] = x[i] - lastX[i];
                sf[i] = residual[i] - lastF[i];
            }
            next = (next + 1) % memory;
            count = Math.min(count + 1, memory);
        }
        System.arraycopy(x, 0, lastX, 0, size);
        System.arraycopy(residual, 0, lastF, 0, size);
        hasLast = true;
        System.arraycopy(tx, 0, x, 0, size);
        if (count == 0) {
            return;
        }
        double[] gamma = coefficients(size);
        if (gamma == null) {
            reset();
            return;
        }
        for (int p = 0; p < count; p++) {
            double gp = gamma[p];
            double[] sx = dx[p];
            double[] sf = df[p];
            for (int i = 0; i < size; i++) {
                if (weight[i] != 0) {
                    x[i] -= gp * (sx[i] + sf[i]);
                }
            }
        }
    }

    /** γ minimising ‖residual − ΔF·γ‖ in the weighted norm, or null when the problem is singular. */
    private double[] coefficients(int size) {
        for (int p = 0; p < count; p++) {
            double[] fp = df[p];
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += weight[i] * fp[i] * residual[i];
            }
            rhs[p] = s;
            for (int q = 0; q <= p; q++) {
                double[] fq = df[q];
                double t = 0;
                for (int i = 0; i < size; i++) {
                    t += weight[i] * fp[i] * fq[i];
                }
                normal[p][q] = t;
                normal[q][p] = t;
            }
        }
        double trace = 0;
        for (int p = 0; p < count; p++) {
            trace += normal[p][p];
        }
        if (!(trace > 0) || !Double.isFinite(trace)) {
            return null;
        }
        double[][] m = new double[count][count + 1];
        for (int p = 0; p < count; p++) {
            System.arraycopy(normal[p], 0, m[p], 0, count);
            m[p][p] += RIDGE * trace;
            m[p][count] = rhs[p];
        }
        return solve(m, count);
    }

    /** Gaussian elimination with partial pivoting on the augmented system m (count × count+1). */
    private static double[] solve(double[][] m, int size) {
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(m[pivot][col]) > 0)) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < size; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c <= size; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        double[] gamma = new double[size];
        for (int r = size - 1; r >= 0; r--) {
            double s = m[r][size];
            for (int c = r + 1; c < size; c++) {
                s -= m[r][c] * gamma[c];
            }
            gamma[r] = s / m[r][r];
        }
        for (double g : gamma) {
            if (!Double.isFinite(g)) {
                return null;
            }
        }
        return Arrays.copyOf(gamma, size);
    }
}
