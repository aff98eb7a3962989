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
    void unlabelledSamplesAreRefused() {
        Sample unlabelled = new Sample("x", null, SMALL.sample(0).cells(), SMALL.sample(0).cellIds(), java.util.Map.of());
        Cohort withUnlabelled = new Cohort(List.of(SMALL.sample(0), SMALL.sample(5), unlabelled), SMALL.featureNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ggml(quick().build()).train(withUnlabelled, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("'x' has no class label"), e.getMessage());
    }

    @Test
    void aSingleSampleClassIsLegalAndOnlyCohortsWithoutAnyPairAreRefusedByLabel() {
        // class_0: samples 0, 1; class_1: sample 4 alone; class_2: sample 8 alone
        Cohort lonely = SMALL.subset(new int[] {0, 1, 4, 8});
        int[] batches = new int[1];
        TrainedMetric m = new Ggml(quick().epochs(2).build()).train(lonely, new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, int triplets, int batchCount) {
                // only samples 0 and 1 anchor: 2 anchors · t² = 9 · (C − 1) = 2
                assertEquals(2 * 9 * 2, triplets);
                batches[0]++;
            }
        });
        assertEquals(2, batches[0]);
        assertEquals(List.of("class_0", "class_1", "class_2"), m.classNames());
        assertEquals(ClassWeight.NONE, m.config().classWeight(), "the builder's default is the paper's");
        TrainedMetric auto = new Ggml(quick().epochs(1).classWeight(ClassWeight.AUTO).build()).train(lonely, TrainingListener.NONE);
        assertEquals(ClassWeight.BALANCED, auto.config().classWeight(), "2, 1, 1 samples: auto resolved to balanced");
        assertTrue(m.history().get(1).loss() < m.history().get(0).loss() || m.history().get(1).loss() == 0,
                "the lone samples serve as k: the loss falls " + m.history());

        Cohort noPair = SMALL.subset(new int[] {0, 4});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ggml(quick().build()).train(noPair, TrainingListener.NONE));
        assertEquals("no class has two samples (class 'class_0' 1 sample, class 'class_1' 1 sample): every triplet"
                + " needs an anchor and a second sample of its class", e.getMessage());
        Cohort oneClass = SMALL.subset(new int[] {0, 1, 2});
        e = assertThrows(IllegalArgumentException.class, () -> new Ggml(quick().build()).train(oneClass, TrainingListener.NONE));
        assertEquals("triplets need samples of at least two classes; all 3 training samples are of class 'class_0'",
                e.getMessage());
    }
}
