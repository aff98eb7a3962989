package org.groundmetric.learn;

import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.EntropicPlan;
import org.groundmetric.ot.TransportPlan;

/**
 * The gradient of one pair's transport objective with respect to the two clouds' projected points
 * (k×n and k×m, coordinate-major: entry q·n + r is coordinate q of point r). With costs
 * cᵣ꜀ = ‖xᵣ − y꜀‖ and ∂objective/∂cᵣ꜀ = φᵣ꜀, point xᵣ gets Σ꜀ φᵣ꜀ (xᵣ − y꜀)/cᵣ꜀ and point y꜀ the
 * negative sum over r (terms with c = 0 give 0). For an exact solver φ is the optimal plan (sparse);
 * for Sinkhorn the entropic plan plus the regulariser's share (the regulariser is a fraction of
 * the mean cost, so every cost moves the objective), dense.
 */
final class PairGradient {
    private PairGradient() {
    }

    /** The gradient for φ = the plan's entries (an exact solve). Returns {source k×n, target k×m}. */
    static double[][] ofPlan(TransportPlan plan, double[] px, double[] py, int rank) {
        int n = px.length / rank;
        int m = py.length / rank;
        double[] gx = new double[rank * n];
        double[] gy = new double[rank * m];
        int[] rows = plan.rows();
        int[] cols = plan.cols();
        double[] mass = plan.mass();
        double[] diff = new double[rank];
        for (int e = 0; e < mass.length; e++) {
            if (mass[e] == 0) {
                continue;
            }
            int r = rows[e];
            int c = cols[e];
            double d2 = 0;
            for (int q = 0; q < rank; q++) {
                diff[q] = px[r * rank + q] - py[c * rank + q];
                d2 += diff[q] * diff[q];
            }
            if (d2 == 0) {
                continue;
            }
            double f = mass[e] / Math.sqrt(d2);
            for (int q = 0; q < rank; q++) {
                gx[q * n + r] += f * diff[q];
                gy[q * m + c] -= f * diff[q];
            }
        }
        return new double[][] {gx, gy};
    }

    /** Source rows whose weights are formed together, so each pass over the targets serves all of them. */
    private static final int BLOCK = 4;

