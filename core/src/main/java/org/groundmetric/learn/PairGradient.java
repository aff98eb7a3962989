package org.groundmetric.learn;

import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Sinkhorn;
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

    /**
     * The gradient for φᵣ꜀ = πᵣ꜀ + {@code meanCostWeight}/(n·m) (a Sinkhorn solve, its plan
     * πᵣ꜀ = uᵣ Kᵣ꜀ v꜀ formed entry by entry as it is used, never stored), from its cost matrix.
     * One pass over the kernel and the costs, row by row over plain arrays the JIT vectorises:
     * φᵣ꜀/cᵣ꜀ for the row, then point xᵣ's sums Σ꜀ (φᵣ꜀/cᵣ꜀)(xᵣ − y꜀) at once, and the target
     * side as y꜀·Σᵣ φᵣ꜀/cᵣ꜀ − Σᵣ (φᵣ꜀/cᵣ꜀)·xᵣ, accumulated over the rows.
     */
    static double[][] ofEntropicPlan(Sinkhorn.Dense t, CostMatrix cost, double meanCostWeight, double[] px,
                                     double[] py, int rank) {
        int n = cost.rows();
        int m = cost.cols();
        double[] c = cost.values();
        double[] k = t.kernel();
        double[] u = t.u();
        double[] v = t.v();
        double spread = meanCostWeight / ((double) n * m);
        double[][] yByDim = new double[rank][m];
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < rank; q++) {
                yByDim[q][j] = py[j * rank + q];
            }
        }
        double[] gx = new double[rank * n];
        double[][] weightedX = new double[rank][m];   // Σᵣ (φᵣⱼ/cᵣⱼ)·x_qr at [q][j]
        double[] colWeight = new double[m];           // Σᵣ φᵣⱼ/cᵣⱼ
        double[] phi = new double[m];
        for (int r = 0; r < n; r++) {
            int row = r * m;
            double ur = u[r];
            for (int j = 0; j < m; j++) {
                phi[j] = (ur * k[row + j] * v[j] + spread) / c[row + j];
            }
            double total = sum(phi, m);
            if (!Double.isFinite(total)) {
                // a zero cost (coincident points) contributes nothing
                for (int j = 0; j < m; j++) {
                    if (c[row + j] == 0) {
                        phi[j] = 0;
                    }
                }
                total = sum(phi, m);
            }
            for (int j = 0; j < m; j++) {
                colWeight[j] += phi[j];
            }
            for (int q = 0; q < rank; q++) {
                double xq = px[r * rank + q];
                double[] wq = weightedX[q];
                for (int j = 0; j < m; j++) {
                    wq[j] += phi[j] * xq;
                }
                gx[q * n + r] = xq * total - dot(phi, yByDim[q], m);
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

    /** Σⱼ a[j] in four partial sums. */
    private static double sum(double[] a, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[j];
            s1 += a[j + 1];
            s2 += a[j + 2];
            s3 += a[j + 3];
        }
        for (; j < len; j++) {
            s0 += a[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σⱼ a[j]·b[j] in four partial sums (independent chains run in parallel). */
    private static double dot(double[] a, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < len; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
