package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.groundmetric.Progress;
import org.groundmetric.data.BatchEffect;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleBatches;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.junit.jupiter.api.Test;

/** The batch-separation score by hand, and as the grid search scores it on validation samples. */
class BatchSeparationTest {

    @Test
    void scoresByHandAmongSamplesAndAgainstReferences() {
        // one class; samples 0, 1 in batch 0, samples 2, 3 in batch 1
        double[][] d = {
            {0, 1, 2, 3},
            {1, 0, 0.5, 4},
            {2, 0.5, 0, 1},
            {3, 4, 1, 0},
        };
        int[] cls = {0, 0, 0, 0};
        int[] batch = {0, 0, 1, 1};
        // sample 0: own 1 (d 1) vs others 2, 3 (2, 3): 2 of 2; sample 1: own 0 (1) vs 0.5, 4: 1 of 2;
        // sample 2: own 3 (1) vs 2, 0.5: 1 of 2; sample 3: own 2 (1) vs 3, 4: 2 of 2
        assertEquals((1 + 0.5 + 0.5 + 1) / 4, BatchSeparation.score(d, cls, batch), 1e-12);

        // two new samples of class 0 against the four as references; a third of class 1 has no class-mate
        double[][] between = {
            {1, 2, 3, 3},   // batch 0: own 1, 2 against 3, 3: 4 of 4
            {1, 1, 1, 5},   // batch 1: own 1, 5 against 1, 1: ties 0.5 ×2, losses 0 ×2 → 1 of 4
            {1, 1, 1, 1},
        };
        double[] rows = BatchSeparation.againstReference(between, new int[] {0, 0, 1}, new int[] {0, 1, 0}, cls, batch);
        assertArrayEquals(new double[] {1, 0.25, Double.NaN}, rows, 1e-12);
        assertEquals(0.625, BatchSeparation.mean(rows), 1e-12);
        assertTrue(Double.isNaN(BatchSeparation.mean(new double[] {Double.NaN})));
    }

    @Test
    void gridSearchScoresTheValidationSamplesOnlyWhenGivenBatches() {
        // a shift of 10 on each batch's own noise feature: the Euclidean metric tracks the batch, so a
        // validation sample's own-batch class-mates come first; with shift 0.01 the batch is invisible
        Cohort shifted = new BatchEffect(10, 0.75, false).apply(SyntheticCohorts.paper(9, 1, 8, 10, 1), 1);
        Cohort faint = new BatchEffect(0.01, 0.75, false).apply(SyntheticCohorts.paper(9, 1, 8, 10, 1), 1);
        MetricLearner euclidean = new MetricLearner() {
            @Override public String name() { return "Euclidean"; }
            @Override public GroundMetric fit(Cohort cohort) { return new FixedGroundMetric(PointMetric.EUCLIDEAN); }
        };
        double strong = separation(shifted, euclidean, true);
        double weak = separation(faint, euclidean, true);
        System.out.printf("grid-search batch separation, Euclidean: shift 10 %.3f, shift 0.01 %.3f%n", strong, weak);
        assertTrue(strong > 0.75 && strong - weak > 0.3, "the shifted batch should show: " + strong + " vs " + weak);
        assertTrue(Math.abs(weak - BatchSeparation.CHANCE) < 0.15, "a faint batch should not: " + weak);
        assertTrue(Double.isNaN(separation(shifted, euclidean, false)));
    }

    private static double separation(Cohort cohort, MetricLearner learner, boolean withBatches) {
        CrossValidation.Plan plan = CrossValidation.kFold(cohort, 4, 1, 0, 3).heldOutAsValidation();
        GridSearch search = new GridSearch(3, Solver.AUTO, 1);
        if (withBatches) {
            search = search.withBatches(SampleBatches.of(cohort, "batch").batchOf());
        }
        GridSearch.Grid grid = search.run(cohort, new double[] {1}, new double[] {0.1}, plan, (a, l) -> learner,
                Progress.NONE);
        return grid.best().batchSeparation();
    }
}
