package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.groundmetric.Progress;
import org.groundmetric.baseline.BaselineLearner;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.predict.Vote;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    private static MetricLearner fixed(String name, PointMetric m) {
        return new MetricLearner() {
            @Override public String name() { return name; }
            @Override public GroundMetric fit(Cohort cohort) { return new FixedGroundMetric(m); }
        };
    }

    private static MetricLearner throwing(String name, RuntimeException e) {
        return new MetricLearner() {
            @Override public String name() { return name; }
            @Override public GroundMetric fit(Cohort cohort) { throw e; }
        };
    }

    @Test
    void scoresEveryMethodAndReportsOutOfTimeAndFailuresWithoutStopping() {
        // Synth2D in small: 3 classes × 6 samples × 45 cells, the noise axis ×1000
        Cohort cohort = SyntheticCohorts.paper(1, 1000, 6, 15, 3);
        List<GroupShuffleSplit.Split> splits = GroupShuffleSplit.paper(2, 1).split(cohort).splits();
        BaselineLearner.Settings bs = new BaselineLearner.Settings(1, 20, Duration.ofMinutes(1), 0);
        MetricLearner sleeper = new MetricLearner() {
            @Override public String name() { return "Sleepy"; }
            @Override public GroundMetric fit(Cohort c) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new FixedGroundMetric(PointMetric.EUCLIDEAN);
            }
        };
        MetricLearner classAxis = new MetricLearner() {
            @Override public String name() { return "ClassAxis"; }
            @Override public GroundMetric fit(Cohort c) { return new LowRankMahalanobis(new double[] {1, 0}, 1); }
        };
        List<MetricLearner> methods = List.of(fixed("Euclidean", PointMetric.EUCLIDEAN), classAxis, BaselineLearner.named("LFDA", bs),
                sleeper, throwing("Broken", new IllegalStateException("no luck, today")),
                throwing("Greedy", new org.groundmetric.baseline.Budget.OutOfMemoryBudgetException("too big")));
        Benchmark bench = new Benchmark(new Benchmark.Settings(5, 10, HierarchicalClustering.Method.AVERAGE,
                Duration.ofMillis(300), 2), Solver.AUTO);
        BenchmarkResult r = bench.run(cohort, methods, splits, Progress.NONE);

        assertEquals(6, r.methods().size());
        assertEquals(Vote.DISTANCE, r.vote(), "6/6/6 classes: the automatic vote is distance-weighted");
        BenchmarkResult.Method euclid = r.methods().get(0);
        BenchmarkResult.Method axis = r.methods().get(1);
        assertEquals("ok", euclid.status());
        assertEquals("ok", axis.status());
        // the class lives on axis 0 alone: that metric separates the samples perfectly, Euclidean
        // (dominated by the noise axis ×1000) does not
        assertEquals(1.0, axis.mean(BenchmarkResult.Round::accuracy), 1e-12);
        assertEquals(0.0, axis.std(BenchmarkResult.Round::accuracy), 1e-12);
        assertEquals(1.0, axis.mean(BenchmarkResult.Round::balancedAccuracy), 1e-12);
        assertEquals(1.0, axis.mean(BenchmarkResult.Round::auc), 1e-12);
        assertEquals(1.0, axis.mean(r2 -> r2.recall(2)), 1e-12);
        assertEquals(1.0, axis.mean(BenchmarkResult.Round::ari), 1e-12);
        assertEquals(0.0, axis.mean(BenchmarkResult.Round::vi), 1e-9);
        assertEquals(Math.log(3), axis.mean(BenchmarkResult.Round::mi), 1e-9, "3 balanced classes recovered exactly: MI = ln 3");
        // a cell of the class mode is recognised, one of the two shared modes gets a 1/3 guess: 5/9
        assertEquals(5.0 / 9, axis.mean(BenchmarkResult.Round::cellAccuracy), 0.05);
        assertTrue(euclid.mean(BenchmarkResult.Round::accuracy) < 0.9, "Euclidean " + euclid.mean(BenchmarkResult.Round::accuracy));
        assertTrue(Double.isNaN(axis.mean(BenchmarkResult.Round::cellAri)), "no cell clustering was asked for");
        // LFDA on cells is misled by the noise axis here, as the paper finds; it must still run
        assertEquals("ok", r.methods().get(2).status());
        assertEquals("OOT", r.methods().get(3).status());
        assertEquals("failed: no luck; today", r.methods().get(4).status());
        assertEquals("OOM", r.methods().get(5).status());
        assertTrue(r.methods().get(3).rounds().isEmpty());
        // two fits for the ok methods, one (the failed one) for the rest
        assertEquals(2 + 2 + 2 + 1 + 1 + 1, r.fits().size());
        BenchmarkResult.Fit first = r.fits().get(0);
        assertArrayEquals(splits.get(0).test(), first.heldOut(), "every test sample is held out and scored");
        long total = 0;
        for (long[] row : euclid.rounds().get(0).patients().classification().confusion()) {
            for (long v : row) {
                total += v;
            }
        }
        assertEquals(splits.get(0).test().length, total, "the confusion matrix counts every test sample");
    }

    @Test
    void aRoundPoolsItsFitsAndTheSummaryIsTheMeanAndPopulationStdOverRounds() {
        // two fits of one round: 2 held-out samples each; class 1 is found once of twice
        BenchmarkResult.Fit a = new BenchmarkResult.Fit("m", 0, 0, "ok", 2, new int[] {0, 1}, new int[] {0, 1},
                new double[][] {{0.9, 0.1}, {0.6, 0.4}}, 8, 10, new ClusterScores(1, 0.5, 0), null,
                Double.NaN, Double.NaN, Double.NaN);
        BenchmarkResult.Fit b = new BenchmarkResult.Fit("m", 0, 1, "ok", 4, new int[] {2, 3}, new int[] {0, 1},
                new double[][] {{0.7, 0.3}, {0.2, 0.8}}, 2, 10, null, null, Double.NaN, Double.NaN, Double.NaN);
        BenchmarkResult.Round pooled = BenchmarkResult.Round.pool("m", 0, List.of(a, b), 2);
        assertEquals(0.75, pooled.accuracy(), 1e-12);
        assertEquals(1.0, pooled.recall(0), 1e-12);
        assertEquals(0.5, pooled.recall(1), 1e-12);
        assertEquals(0.75, pooled.balancedAccuracy(), 1e-12);
        // p(class 1): positives 0.4, 0.8 against negatives 0.1, 0.3: every pair ranked right
        assertEquals(1.0, pooled.auc(), 1e-12);
        assertEquals(0.5, pooled.cellAccuracy(), 1e-12, "10 of 20 cells, pooled over the fits");
        assertEquals(0.5, pooled.ari(), 1e-12, "the one fit with a sample clustering");
        assertTrue(Double.isNaN(pooled.cellAri()));
        assertEquals(3, pooled.fitSeconds(), 1e-12);

        BenchmarkResult.Round other = BenchmarkResult.Round.pool("m", 1, List.of(
                new BenchmarkResult.Fit("m", 1, 2, "ok", 1, new int[] {0, 1}, new int[] {0, 1},
                        new double[][] {{0.8, 0.2}, {0.1, 0.9}}, 1, 1, null, null, Double.NaN, Double.NaN, Double.NaN)), 2);
        BenchmarkResult.Method m = new BenchmarkResult.Method("m", "ok", List.of(pooled, other), 2);
        assertEquals(0.875, m.mean(BenchmarkResult.Round::accuracy), 1e-12);
        assertEquals(0.125, m.std(BenchmarkResult.Round::accuracy), 1e-12);
        assertEquals(0.5, m.mean(BenchmarkResult.Round::ari), 1e-12, "undefined in one round: the mean of the others");
        assertEquals(0.0, m.std(BenchmarkResult.Round::ari), 1e-12);
    }
}
