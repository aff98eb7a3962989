package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.predict.Vote;
import org.groundmetric.data.SyntheticCohorts;
import org.junit.jupiter.api.Test;

/** A 16/4 cohort whose minority class is separable only in the learned metric. */
class ImbalancedCohortTest {
    private static final Cohort COHORT = SyntheticCohorts.imbalanced(1, 1000, 16, 4, 8, 21);

    private static final MetricLearner EUCLIDEAN = new MetricLearner() {
        @Override public String name() { return "Euclidean"; }
        @Override public GroundMetric fit(Cohort cohort) { return new FixedGroundMetric(PointMetric.EUCLIDEAN); }
    };

    private static BenchmarkResult run(Vote vote, List<MetricLearner> methods) {
        CrossValidation.Plan plan = CrossValidation.kFold(COHORT, 5, 1, 0, 3);
        Benchmark bench = new Benchmark(new Benchmark.Settings(5, 10, HierarchicalClustering.Method.AVERAGE,
                Duration.ofMinutes(5), 2, vote, new CellClustering(200, HierarchicalClustering.Method.AVERAGE, 1)),
                Solver.AUTO);
        return bench.run(COHORT, methods, plan, Progress.NONE);
    }

    /**
     * Five folds of GGML (10 short epochs; λ = 0.01, because the class signal is small in standardised
     * units here and λ = 0.1 shrinks W towards 0) against Euclidean, about 3 s.
     */
    @Test
    void ggmlFindsTheMinorityThatEuclideanCannotSeeAndTheAutomaticVoteIsBalanced() {
        Ggml ggml = new Ggml(GgmlConfig.builder().epochs(10).batchSize(16).learningRate(0.05).lambda(0.01).seed(2).threads(2).build());
        BenchmarkResult r = run(null, List.of(ggml, EUCLIDEAN));
        assertEquals(Vote.BALANCED, r.vote(), "16 against 4: the vote balances the classes");
        BenchmarkResult.Method g = r.method("GGML");
        BenchmarkResult.Method e = r.method("Euclidean");
        assertEquals("ok", g.status());
        assertEquals(1, g.rounds().size(), "one repeat of 5 folds: one pooled round");
        assertEquals(20, r.fits().stream().filter(f -> f.method().equals("GGML")).mapToInt(f -> f.heldOut().length).sum());
        assertEquals(1.0, g.mean(rd -> rd.recall(1)), 1e-12, "every healthy sample found");
        assertTrue(g.mean(BenchmarkResult.Round::balancedAccuracy) >= 0.95, "GGML " + g.rounds());
        assertEquals(1.0, g.mean(BenchmarkResult.Round::auc), 1e-12);
        assertEquals(0.0, e.mean(rd -> rd.recall(1)), 1e-12, "Euclidean sees only the noise axis " + e.rounds());
        assertTrue(e.mean(BenchmarkResult.Round::auc) < 0.75, "Euclidean AUC " + e.mean(BenchmarkResult.Round::auc));
        // cell-level clustering of the class-mode cells (shared modes left out): the learned metric separates them
        assertTrue(g.mean(BenchmarkResult.Round::cellAri) > 0.5, "cell ARI " + g.mean(BenchmarkResult.Round::cellAri));
        assertTrue(e.mean(BenchmarkResult.Round::cellAri) < 0.2, "cell ARI " + e.mean(BenchmarkResult.Round::cellAri));
    }
}
