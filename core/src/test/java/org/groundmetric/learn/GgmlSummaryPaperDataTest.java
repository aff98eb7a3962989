package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleSummary;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.testing.Knn;
import org.groundmetric.testing.PaperData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bar for summarised samples on the paper's Synth200D draw: GGML trained on the
 * split == train samples, each summarised into 20 k-means centroids (paper settings otherwise),
 * classifies the split == test samples, summarised the same way (the model's replay), by
 * leave-one-out 5-NN under W_θ between weighted centroids with accuracy ≥ 0.95, far above the
 * Euclidean ground metric's on the same summaries.
 */
class GgmlSummaryPaperDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"synth200d_paper.h5ad"})
    void summarisedTrainingClassifiesHeldOutSummaries(String file) {
        Cohort train = PaperData.split(file, "train");
        Cohort test = PaperData.split(file, "test");
        TrainedMetric model = new Ggml(GgmlConfig.builder().rank(5).neighbours(3).alpha(10).lambda(0.1).epochs(30)
                .seed(0).threads(2).summary(SampleSummary.kmeans(20, 0)).build()).train(train, TrainingListener.NONE);
        Cohort summaries = model.summarised(test, 2);
        assertTrue(summaries.samples().stream().allMatch(s -> s.cellCount() == 20 && s.weighted()),
                "every test sample must be replayed as 20 weighted centroids");
        double ggml = Knn.accuracy(summaries, model.metric(), 5, 2);
        double euclidean = Knn.accuracy(summaries, new FixedGroundMetric(PointMetric.EUCLIDEAN), 5, 2);
        System.out.printf("%s, kmeans:20: leave-one-out 5-NN accuracy on split == test: GGML %.2f, Euclidean %.2f%n",
                file, ggml, euclidean);
        assertTrue(ggml >= 0.95, file + ": GGML accuracy on summaries " + ggml + " < 0.95");
        assertTrue(ggml >= euclidean + 0.3, file + ": GGML " + ggml + " not far above Euclidean " + euclidean);
    }
}
