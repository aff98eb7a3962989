package org.groundmetric.eval;

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
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.PointMetric;
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
        Benchmark.Result r = bench.run(cohort, methods, splits, Progress.NONE);

        assertEquals(6, r.summaries().size());
        Benchmark.MethodSummary euclid = r.summaries().get(0);
        Benchmark.MethodSummary axis = r.summaries().get(1);
        assertEquals("ok", euclid.status());
        assertEquals("ok", axis.status());
        // the class lives on axis 0 alone: that metric separates the samples perfectly, Euclidean
        // (dominated by the noise axis ×1000) does not
        assertEquals(1.0, axis.patientAccuracy(), 1e-12);
        assertEquals(0.0, axis.patientAccuracyStd(), 1e-12);
        assertEquals(1.0, axis.ari(), 1e-12);
        assertEquals(0.0, axis.vi(), 1e-9);
        assertEquals(Math.log(3), axis.mi(), 1e-9, "3 balanced classes recovered exactly: MI = ln 3");
        // a cell of the class mode is recognised, one of the two shared modes gets a 1/3 guess: 5/9
        assertEquals(5.0 / 9, axis.cellAccuracy(), 0.05);
        assertTrue(euclid.patientAccuracy() < 0.9, "Euclidean " + euclid.patientAccuracy());
        // LFDA on cells is misled by the noise axis here, as the paper finds; it must still run
        assertEquals("ok", r.summaries().get(2).status());
        assertEquals("OOT", r.summaries().get(3).status());
        assertEquals("failed: no luck; today", r.summaries().get(4).status());
        assertEquals("OOM", r.summaries().get(5).status());
        // two splits for the ok methods, one (the failed one) for the rest
        assertEquals(2 + 2 + 2 + 1 + 1 + 1, r.splits().size());
        Benchmark.SplitResult first = r.splits().get(0);
        long total = 0;
        for (long[] row : first.confusion()) {
            for (long v : row) {
                total += v;
            }
        }
        assertEquals(splits.get(0).test().length, total, "the confusion matrix counts every test sample");
    }

    @Test
    void summaryIsTheMeanAndPopulationStdOverSplits() {
        List<Benchmark.SplitResult> rs = List.of(
                new Benchmark.SplitResult("m", 0, "ok", 0.5, 0.4, null, 0.6, 1, 0.2, 2, 3),
                new Benchmark.SplitResult("m", 1, "ok", 1.0, 0.8, null, 0.8, 0, 0.4, 1, 5));
        Benchmark.MethodSummary s = Benchmark.summarise("m", rs, "ok");
        assertEquals(0.75, s.patientAccuracy(), 1e-12);
        assertEquals(0.25, s.patientAccuracyStd(), 1e-12);
        assertEquals(0.6, s.patientBalancedAccuracy(), 1e-12);
        assertEquals(0.1, s.cellAccuracyStd(), 1e-12);
        assertEquals(4, s.fitSeconds(), 1e-12);
    }
}
