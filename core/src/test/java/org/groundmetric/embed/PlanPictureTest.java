package org.groundmetric.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.ot.TransportPlan;
import org.junit.jupiter.api.Test;

/** Where the plan figure (Fig. 2d/e) puts the cells, and the plan it draws. */
class PlanPictureTest {

    private static final Sample A = Sample.of("a", "x", DenseMatrix.of(new double[][] {{0, 0, 0}, {1, 0, 0}, {0, 2, 0}}));
    private static final Sample B = Sample.of("b", "y", DenseMatrix.of(new double[][] {{1, 1, 0}, {2, 2, 0}}));

    /** POT: ot.emd([1/3]*3, [1/2]*2, ot.dist(a, b, 'euclidean')) on the first two coordinates. */
    @Test
    void aRankTwoMetricDrawsTheImagesAndThePlanIsPots() {
        LowRankMahalanobis firstTwo = new LowRankMahalanobis(new double[] {1, 0, 0, 0, 1, 0}, 2);
        PlanPicture p = PlanPicture.of(A, B, firstTwo);
        assertEquals("proj", p.axes());
        assertArrayEquals(new double[] {0, 2}, p.a()[2], 1e-12);
        assertArrayEquals(new double[] {2, 2}, p.b()[1], 1e-12);
        double[][] dense = p.plan().plan().toDense(3, 2);
        double third = 1.0 / 3;
        double sixth = 1.0 / 6;
        double[][] pot = {{third, 0}, {sixth, sixth}, {0, third}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(pot[i], dense[i], 1e-12);
        }
        assertEquals(4, p.plan().plan().nonZeros());
        assertEquals(1.67741585037433, p.plan().cost(), 1e-12);
    }

    /** At k = 3 the cells go onto their first two principal axes: cells in a plane keep every distance. */
    @Test
    void aHigherRankIsDrawnOnThePrincipalAxesOfBothSamplesImages() {
        LowRankMahalanobis identity = new LowRankMahalanobis(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3);
        PlanPicture p = PlanPicture.of(A, B, identity);
        assertEquals("PC of X·Wᵀ", p.axes());
        List<double[]> picture = new ArrayList<>(List.of(p.a()));
        picture.addAll(List.of(p.b()));
        double[][] cells = {{0, 0}, {1, 0}, {0, 2}, {1, 1}, {2, 2}};
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells.length; j++) {
                double want = Math.hypot(cells[i][0] - cells[j][0], cells[i][1] - cells[j][1]);
                double got = Math.hypot(picture.get(i)[0] - picture.get(j)[0], picture.get(i)[1] - picture.get(j)[1]);
                assertEquals(want, got, 1e-5, i + "," + j); // the images pass through float cells
            }
        }
        TransportPlan plan = p.plan().plan();
        assertEquals(4, plan.nonZeros());
        assertEquals(1.67741585037433, p.plan().cost(), 1e-12);
    }
}
