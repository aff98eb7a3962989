package org.groundmetric.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.eval.Benchmark;
import org.groundmetric.eval.BenchmarkResult;
import org.groundmetric.eval.GroupShuffleSplit;
import org.groundmetric.eval.HierarchicalClustering;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TrainingListener;
import org.groundmetric.learn.TripletStrategy;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark engine in local[2] (two executor threads, up to 3 attempts per task) gives the local
 * engine's numbers exactly. One SparkContext serves the whole class: starting Spark takes seconds.
 */
class SparkEngineTest {
    private static SparkContext spark;
    private static SparkEngine engine;
    /** The paper's synth200d generator, 2 samples per class and 20 cells per mode: 6 samples × 60 cells × 200 features. */
    private static Cohort cohort;

    @BeforeAll
    static void startSpark() {
        spark = new SparkContext(new SparkConf().setMaster("local[2,3]").setAppName("groundmetric-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
        spark.setLogLevel("ERROR");
        engine = new SparkEngine(spark);
        cohort = SyntheticCohorts.paper(199, 1, 3, 20, 7);
    }

    @AfterAll
    static void stopSpark() {
        engine.close();
        spark.stop();
    }

    @Test
    void theServiceLoaderFindsTheSparkEngine() {
        assertTrue(ComputeEngine.available().contains("spark"), ComputeEngine.available().toString());
        assertEquals("spark", engine.name());
        assertEquals(2, engine.parallelism());
    }

    @Test
    void pairwiseDistancesOnRawCellsEqualTheLocalEngine() {
        FixedGroundMetric euclidean = FixedGroundMetric.parse("euclidean");
        WassersteinMatrix local = WassersteinMatrix.pairwise(cohort.samples(), euclidean, Solver.AUTO, 2,
                Progress.NONE);
        WassersteinMatrix onSpark = WassersteinMatrix.pairwise(cohort.samples(), euclidean, Solver.AUTO,
                engine, Progress.NONE);
        assertEquals(local.rowIds(), onSpark.rowIds());
        for (int i = 0; i < cohort.size(); i++) {
            assertArrayEquals(local.distances()[i], onSpark.distances()[i], 0.0, "row " + i);
        }
        assertTrue(local.get(0, 1) > 0);
    }

    @Test
    void projectedDistancesAndNewAgainstReferenceEqualTheLocalEngine() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] w = new double[5 * cohort.featureCount()];
        for (int p = 0; p < w.length; p++) {
            w[p] = rng.nextDouble(-1, 1);
        }
        LowRankMahalanobis metric = new LowRankMahalanobis(w, 5);
        List<Sample> rows = cohort.samples().subList(0, 2);
        List<Sample> cols = cohort.samples().subList(2, 6);
        WassersteinMatrix local = WassersteinMatrix.between(rows, cols, metric, Solver.AUTO, 1, Progress.NONE);
        WassersteinMatrix onSpark = WassersteinMatrix.between(rows, cols, metric, Solver.AUTO, engine,
                Progress.NONE);
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(local.distances()[i], onSpark.distances()[i], 0.0, "row " + i);
        }
    }

    @Test
    void progressCountsEveryTaskAndResultsKeepTaskOrder() {
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tasks.add(i);
        }
        long[] advanced = new long[1];
        Progress counting = new Progress() {
            @Override public void start(String task, long total) { }
            @Override public synchronized void advance(long steps, String detail) { advanced[0] += steps; }
            @Override public void finish() { }
        };
        List<Integer> out = engine.run(100, tasks, (base, i) -> base + i, counting);
        for (int i = 0; i < 50; i++) {
            assertEquals(100 + i, out.get(i));
        }
        // When run returns, progress has advanced once per task: by the listener as partitions
        // finished, the rest (events still on Spark's bus) at the end; late events do not count twice.
        assertEquals(50, advanced[0]);
        engine.run(100, tasks.subList(0, 7), (base, i) -> base + i, Progress.NONE);
        assertEquals(50, advanced[0], "a later run does not advance an earlier run's progress");
    }

    @Test
    void aTaskThatFailsOnceIsRetriedBySpark() {
        List<Integer> tasks = List.of(0, 1, 2, 3, 4, 5);
        List<Integer> out = engine.run(0, tasks, (shared, i) -> {
            if (i == 4 && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("executor lost its disk");
            }
            return i * 10;
        }, Progress.NONE);
        assertEquals(List.of(0, 10, 20, 30, 40, 50), out);
    }

    @Test
    void aRunThatFailsSaysWhichSamplePairFailed() {
        BrokenPair broken = new BrokenPair();
        List<int[]> pairs = List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 2});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> engine.run(new String[] {"p0", "p1", "p2"}, pairs, broken, Progress.NONE));
        assertTrue(e.getMessage().contains("task 2 (samples 'p1' and 'p2') failed"), e.getMessage());
        assertTrue(e.getMessage().contains("cost matrix has NaN at (3, 4)"), e.getMessage());
    }

    @Test
    void twoEpochsOfTrainingOnSparkLearnTheLocalW() {
        // Equal-size samples: the warm-started exact assignment, its potentials carried between batches.
        GgmlConfig config = GgmlConfig.builder().rank(3).neighbours(2).epochs(2).batchSize(16).seed(11).threads(2).build();
        assertSameTraining(config, cohort);
    }

    @Test
    void hardTripletsAndUnequalSamplesOnSparkLearnTheLocalW() {
        // Unequal sizes take the network simplex; nearest triplets solve a distance matrix per epoch too.
        List<Sample> samples = new ArrayList<>(cohort.samples());
        for (int s = 0; s < samples.size(); s += 2) {
            Sample full = samples.get(s);
            samples.set(s, Sample.of(full.id(), full.classLabel(), firstRows((DenseMatrix) full.cells(), 45)));
        }
        Cohort uneven = new Cohort(samples, cohort.featureNames());
        GgmlConfig config = GgmlConfig.builder().rank(3).neighbours(1).epochs(2).batchSize(8).seed(5).threads(2)
                .triplets(TripletStrategy.NEAREST).build();
        assertSameTraining(config, uneven);
    }

    @Test
    void theBenchmarkOnSparkScoresAsTheLocalOne() {
        Cohort twelve = SyntheticCohorts.paper(199, 1, 4, 10, 9);
        GroupShuffleSplit.Plan plan = new GroupShuffleSplit(2, 0.5, 0.0, 3).split(twelve);
        GgmlConfig config = GgmlConfig.builder().rank(3).neighbours(1).epochs(1).seed(4).threads(2).build();
        Benchmark.Settings settings = new Benchmark.Settings(3, 5, HierarchicalClustering.Method.AVERAGE,
                Duration.ofMinutes(5), 2);
        BenchmarkResult local = new Benchmark(settings, Solver.AUTO)
                .run(twelve, List.of(new Ggml(config)), plan.splits(), Progress.NONE);
        BenchmarkResult onSpark = new Benchmark(settings, Solver.AUTO, engine)
                .run(twelve, List.of(new Ggml(config).withEngine(engine)), plan.splits(), Progress.NONE);
        BenchmarkResult.Method a = local.method("GGML");
        BenchmarkResult.Method b = onSpark.method("GGML");
        assertEquals("ok", b.status());
        assertEquals(a.rounds().size(), b.rounds().size());
        for (int r = 0; r < a.rounds().size(); r++) {
            BenchmarkResult.Round x = a.rounds().get(r);
            BenchmarkResult.Round y = b.rounds().get(r);
            assertEquals(x.accuracy(), y.accuracy(), 1e-12);
            assertEquals(x.auc(), y.auc(), 1e-12);
            assertEquals(x.cellAccuracy(), y.cellAccuracy(), 1e-12);
            assertEquals(x.ari(), y.ari(), 1e-12);
            assertEquals(x.vi(), y.vi(), 1e-12);
        }
    }

    private static void assertSameTraining(GgmlConfig config, Cohort data) {
        TrainedMetric local = new Ggml(config).train(data, TrainingListener.NONE);
        TrainedMetric onSpark = new Ggml(config).withEngine(engine).train(data, TrainingListener.NONE);
        for (int r = 0; r < config.rank(); r++) {
            assertArrayEquals(local.weights()[r], onSpark.weights()[r], 1e-9, "row " + r + " of W");
        }
        assertEquals(local.history().size(), onSpark.history().size());
        for (int e = 0; e < local.history().size(); e++) {
            assertEquals(local.history().get(e).loss(), onSpark.history().get(e).loss(), 1e-9, "loss of epoch " + (e + 1));
        }
        // Training moved W away from its start, so the comparison says something (a learning rate of
        // 1e-12 leaves W at its seeded start to within 1e-9; training needs at least one epoch).
        TrainedMetric untrained = new Ggml(config.toBuilder().learningRate(1e-12).build())
                .train(data, TrainingListener.NONE);
        assertTrue(Math.abs(untrained.weights()[0][0] - local.weights()[0][0]) > 1e-6);
    }

    private static DenseMatrix firstRows(DenseMatrix x, int rows) {
        float[] data = java.util.Arrays.copyOf(x.data(), rows * x.cols());
        return new DenseMatrix(rows, x.cols(), data);
    }

    /** Fails on the pair (1, 2) on every attempt; static so it serializes without the test instance. */
    private static final class BrokenPair implements ComputeEngine.Task<String[], int[], Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public Double apply(String[] ids, int[] pair) {
            if (pair[0] == 1 && pair[1] == 2) {
                throw new IllegalArgumentException("cost matrix has NaN at (3, 4)");
            }
            return 1.0;
        }

        @Override
        public String describe(String[] ids, int[] pair) {
            return "samples '" + ids[pair[0]] + "' and '" + ids[pair[1]] + "'";
        }
    }
}
