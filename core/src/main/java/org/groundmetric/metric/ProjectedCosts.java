package org.groundmetric.metric;

import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.PointMetric;

/** Euclidean cost matrices between the k-dimensional images of two samples' cells. */
public final class ProjectedCosts {
    private ProjectedCosts() {
    }

    /**
     * @param px n×k row-major image of the source cells
     * @param py m×k row-major image of the target cells
     */
    public static CostMatrix euclidean(double[] px, int n, double[] py, int m, int k) {
        // Costs' coordinate-major kernel vectorises over columns and sums the coordinates in the
        // same order as a per-pair loop, so the matrix is bit-identical, ~1.5× cheaper
        // (bench: org.groundmetric.bench.PairSolveCpu).
        return Costs.pairwise(px, n, py, m, k, PointMetric.EUCLIDEAN);
    }
}
