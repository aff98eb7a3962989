package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.data.SampleSummary;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.testing.Bits;
import org.junit.jupiter.api.Test;

/**
 * The learned W to the last bit, for training runs that take every path of the trainer: random and
 * nearest (hard-mined) triplets, random and principal-axes starts, warm-started assignments and the
 * network simplex, dense and sparse cells, one and two threads, every cell and summarised samples
 * (weighted centroids). A change of code that should not
 * change results (a split, a move, a new thread pool) must leave these digests alone; a change
 * that means to change results updates them and says why in its commit.
 */
class PinnedResultsTest {

    /** Sparse paper-like cells: 12 samples of 40 cells, 120 genes, 3 classes (pairs recur, so starts are warm). */
    private static final Cohort SPARSE = new PaperScaleCohort(12, 3, 40, 120, 3, 0.1, 4, 5).generate();
    /** The paper's generator: 3 classes × 4 samples × 24 cells, one class axis and 3 noise axes. */
    private static final Cohort DENSE = SyntheticCohorts.paper(3, 1, 4, 8, 5);

    private static GgmlConfig.Builder quick() {
        return GgmlConfig.builder().rank(3).epochs(3).batchSize(8).seed(4);
    }

    @Test
    void randomTripletsWarmStartsSparseCells() {
        assertDigest("de498c59b53adefe", train(SPARSE, quick().threads(2)));
    }

    @Test
    void nearestTripletsDenseCells() {
        assertDigest("bac44f3c24c57542", train(DENSE, quick().triplets(TripletStrategy.NEAREST).threads(1)));
    }

    @Test
    void principalAxesStartWithoutFeatureScaling() {
        assertDigest("2147cfdf922f7fbf", train(SPARSE, quick().init(Initialisation.PCA)
                .featureScaling(FeatureScaling.NONE).regulariser(Regulariser.L1)));
    }

    @Test
    void summarisedSamples() {
        for (int threads : new int[] {1, 2}) {
            assertDigest("5cfc0e9a8972a986", train(SPARSE, quick().summary(SampleSummary.kmeans(6, 1)).threads(threads)));
        }
    }

    /**
     * Summarised samples with several feature ranges of the dense centroids' gradient
     * ({@link TrainingCells#gradientByFeatureRange}) on two threads, an odd number of centroids and rank 5 (the projection's
     * blocks of 5) and 3 (blocks of 4): pinned from the trainer before the centroids' projection
     * and gradient were rewritten (commit 7811985), so the rewrite provably learns the same W.
     */
    @Test
    void summarisedSamplesWithManyGenes() {
        Cohort wide = new PaperScaleCohort(12, 3, 40, 1100, 3, 0.1, 8, 5).generate();
        assertDigest("a2da2cfa6ac2428a", train(wide, quick().rank(5).summary(SampleSummary.kmeans(7, 1)).threads(2)));
        assertDigest("dd456aab5a4b01c8", train(wide, quick().summary(SampleSummary.kmeans(7, 1)).threads(1)));
    }

    private static TrainedMetric train(Cohort cohort, GgmlConfig.Builder config) {
        return new Ggml(config.build()).train(cohort, TrainingListener.NONE);
    }

    private static void assertDigest(String expected, TrainedMetric model) {
        assertEquals(expected, Bits.digest(model.weights()), "W's bits changed; W[0] now starts "
                + model.weights()[0][0] + ", " + model.weights()[0][1]);
    }
}
