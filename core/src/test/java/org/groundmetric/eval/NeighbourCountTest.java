package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.junit.jupiter.api.Test;

/**
 * A kNN never asks for more neighbours than the training samples: tune and benchmark shrank k
 * silently to the split's size (tune --k 50 ran, predict --k 50 was refused); now all three refuse.
 */
class NeighbourCountTest {

    private static final Cohort COHORT = SyntheticCohorts.paper(1, 1, 3, 5, 1); // 3 classes × 3 samples
    private static final List<GroupShuffleSplit.Split> SPLITS =
            new GroupShuffleSplit(1, 0.67, 0.34, 0).split(COHORT).splits();

    private static final MetricLearner EUCLIDEAN = new MetricLearner() {
        @Override public String name() { return "Euclidean"; }
        @Override public GroundMetric fit(Cohort c) { return new FixedGroundMetric(PointMetric.EUCLIDEAN); }
    };

    @Test
    void gridSearchRefusesMoreNeighboursThanTheSplitTrainsOn() {
        int fit = SPLITS.get(0).fit().length;
        IllegalParameterException e = assertThrows(IllegalParameterException.class, () -> new GridSearch(fit + 1,
                Solver.AUTO, 1).run(COHORT, new double[] {1}, new double[] {0.1}, SPLITS, (a, l) -> EUCLIDEAN,
                Progress.NONE));
        assertEquals("GridSearch.k", e.parameter());
        assertTrue(e.getMessage().contains("trains on only " + fit + " samples"), e.getMessage());
        // k equal to the training samples still runs
        new GridSearch(fit, Solver.AUTO, 1).run(COHORT, new double[] {1}, new double[] {0.1}, SPLITS,
                (a, l) -> EUCLIDEAN, Progress.NONE);
    }

    @Test
    void benchmarkRefusesMoreNeighboursThanTheSplitTrainsOnBeforeFittingAnything() {
        int fit = SPLITS.get(0).fit().length;
        Benchmark tooMany = new Benchmark(new Benchmark.Settings(fit + 1, 1, HierarchicalClustering.Method.AVERAGE,
                Duration.ofMinutes(1), 1), Solver.AUTO);
        assertEquals("Benchmark.Settings.knnK", assertThrows(IllegalParameterException.class,
                () -> tooMany.run(COHORT, List.of(EUCLIDEAN), SPLITS, Progress.NONE)).parameter());
        Benchmark tooManyCells = new Benchmark(new Benchmark.Settings(1, 10_000, HierarchicalClustering.Method.AVERAGE,
                Duration.ofMinutes(1), 1), Solver.AUTO);
        assertEquals("Benchmark.Settings.cellK", assertThrows(IllegalParameterException.class,
                () -> tooManyCells.run(COHORT, List.of(EUCLIDEAN), SPLITS, Progress.NONE)).parameter());
    }
}
