package org.groundmetric.metric;

import org.groundmetric.ot.CostMatrix;

/** Euclidean cost matrices between the k-dimensional images of two samples' cells. */
public final class ProjectedCosts {
    private ProjectedCosts() {
    }

    /**
     * @param px n×k row-major image of the source cells
     * @param py m×k row-major image of the target cells
     */
    public static CostMatrix euclidean(double[] px, int n, double[] py, int m, int k) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            int ib = i * k;
            int cb = i * m;
            for (int j = 0; j < m; j++) {
                int jb = j * k;
                double s = 0;
                for (int r = 0; r < k; r++) {
                    double d = px[ib + r] - py[jb + r];
                    s += d * d;
                }
                c[cb + j] = Math.sqrt(s);
            }
        }
        return new CostMatrix(n, m, c);
    }
}
