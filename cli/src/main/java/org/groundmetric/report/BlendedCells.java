package org.groundmetric.report;

import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.embed.BlendedNeighbours;
import org.groundmetric.embed.Umap;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MedianMatchedBlend;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.neighbours.Neighbours;
import org.groundmetric.ot.PointMetric;

/**
 * The cell UMAP under a {@link MedianMatchedBlend} (Fig. 4): neighbours under s·d_model + (1−s)·f·d_other
 * found exactly in the two metrics' images (the projection X·Wᵀ, and X·W₂ᵀ or the cells themselves),
 * laid out from the projection's principal axes.
 */
final class BlendedCells {
    private BlendedCells() {
    }

    static double[][] umap(Cohort cohort, double[] projection, int rank, MedianMatchedBlend blend, Umap.Config umap,
                           Progress epochs) {
        int n = (int) cohort.cellCount();
        double[] other = image(cohort, blend.other());
        int otherDim = other.length / n;
        Neighbours knn = BlendedNeighbours.of(new double[][] {projection, other}, new int[] {rank, otherDim},
                new double[] {blend.s(), blend.otherWeight()}, Math.min(umap.neighbours(), n - 1));
        return new Umap(umap).embedNeighbours(knn, projection, rank, epochs);
    }

    /** All cells' image in which {@code m} is Euclidean: a projection, or the cells for the Euclidean metric. */
    private static double[] image(Cohort cohort, GroundMetric m) {
        if (m instanceof ProjectedMetric p) {
            int k = p.rank();
            double[] out = new double[(int) cohort.cellCount() * k];
            int o = 0;
            for (Sample s : cohort.samples()) {
                double[] y = p.project(s.cells());
                System.arraycopy(y, 0, out, o, y.length);
                o += y.length;
            }
            return out;
        }
        if (m instanceof FixedGroundMetric f && f.metric() == PointMetric.EUCLIDEAN) {
            int d = cohort.featureCount();
            double[] out = new double[(int) cohort.cellCount() * d];
            int o = 0;
            for (Sample s : cohort.samples()) {
                for (int r = 0; r < s.cellCount(); r++) {
                    float[] row = s.cells().row(r);
                    for (int j = 0; j < d; j++) {
                        out[o++] = row[j];
                    }
                }
            }
            return out;
        }
        throw new IllegalArgumentException("a cell UMAP under a blend needs the other metric to be Euclidean or a"
                + " learned model, not " + m.name());
    }
}
