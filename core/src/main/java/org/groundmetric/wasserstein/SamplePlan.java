package org.groundmetric.wasserstein;

import org.groundmetric.data.Sample;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.TransportPlan;

/**
 * The optimal plan between two samples under a ground metric (the paper's Fig. 2d/e): exact
 * transport between the samples' cell distributions (uniform, or a summarised sample's weights)
 * with the cell-to-cell costs of the metric; its cost is the pair's entry of W_θ.
 *
 * @param plan the plan's entries of non-zero mass (row = cell of the first sample, column = of the second)
 * @param cost Σ mass · d(cell_a, cell_b)
 */
public record SamplePlan(TransportPlan plan, double cost) {

    /** Solves the pair exactly (network simplex). */
    public static SamplePlan solve(Sample a, Sample b, GroundMetric metric) {
        CostMatrix cost = metric.cost(a.cells(), b.cells());
        TransportPlan all = OT.emd(a.masses(), b.masses(), cost).plan();
        int n = 0;
        for (double m : all.mass()) {
            n += m > 0 ? 1 : 0;
        }
        int[] rows = new int[n];
        int[] cols = new int[n];
        double[] mass = new double[n];
        for (int p = 0, q = 0; p < all.nonZeros(); p++) {
            if (all.mass()[p] > 0) {
                rows[q] = all.rows()[p];
                cols[q] = all.cols()[p];
                mass[q++] = all.mass()[p];
            }
        }
        TransportPlan plan = new TransportPlan(rows, cols, mass);
        return new SamplePlan(plan, plan.cost(cost));
    }
}
