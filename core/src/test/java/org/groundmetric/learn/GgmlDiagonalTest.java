package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.metric.DiagonalMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.testing.Knn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's diagonal variant, d(x, y) = ‖diag(w)(x − y)‖, trained by the same GGML loop: on
 * Synth2D draws (the class on dim0, noise 1000× larger on dim1) it must weight the class axis and
 * all but drop the noise axis, classify an unseen draw, keep w ≥ 0, give the same w whatever the
 * thread count, and come back from its model file as the same metric.
 */
class GgmlDiagonalTest {

    @TempDir
    Path dir;

    private static final GgmlConfig DIAGONAL = GgmlConfig.builder().form(MetricForm.DIAGONAL).epochs(10).seed(0)
            .build();

    @Test
    void learnsToWeightTheClassAxisAndClassifiesAnUnseenDraw() {
        Cohort train = SyntheticCohorts.paper(1, 1000, 8, 20, 1);
        Cohort test = SyntheticCohorts.paper(1, 1000, 8, 20, 2);
        TrainedMetric model = new Ggml(DIAGONAL).train(train, TrainingListener.NONE);
        assertEquals(ModelKind.DIAGONAL, model.modelKind());
        assertEquals(2, model.rank(), "a diagonal model's image has one coordinate per feature");
        double[] w = model.weights()[0];
        assertTrue(w[0] >= 0 && w[1] >= 0, "w ≥ 0: " + w[0] + ", " + w[1]);
        // in units of each axis's spread (class axis ~1, noise axis ~1000) the class axis must dominate
        assertTrue(w[0] > 10 * w[1] * 1000, "class axis weight " + w[0] + " vs noise axis " + w[1]);
        assertInstanceOf(DiagonalMetric.class, model.metric());
        double learned = Knn.accuracy(test, model.metric(), 5, 1);
        double euclidean = Knn.accuracy(test, new FixedGroundMetric(PointMetric.EUCLIDEAN), 5, 1);
        assertTrue(learned >= 0.95, "diagonal GGML accuracy on an unseen draw " + learned);
        assertTrue(learned >= euclidean + 0.3, "diagonal " + learned + " vs Euclidean " + euclidean);
    }

    @Test
    void theThreadCountNeverChangesW() {
        Cohort train = SyntheticCohorts.paper(3, 1, 4, 10, 5);
        double[] one = new Ggml(DIAGONAL.toBuilder().epochs(3).threads(1).build())
                .train(train, TrainingListener.NONE).weights()[0];
        double[] three = new Ggml(DIAGONAL.toBuilder().epochs(3).threads(3).build())
                .train(train, TrainingListener.NONE).weights()[0];
        assertArrayEquals(one, three, 0.0);
    }

    @Test
    void theModelFileGivesBackTheSameMetric() {
        Cohort train = SyntheticCohorts.paper(3, 1, 4, 10, 5);
        TrainedMetric model = new Ggml(DIAGONAL.toBuilder().epochs(2).build()).train(train, TrainingListener.NONE)
                .withReference(train);
        Path f = dir.resolve("diagonal.json");
        model.write(f);
        TrainedMetric back = TrainedMetric.read(f);
        assertEquals(MetricForm.DIAGONAL, back.config().form());
        assertArrayEquals(model.weights()[0], back.weights()[0], 0.0);
        float[] x = {1, 2, 3, 4};
        float[] y = {0, -1, 5, 2};
        double expected = 0;
        for (int f2 = 0; f2 < 4; f2++) {
            double d = model.weights()[0][f2] * (x[f2] - y[f2]);
            expected += d * d;
        }
        assertEquals(Math.sqrt(expected), back.metric().distance(x, y), 1e-12);
        assertEquals(4, back.reference().get(0).rank(), "reference cells are the D-dimensional images w ⊙ x");
    }

    @Test
    void thePrincipalAxesStartIsRefusedForTheDiagonalForm() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DIAGONAL.toBuilder().init(Initialisation.PCA).build());
        assertTrue(e.getMessage().contains("init pca"), e.getMessage());
    }

    /**
     * A sample's cells may be a view of X's rows (the arrays shared with other samples): the
     * diagonal gradient reads the view's own rows, so it equals the gradient on a compact copy.
     */
    @Test
    void theDiagonalGradientReadsAViewsOwnRows() {
        org.groundmetric.linalg.CsrMatrix x = new org.groundmetric.linalg.CsrMatrix(4, 3, new int[] {0, 2, 3, 5, 6},
                new int[] {0, 2, 1, 0, 1, 2}, new float[] {1, 2, 3, 4, 5, 6});
        org.groundmetric.linalg.CsrMatrix view = x.viewRows(new int[] {3, 1});
        double[] g = {0.5, -1, 2, 0.25, 3, -0.5}; // D × n coefficients, feature-major
        double[] onView = new double[3];
        double[] onCopy = new double[3];
        MetricForm.DIAGONAL.accumulateGradient(view, g, 3, onView);
        MetricForm.DIAGONAL.accumulateGradient(view.compact(), g, 3, onCopy);
        assertArrayEquals(onCopy, onView, 0);
        // by hand, G[f][i] = g[f·n + i]: view row 0 = X row 3 (6 at feature 2), row 1 = X row 1 (3 at feature 1)
        assertArrayEquals(new double[] {0, g[1 * 2 + 1] * 3, g[2 * 2 + 0] * 6}, onView, 1e-12);
    }
}
