package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.Solver;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void leaveOneOutHoldsOutEverySampleOnceInOneRound() {
        Cohort ten = SyntheticCohorts.paper(1, 1000, 5, 2, 1).subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        CrossValidation.Plan plan = CrossValidation.leaveOneOut(ten, 0, 7);
        assertEquals(1, plan.rounds().size());
        assertEquals(10, plan.fits().size());
        for (int i = 0; i < 10; i++) {
            GroupShuffleSplit.Split s = plan.fits().get(i);
            assertArrayEquals(new int[] {i}, s.test());
            assertEquals(9, s.train().length);
            assertEquals(0, s.validation().length, "nothing held back without tuning");
            assertEquals(9, s.fit().length);
        }
        // tuning holds back a fifth of each class of the training part: 1 of 4 and 1 of 5
        GroupShuffleSplit.Split tuned = CrossValidation.leaveOneOut(ten, 0.2, 7).fits().get(0);
        assertEquals(2, tuned.validation().length);
        assertEquals(7, tuned.fit().length);
        assertTrue(Arrays.stream(tuned.validation()).noneMatch(v -> v == 0));
    }

    @Test
    void stratifiedKFoldSpreadsTheMinorityAndRepeatsReshuffle() {
        Cohort c = SyntheticCohorts.imbalanced(1, 1000, 16, 4, 1, 3);
        CrossValidation.Plan plan = CrossValidation.kFold(c, 5, 3, 0, 11);
        assertEquals(3, plan.rounds().size());
        assertEquals(15, plan.fits().size());
        int[] classes = c.classIndices();
        for (CrossValidation.Round r : plan.rounds()) {
            int[] heldOut = new int[20];
            for (GroupShuffleSplit.Split s : r.fits()) {
                assertEquals(4, s.test().length, "20 samples in 5 folds");
                assertTrue(Arrays.stream(s.test()).filter(i -> classes[i] == 1).count() <= 1, "the 4 minority samples in 4 folds");
                for (int i : s.test()) {
                    heldOut[i]++;
                }
                assertEquals(16, s.fit().length);
            }
            for (int count : heldOut) {
                assertEquals(1, count, "each repeat holds every sample out once");
            }
        }
        assertNotEquals(Arrays.toString(plan.rounds().get(0).fits().get(0).test()),
                Arrays.toString(plan.rounds().get(1).fits().get(0).test()), "a repeat reshuffles");
        assertEquals(Arrays.toString(plan.fits().get(7).test()),
                Arrays.toString(CrossValidation.kFold(c, 5, 3, 0, 11).fits().get(7).test()), "the same seed, the same folds");
        assertEquals("class 'class_1' has 4 samples for 5 folds: some folds hold none of it out", plan.notes().get(0));
    }

    @Test
    void schemesParseAndTheDefaultFollowsTheCohortSize() {
        assertEquals(new CrossValidation.Scheme(CrossValidation.Kind.KFOLD, 5), CrossValidation.Scheme.parse("kfold:5"));
        assertEquals("loo", CrossValidation.Scheme.parse("LOO").toString());
        assertEquals(CrossValidation.Kind.LOO, CrossValidation.Scheme.forCohortSize(29).kind());
        assertEquals(CrossValidation.Kind.SPLIT, CrossValidation.Scheme.forCohortSize(30).kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.Scheme.parse("kfold"));
        assertEquals("protocol 'kfold' is unknown; expected split, loo or kfold:K (K folds, e.g. kfold:5)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.Scheme.parse("kfold:1"));
    }

    @Test
    void heldOutSamplesBecomeTheValidationPartForTuning() {
        Cohort c = SyntheticCohorts.imbalanced(1, 1000, 16, 4, 1, 3);
        CrossValidation.Plan tuning = CrossValidation.kFold(c, 4, 1, 0, 2).heldOutAsValidation();
        for (GroupShuffleSplit.Split s : tuning.fits()) {
            assertEquals(20, s.train().length);
            assertEquals(5, s.validation().length);
            assertEquals(15, s.fit().length);
            assertEquals(0, s.test().length);
        }
    }

    /** Leave-one-out on six samples: every fit holds one out, the six predictions are scored together. */
    @Test
    void leaveOneOutOnATinyCohortPoolsTheHeldOutSamples() {
        Cohort six = SyntheticCohorts.paper(1, 1000, 3, 5, 4).subset(new int[] {0, 1, 2, 3, 4, 5});
        MetricLearner classAxis = new MetricLearner() {
            @Override public String name() { return "ClassAxis"; }
            @Override public GroundMetric fit(Cohort cohort) { return new LowRankMahalanobis(new double[] {1, 0}, 1); }
        };
        Benchmark bench = new Benchmark(new Benchmark.Settings(5, 10, HierarchicalClustering.Method.AVERAGE,
                Duration.ofMinutes(1), 1, null, new CellClustering(100, HierarchicalClustering.Method.AVERAGE, 0)),
                Solver.AUTO);
        BenchmarkResult r = bench.run(six, List.of(classAxis), CrossValidation.leaveOneOut(six, 0, 0), Progress.NONE);
        BenchmarkResult.Method m = r.method("ClassAxis");
        assertEquals("ok", m.status());
        assertEquals(6, r.fits().size());
        assertEquals(1, m.rounds().size());
        BenchmarkResult.Round round = m.rounds().get(0);
        assertEquals(6, round.patients().classification().total(), "all six held-out samples in one confusion matrix");
        assertEquals(org.groundmetric.predict.Vote.DISTANCE, r.vote(), "3/3 cohort: the automatic vote is distance");
        assertEquals(1.0, round.balancedAccuracy(), 1e-12);
        assertEquals(1.0, round.auc(), 1e-12);
        assertTrue(Double.isNaN(round.ari()), "one held-out sample per fit: nothing to cluster");
        assertTrue(Double.isNaN(round.cellAri()), "the held-out cells are of one class");
        assertEquals(0.0, m.std(BenchmarkResult.Round::balancedAccuracy), 1e-12);
    }
}