    /**
     * The gradient for φᵣ꜀ = πᵣ꜀ + {@code meanCostWeight}/(n·m) (a Sinkhorn solve, its plan
     * πᵣ꜀ = uᵣ Kᵣ꜀ v꜀ formed entry by entry as it is used, never stored), from its cost matrix.
     * One pass over the kernel and the costs: the weights wᵣ꜀ = φᵣ꜀/cᵣ꜀ of four source rows at a
     * time, then, per coordinate q, one pass over the targets for all four rows: the target side
     * y꜀·Σᵣ wᵣ꜀ − Σᵣ wᵣ꜀ xᵣ accumulates in vector instructions, and point xᵣ's
     * xᵣ·Σ꜀ wᵣ꜀ − Σ꜀ wᵣ꜀ y꜀ runs in independent partial sums; the first coordinate's two passes
     * also sum the totals Σ꜀ wᵣ꜀ and Σᵣ wᵣ꜀.
     */
    static double[][] ofEntropicPlan(EntropicPlan t, CostMatrix cost, double meanCostWeight, double[] px,
                                     double[] py, int rank) {
        int n = cost.rows();
        int m = cost.cols();
        double spread = meanCostWeight / ((double) n * m);
        double[][] yByDim = new double[rank][m];
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < rank; q++) {
                yByDim[q][j] = py[j * rank + q];
            }
        }
        double[] gx = new double[rank * n];
        double[][] weightedX = new double[rank][m];   // Σᵣ wᵣⱼ·x_qr at [q][j]
        double[] colWeight = new double[m];           // Σᵣ wᵣⱼ
        double[][] w = new double[BLOCK][m];
        double[] total = new double[BLOCK];
        double[] xs = new double[BLOCK];
        double[] dots = new double[BLOCK];
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int rows = Math.min(BLOCK, n - r0);
            for (int b = 0; b < BLOCK; b++) {
                if (b < rows) {
                    weights(t, cost, spread, r0 + b, w[b]);
                } else {
                    java.util.Arrays.fill(w[b], 0);
                }
            }
            for (int q = 0; q < rank; q++) {
                for (int b = 0; b < BLOCK; b++) {
                    xs[b] = b < rows ? px[(r0 + b) * rank + q] : 0;
                }
                if (q == 0) {
                    // the first coordinate's pass also sums each row's weights
                    dotsAndTotals(w, yByDim[0], dots, total, m);
                    if (!finite(total, rows)) {
                        dropCoincident(cost, r0, rows, w);
                        dotsAndTotals(w, yByDim[0], dots, total, m);
                    }
                    accumulate(w, xs, weightedX[0], m, colWeight);
                } else {
                    dots(w, yByDim[q], dots, m);
                    accumulate(w, xs, weightedX[q], m, null);
                }
                for (int b = 0; b < rows; b++) {
                    gx[q * n + r0 + b] = xs[b] * total[b] - dots[b];
                }
            }
        }
        double[] gy = new double[rank * m];
        for (int q = 0; q < rank; q++) {
            double[] yq = yByDim[q];
            double[] wq = weightedX[q];
            for (int j = 0; j < m; j++) {
                gy[q * m + j] = yq[j] * colWeight[j] - wq[j];
            }
        }
        return new double[][] {gx, gy};
    }

    /** out[j] = (π_rj + spread)/c_rj (infinite where c_rj = 0: {@link #dropCoincident}). */
    private static void weights(EntropicPlan t, CostMatrix cost, double spread, int r, double[] out) {
        int m = cost.cols();
        double[] c = cost.values();
        double[] k = t.kernel();
        double[] v = t.v();
        double ur = t.u()[r];
        int row = r * m;
        for (int j = 0; j < m; j++) {
            out[j] = (ur * k[row + j] * v[j] + spread) / c[row + j];
        }
    }

    private static boolean finite(double[] values, int count) {
        for (int b = 0; b < count; b++) {
            if (!Double.isFinite(values[b])) {
                return false;
            }
        }
        return true;
    }

    /** Weight 0 where c_rj = 0 (coincident points: the direction is undefined and adds nothing). */
    private static void dropCoincident(CostMatrix cost, int r0, int rows, double[][] w) {
        int m = cost.cols();
        double[] c = cost.values();
        for (int b = 0; b < rows; b++) {
            int row = (r0 + b) * m;
            for (int j = 0; j < m; j++) {
                if (c[row + j] == 0) {
                    w[b][j] = 0;
                }
            }
        }
    }

    /**
     * into[j] += Σ_b w[b][j]·x[b] over the four rows of a block, and (when {@code columns} is not
     * null) columns[j] += Σ_b w[b][j] in the same pass.
     */
    private static void accumulate(double[][] w, double[] x, double[] into, int len, double[] columns) {
        double[] w0 = w[0];
        double[] w1 = w[1];
        double[] w2 = w[2];
        double[] w3 = w[3];
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double x3 = x[3];
        if (columns == null) {
            for (int j = 0; j < len; j++) {
                into[j] += (w0[j] * x0 + w1[j] * x1) + (w2[j] * x2 + w3[j] * x3);
            }
            return;
        }
        for (int j = 0; j < len; j++) {
            into[j] += (w0[j] * x0 + w1[j] * x1) + (w2[j] * x2 + w3[j] * x3);
            columns[j] += (w0[j] + w1[j]) + (w2[j] + w3[j]);
        }
    }

    /** As {@link #dots}, with totals[b] = Σⱼ w[b][j] summed in the same pass. */
    private static void dotsAndTotals(double[][] w, double[] y, double[] out, double[] totals, int len) {
        double[] w0 = w[0];
        double[] w1 = w[1];
        double[] w2 = w[2];
        double[] w3 = w[3];
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int j = 0; j < len; j++) {
            double yj = y[j];
            double c0 = w0[j];
            double c1 = w1[j];
            double c2 = w2[j];
            double c3 = w3[j];
            a0 += c0 * yj;
            a1 += c1 * yj;
            a2 += c2 * yj;
            a3 += c3 * yj;
            t0 += c0;
            t1 += c1;
            t2 += c2;
            t3 += c3;
        }
        out[0] = a0;
        out[1] = a1;
        out[2] = a2;
        out[3] = a3;
        totals[0] = t0;
        totals[1] = t1;
        totals[2] = t2;
        totals[3] = t3;
    }

    /** out[b] = Σⱼ w[b][j]·y[j] for the four rows of a block, two partial sums each. */
    private static void dots(double[][] w, double[] y, double[] out, int len) {
        double[] w0 = w[0];
        double[] w1 = w[1];
        double[] w2 = w[2];
        double[] w3 = w[3];
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int j = 0;
        for (; j + 1 < len; j += 2) {
            double y0 = y[j];
            double y1 = y[j + 1];
            a0 += w0[j] * y0;
            a1 += w1[j] * y0;
            a2 += w2[j] * y0;
            a3 += w3[j] * y0;
            b0 += w0[j + 1] * y1;
            b1 += w1[j + 1] * y1;
            b2 += w2[j + 1] * y1;
            b3 += w3[j + 1] * y1;
        }
        for (; j < len; j++) {
            a0 += w0[j] * y[j];
            a1 += w1[j] * y[j];
            a2 += w2[j] * y[j];
            a3 += w3[j] * y[j];
        }
        out[0] = a0 + b0;
        out[1] = a1 + b1;
        out[2] = a2 + b2;
        out[3] = a3 + b3;
    }
}
