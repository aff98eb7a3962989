package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.junit.jupiter.api.Test;

class GgmlTest {
    /** A small draw of the paper's generator: 3 classes × 4 samples × 3·8 cells, 3 noise axes. */
    private static final Cohort SMALL = SyntheticCohorts.paper(3, 1, 4, 8, 5);

    private static GgmlConfig.Builder quick() {
        return GgmlConfig.builder().epochs(3).batchSize(32).seed(9);
    }

    @Test
    void sameSeedGivesTheSameWForAnyThreadCount() {
        TrainedMetric one = new Ggml(quick().threads(1).build()).train(SMALL, TrainingListener.NONE);
        TrainedMetric three = new Ggml(quick().threads(3).build()).train(SMALL, TrainingListener.NONE);
        for (int r = 0; r < one.rank(); r++) {
            assertArrayEquals(one.weights()[r], three.weights()[r], 0.0);
        }
        TrainedMetric otherSeed = new Ggml(quick().seed(10).build()).train(SMALL, TrainingListener.NONE);
        assertTrue(otherSeed.weights()[0][0] != one.weights()[0][0], "another seed starts elsewhere");
    }

    @Test
    void historyAndListenerSeeEveryEpochAndBatch() {
        int[] batches = new int[1];
        TrainedMetric m = new Ggml(quick().build()).train(SMALL, new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, int triplets, double loss) {
                batches[0]++;
            }
        });
        // 12 samples · t² = 9 · (C − 1) = 2 → 216 triplets per epoch, 7 batches of ≤ 32.
        assertEquals(3, m.history().size());
        assertEquals(3 * 7, batches[0]);
        assertEquals(List.of("class_0", "class_1", "class_2"), m.classNames());
        assertEquals(SMALL.featureNames(), m.featureNames());
    }

    @Test
    void trainingLowersTheLossOnEveryVariant() {
        for (GgmlConfig c : List.of(quick().epochs(6).build(),
                quick().epochs(6).featureScaling(FeatureScaling.NONE).regulariser(Regulariser.L1).build(),
                quick().epochs(6).triplets(TripletStrategy.NEAREST).build(),
                quick().epochs(6).init(Initialisation.PCA).rank(2).build(),
                quick().epochs(3).solver(org.groundmetric.ot.Solver.SINKHORN).build())) {
            TrainedMetric m = new Ggml(c).train(SMALL, TrainingListener.NONE);
            double first = m.history().get(0).loss();
            double last = m.history().get(m.history().size() - 1).loss();
            assertTrue(last < first, c + ": loss " + first + " → " + last);
        }
    }

    @Test
    void unlabelledSamplesAndSingleSampleClassesAreRefused() {
        Sample unlabelled = new Sample("x", null, SMALL.sample(0).cells(), SMALL.sample(0).cellIds(), java.util.Map.of());
        Cohort withUnlabelled = new Cohort(List.of(SMALL.sample(0), SMALL.sample(5), unlabelled), SMALL.featureNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ggml(quick().build()).train(withUnlabelled, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("'x' has no class label"), e.getMessage());
        Cohort lonely = SMALL.subset(new int[] {0, 1, 4});
        e = assertThrows(IllegalArgumentException.class, () -> new Ggml(quick().build()).train(lonely, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("single sample"), e.getMessage());
    }
}
