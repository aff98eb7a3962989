package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.Progress;
import org.groundmetric.data.BatchEffect;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleBatches;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.eval.BatchSeparation;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.predict.WeightedKnn;
import org.groundmetric.wasserstein.WassersteinMatrix;
import org.junit.jupiter.api.Test;

/**
 * A batch confounded with the class in the training samples (3 of 4 samples of each class in the
 * class's home batch, the batch shifting its own noise feature by 10) and reversed in new samples:
 * the plain model learns the batch and fails on the new samples; the batch-aware one learns the
 * class feature and classifies them. Small cohort (9 noise axes, 60 cells per sample) to stay fast.
 */
class BatchCorrectionTest {
    private static final Cohort TRAIN = new BatchEffect(10, 0.75, false).apply(SyntheticCohorts.paper(9, 1, 8, 20, 1), 1);
    private static final Cohort REVERSED = new BatchEffect(10, 0.75, true).apply(SyntheticCohorts.paper(9, 1, 8, 20, 2), 2);
    private static final GgmlConfig CONFIG = GgmlConfig.builder().epochs(20).threads(2).build();

    static double accuracy(Cohort reference, Cohort test, GroundMetric metric) {
        WassersteinMatrix d = WassersteinMatrix.between(test.samples(), reference.samples(), metric, Solver.AUTO,
                2, Progress.NONE);
        int[] predicted = new WeightedKnn(5, WeightedKnn.Weights.UNIFORM).predict(d.distances(),
                reference.classIndices(), reference.classNames().size()).labels();
        int[] truth = test.classIndices();
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    /** ‖W column j‖² in units of the feature's standard deviation. */
    static double[] importance(TrainedMetric m) {
        double[] s = m.featureScales();
        double[] imp = new double[s.length];
        for (double[] row : m.weights()) {
            for (int j = 0; j < imp.length; j++) {
                imp[j] += row[j] * row[j] / (s[j] * s[j]);
            }
        }
        return imp;
    }

    static double separation(Cohort cohort, GroundMetric metric) {
        WassersteinMatrix d = WassersteinMatrix.pairwise(cohort.samples(), metric, Solver.AUTO, 2, Progress.NONE);
        return BatchSeparation.score(d.distances(), cohort.classIndices(), SampleBatches.of(cohort, "batch").batchOf());
    }

    @Test
    void batchAwareModelLearnsTheClassAndGeneralisesToReversedConfoundingWhereThePlainOneFails() {
        TrainedMetric plain = new Ggml(CONFIG).train(TRAIN, TrainingListener.NONE);
        TrainedMetric aware = new Ggml(CONFIG).withBatches(BatchCorrection.of("batch")).train(TRAIN, TrainingListener.NONE);
        double plainAccuracy = accuracy(TRAIN, REVERSED, plain.metric());
        double awareAccuracy = accuracy(TRAIN, REVERSED, aware.metric());
        double[] p = importance(plain);
        double[] a = importance(aware);
        double plainSeparation = separation(TRAIN, plain.metric());
        double awareSeparation = separation(TRAIN, aware.metric());
        System.out.printf("reversed-confounding samples, 5-NN: plain %.2f, batch-aware %.2f; batch separation plain %.2f,"
                + " batch-aware %.2f; importance dim0..3 plain %.2f %.2f %.2f %.2f, aware %.2f %.2f %.2f %.2f%n",
                plainAccuracy, awareAccuracy, plainSeparation, awareSeparation, p[0], p[1], p[2], p[3], a[0], a[1], a[2], a[3]);
        assertTrue(plainAccuracy <= 0.5, "the plain model should follow the batch: " + plainAccuracy);
        assertTrue(awareAccuracy >= 0.9, "the batch-aware model should follow the class: " + awareAccuracy);
        double plainBatch = Math.max(p[1], Math.max(p[2], p[3]));
        double awareBatch = Math.max(a[1], Math.max(a[2], a[3]));
        assertTrue(plainBatch > 0.3 * p[0], "plain: a batch feature weighs " + plainBatch + " against class " + p[0]);
        assertTrue(awareBatch < 0.1 * a[0], "aware: a batch feature weighs " + awareBatch + " against class " + a[0]);
        for (int j = 1; j < a.length; j++) {
            assertTrue(a[0] > 10 * a[j], "aware: dim0 is the feature, dim" + j + " weighs " + a[j]);
        }
        assertTrue(plainSeparation > 0.8, "plain metric separates batches: " + plainSeparation);
        // Measured 1.00 against 0.72: much less, not nothing (the class-mates' sample offsets still differ).
        assertTrue(awareSeparation < plainSeparation - 0.2, "batch-aware metric separates batches less: "
                + awareSeparation + " against " + plainSeparation);
        assertEquals("batch", aware.batches().batchKey());
        assertEquals(null, plain.batches());
        assertTrue(aware.toJson().contains("\"batchKey\" : \"batch\""), "the batch key is in the model file");
    }

    @Test
    void positivesComeFromAnotherBatchAndNegativesFromTheAnchorsWhereTheCohortHasThem() {
        int[] classOf = TRAIN.classIndices();
        int[] batchOf = SampleBatches.of(TRAIN, "batch").batchOf();
        List<Triplet> triplets = new BatchAwareTriplets(classOf, batchOf, 3).random(new SplittableRandom(3));
        assertEquals(24 * 9 * 2, triplets.size(), "n·t²·(C−1) as the paper");
        for (Triplet t : triplets) {
            assertEquals(classOf[t.i()], classOf[t.j()]);
            assertNotEquals(classOf[t.j()], classOf[t.k()]);
            assertNotEquals(batchOf[t.i()], batchOf[t.j()], "positive from another batch");
            boolean classHasOneInJsBatch = false;
            for (int s = 0; s < classOf.length; s++) {
                classHasOneInJsBatch |= classOf[s] == classOf[t.k()] && batchOf[s] == batchOf[t.j()];
            }
            if (classHasOneInJsBatch) {
                assertEquals(batchOf[t.j()], batchOf[t.k()], "negative from the anchor's batch");
            }
        }
    }

    /**
     * The transport form reaches training: in the first epoch (same start, same triplets) its loss is
     * the plain batch-aware loss plus γ × a mean of positive distances, so it is higher, and W moves
     * elsewhere; γ of the alignment form leaves the transport pairs out (another W again).
     */
    @Test
    void theTransportPenaltyRaisesTheLossAndMovesW() {
        GgmlConfig oneEpoch = CONFIG.toBuilder().epochs(1).build();
        BatchCorrection aware = BatchCorrection.of("batch");
        TrainedMetric none = new Ggml(oneEpoch).withBatches(aware).train(TRAIN, TrainingListener.NONE);
        TrainedMetric transport = new Ggml(oneEpoch).withBatches(aware.withPenalty(1, BatchPenaltyForm.TRANSPORT))
                .train(TRAIN, TrainingListener.NONE);
        TrainedMetric alignment = new Ggml(oneEpoch).withBatches(aware.withPenalty(1, BatchPenaltyForm.ALIGNMENT))
                .train(TRAIN, TrainingListener.NONE);
        assertTrue(transport.history().get(0).loss() > none.history().get(0).loss() + 0.1,
                transport.history().get(0).loss() + " vs " + none.history().get(0).loss());
        assertNotEquals(java.util.Arrays.deepToString(none.weights()), java.util.Arrays.deepToString(transport.weights()));
        assertNotEquals(java.util.Arrays.deepToString(alignment.weights()),
                java.util.Arrays.deepToString(transport.weights()));
    }

    @Test
    void refusedWhenEveryClassLiesInOneBatch() {
        Cohort confounded = new BatchEffect(10, 1.0, false).apply(SyntheticCohorts.paper(3, 1, 3, 5, 1), 1);
        IllegalParameterException e = assertThrows(IllegalParameterException.class,
                () -> new Ggml(CONFIG).withBatches(BatchCorrection.of("batch")).train(confounded, TrainingListener.NONE));
        assertEquals("BatchCorrection.batchKey", e.parameter());
        assertTrue(e.getMessage().contains("cannot be told apart from the class"), e.getMessage());
    }

    @Test
    void automaticClassWeightOnAnImbalancedCohortTrainsBatchAwareWithEveryAnchorOnceAndBalancedIsRefused() {
        // classes 8 / 8 / 3: imbalanced, so auto alone would mean balanced anchors
        int[] classOf = TRAIN.classIndices();
        int[] keep = java.util.stream.IntStream.range(0, classOf.length)
                .filter(s -> classOf[s] != 2 || s % 8 < 3).toArray();
        Cohort imbalanced = TRAIN.subset(keep);
        assertEquals(19, imbalanced.size());
        GgmlConfig auto = CONFIG.toBuilder().epochs(1).classWeight(ClassWeight.AUTO).build();
        TrainedMetric plain = new Ggml(auto).train(imbalanced, TrainingListener.NONE);
        assertEquals(ClassWeight.BALANCED, plain.config().classWeight(), "without a batch key auto resolves to balanced");
        TrainedMetric aware = new Ggml(auto).withBatches(BatchCorrection.of("batch")).train(imbalanced, TrainingListener.NONE);
        assertEquals(ClassWeight.NONE, aware.config().classWeight(), "batch-aware: auto resolves to none");
        assertEquals("batch", aware.batches().batchKey());
        GgmlConfig balanced = auto.toBuilder().classWeight(ClassWeight.BALANCED).build();
        IllegalParameterException e = assertThrows(IllegalParameterException.class, () -> new Ggml(balanced)
                .withBatches(BatchCorrection.of("batch")).train(imbalanced, TrainingListener.NONE));
        assertEquals("GgmlConfig.classWeight", e.parameter());
    }

    @Test
    void batchSeparationIsTheChanceThatAnOwnBatchClassMateIsNearer() {
        // one class, batches 0 0 1: sample 0 has own-batch mate 1 (d 1) and other-batch 2 (d 3): 1;
        // sample 1: mate 0 (d 1) vs 2 (d 0.5): 0; sample 2 has no own-batch mate: not counted.
        double[][] d = {{0, 1, 3}, {1, 0, 0.5}, {3, 0.5, 0}};
        assertEquals(0.5, BatchSeparation.score(d, new int[] {0, 0, 0}, new int[] {0, 0, 1}), 1e-12);
        double[][] tie = {{0, 2, 2}, {2, 0, 1}, {2, 1, 0}};
        assertEquals(0.25, BatchSeparation.score(tie, new int[] {0, 0, 0}, new int[] {0, 0, 1}), 1e-12);
        assertTrue(Double.isNaN(BatchSeparation.score(d, new int[] {0, 0, 0}, new int[] {0, 1, 2})));
    }
}
