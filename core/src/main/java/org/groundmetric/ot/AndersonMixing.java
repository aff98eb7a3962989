package org.groundmetric.ot;

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
    private final double[][] system;   // the normal equations, augmented with their right side
    private final double[] gamma;
    private int count;             // columns in the ring
    private int next;              // slot the next column goes to
    private boolean hasLast;

    /**
     * @param memory how many earlier steps the combination uses (≥ 0; 0: every step is plain T(x))
     * @param weight each coordinate's weight in the residual norm (≥ 0; its length is the dimension)
     */
    AndersonMixing(int memory, double[] weight) {
        if (memory < 0) {
            throw new IllegalArgumentException("Anderson memory is " + memory + "; expected 0 or more");
        }
        int size = weight.length;
        this.memory = memory;
        this.weight = weight;
        dx = new double[memory][size];
        df = new double[memory][size];
        lastX = new double[size];
        lastF = new double[size];
        residual = new double[size];
        system = new double[memory][memory + 1];
        gamma = new double[memory];
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
        if (memory == 0) {
            System.arraycopy(tx, 0, x, 0, size);
            return;
        }
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
        if (!coefficients(size)) {
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

    /**
     * γ (into {@link #gamma}) minimising ‖residual − ΔF·γ‖ in the weighted norm, through the normal
     * equations with a relative ridge; false when they are singular.
     */
    private boolean coefficients(int size) {
        double[][] m = system;
        for (int p = 0; p < count; p++) {
            double[] fp = df[p];
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += weight[i] * fp[i] * residual[i];
            }
            m[p][count] = s;
            for (int q = 0; q <= p; q++) {
                double[] fq = df[q];
                double t = 0;
                for (int i = 0; i < size; i++) {
                    t += weight[i] * fp[i] * fq[i];
                }
                m[p][q] = t;
                m[q][p] = t;
            }
        }
        double trace = 0;
        for (int p = 0; p < count; p++) {
            trace += m[p][p];
        }
        if (!(trace > 0) || !Double.isFinite(trace)) {
            return false;
        }
        for (int p = 0; p < count; p++) {
            m[p][p] += RIDGE * trace;
        }
        return solve(m, count, gamma);
    }

    /** Gaussian elimination with partial pivoting on the augmented system m (size × size+1) into x. */
    private static boolean solve(double[][] m, int size, double[] x) {
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(m[pivot][col]) > 0)) {
                return false;
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
        for (int r = size - 1; r >= 0; r--) {
            double s = m[r][size];
            for (int c = r + 1; c < size; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
            if (!Double.isFinite(x[r])) {
                return false;
            }
        }
        return true;
    }
}
