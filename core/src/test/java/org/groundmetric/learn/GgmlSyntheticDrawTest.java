package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.testing.Knn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance bar of {@link GgmlPaperDataTest} on draws of the project's own generator
 * ({@link SyntheticCohorts}, the paper's reference generator), so that a clone without the paper's
 * files still proves the method works: train on one draw (seed 1: 3 classes × 10 samples) with the
 * paper's settings (rank 5, t = 3, α = 10, λ = 0.1, 30 epochs, seed 0), and classify the samples
 * of an independent draw (seed 2), which the model never saw, by leave-one-out 5-NN under W_θ:
 * accuracy ≥ 0.95 and far above the Euclidean ground metric's. The draws have 150 cells per sample
 * (the paper's 300 with half the cells per mode), which keeps the task and costs a quarter of the
 * transport work: about 50 s of CPU for both data sets. Tagged "slow", still part of {@code mvn test}.
 */
@Tag("slow")
class GgmlSyntheticDrawTest {
    /** The paper's draws have 100 cells per mode; 50 keep the task at a quarter of the transport work. */
    private static final int CELLS_PER_MODE = 50;

    @ParameterizedTest
    @ValueSource(strings = {"synth2d", "synth200d"})
    void learnedMetricClassifiesAnUnseenDraw(String preset) {
        int noiseAxes = preset.equals("synth2d") ? 1 : 199;
        double noiseScale = preset.equals("synth2d") ? 1000 : 1;
        Cohort train = SyntheticCohorts.paper(noiseAxes, noiseScale, 10, CELLS_PER_MODE, 1);
        Cohort test = SyntheticCohorts.paper(noiseAxes, noiseScale, 10, CELLS_PER_MODE, 2);
        GgmlConfig paper = GgmlConfig.builder().rank(5).neighbours(3).alpha(10).lambda(0.1).epochs(30).seed(0)
                .threads(2).build();
        TrainedMetric model = new Ggml(paper).train(train, TrainingListener.NONE);
        double ggml = Knn.accuracy(test, model.metric(), 5, 2);
        double euclidean = Knn.accuracy(test, new FixedGroundMetric(PointMetric.EUCLIDEAN), 5, 2);
        System.out.printf("%s draws (train seed 1, test seed 2): leave-one-out 5-NN accuracy GGML %.2f, Euclidean %.2f%n",
                preset, ggml, euclidean);
        assertTrue(ggml >= 0.95, preset + ": GGML accuracy " + ggml + " < 0.95");
        assertTrue(ggml >= euclidean + 0.3, preset + ": GGML " + ggml + " not far above Euclidean " + euclidean);
    }
}
