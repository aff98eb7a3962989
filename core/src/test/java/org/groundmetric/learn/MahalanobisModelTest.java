package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.groundmetric.metric.LowRankMahalanobis;
import org.junit.jupiter.api.Test;

/** A model of kind mahalanobis says what its metric is: output lines and reports print the name. */
class MahalanobisModelTest {

    private static final List<String> FEATURES = List.of("g1", "g2", "g3");

    @Test
    void theIdentityIsNamedEuclideanAndAnotherMethodsMapMahalanobis() {
        TrainedMetric euclidean = MahalanobisModel.euclidean(FEATURES, null, List.of("a", "b"));
        assertEquals("euclidean", euclidean.metric().name());
        assertEquals(0.0, euclidean.metric().distance(new float[] {1, 2, 3}, new float[] {1, 2, 3}));
        assertEquals(5.0, euclidean.metric().distance(new float[] {0, 0, 0}, new float[] {3, 4, 0}), 1e-12);

        TrainedMetric lfda = MahalanobisModel.of(new double[] {1, 0, 0, 0, 2, 0}, 2, FEATURES, null, List.of("a", "b"));
        assertEquals("mahalanobis(k=2)", lfda.metric().name());
        assertEquals(4.0, lfda.metric().distance(new float[] {0, 0, 0}, new float[] {0, 2, 9}), 1e-12);

        // A square map that is not the identity is not Euclidean.
        double[] scaled = {2, 0, 0, 0, 1, 0, 0, 0, 1};
        assertEquals("mahalanobis(k=3)", MahalanobisModel.of(scaled, 3, FEATURES, null, List.of("a")).metric().name());
        assertEquals("ggml(k=2)", new LowRankMahalanobis(new double[] {1, 0, 0, 0, 1, 0}, 2).name());
    }
}
