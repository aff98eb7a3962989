package org.groundmetric.embed;

import java.util.List;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.linalg.PrincipalComponents;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.wasserstein.SamplePlan;

/**
 * The optimal plan between two samples as a picture (the paper's Fig. 2d/e): both samples' cells
 * as points in 2-D and the plan's entries as arcs between them. The points are the cells' images
 * X·Wᵀ themselves when the rank k is 2 (distances in the picture are the metric's), otherwise their
 * first two principal axes, fitted on the two samples' images together (a linear view: lengths
 * in the picture are at most the metric's, a plan's arcs keep their direction).
 *
 * @param a      the first sample's cells, cells × 2
 * @param b      the second sample's cells, cells × 2
 * @param plan   the exact plan under the metric and its cost
 * @param axes   "proj" (the images) or "PC of X·Wᵀ" (principal axes of the images), to name the axes
 */
public record PlanPicture(double[][] a, double[][] b, SamplePlan plan, String axes) {

    /** Solves the pair under {@code metric} and places both samples' cells in 2-D. */
    public static PlanPicture of(Sample a, Sample b, ProjectedMetric metric) {
        SamplePlan plan = SamplePlan.solve(a, b, metric);
        int k = metric.rank();
        double[] ia = metric.project(a.cells());
        double[] ib = metric.project(b.cells());
        if (k == 2) {
            return new PlanPicture(rows(ia, a.cellCount(), 2), rows(ib, b.cellCount(), 2), plan, "proj");
        }
        if (k == 1) {
            return new PlanPicture(line(ia), line(ib), plan, "proj");
        }
        CellMatrix ma = DenseMatrix.of(rows(ia, a.cellCount(), k));
        CellMatrix mb = DenseMatrix.of(rows(ib, b.cellCount(), k));
        // k ≤ count + oversampling: the axes are exact, the seed does not matter
        PrincipalComponents pc = PrincipalComponents.fit(List.of(ma, mb), 2, 0);
        return new PlanPicture(rows(pc.project(ma), a.cellCount(), 2), rows(pc.project(mb), b.cellCount(), 2), plan,
                "PC of X·Wᵀ");
    }

    private static double[][] rows(double[] flat, int n, int dim) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * dim, i * dim + dim);
        }
        return out;
    }

    /** A rank-1 image on the x axis (y = 0). */
    private static double[][] line(double[] flat) {
        double[][] out = new double[flat.length][];
        for (int i = 0; i < flat.length; i++) {
            out[i] = new double[] {flat[i], 0};
        }
        return out;
    }
}
