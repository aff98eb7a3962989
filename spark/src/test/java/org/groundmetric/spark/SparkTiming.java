package org.groundmetric.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainingListener;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * When does Spark pay? Times, in one JVM and interleaved (so a busy machine slows every variant
 * alike), the distance matrix and one GGML epoch on a synthetic cohort with the local engine (1
 * and c threads) and the Spark engine, plus Spark's fixed cost per job. Prints the best of
 * {@code repeats} runs of each and the ratios. A benchmark, kept with the tests (Spark is on the
 * test classpath, and it is no part of the jar). Run it with
 * {@code bench/scripts/spark-timing.sh [preset=synth200d] [master=local[2]] [repeats=3] [seed=0]}.
 */
public final class SparkTiming {
    private SparkTiming() {
    }

    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "synth200d";
        String master = args.length > 1 ? args[1] : "local[2]";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 0;
        Cohort cohort = SyntheticCohorts.preset(preset, seed);
        int n = cohort.size();
        int pairs = n * (n - 1) / 2;
        System.out.printf(Locale.ROOT, "%s: %d samples x %d cells x %d features; %d pairs; master %s; best of %d%n",
                preset, n, cohort.sample(0).cellCount(), cohort.featureCount(), pairs, master, repeats);
        long connectStart = System.nanoTime();
        try (SparkEngine spark = SparkEngine.connect(master);
             ComputeEngine local1 = ComputeEngine.local(1);
             ComputeEngine localC = ComputeEngine.local(spark.parallelism())) {
            int c = spark.parallelism();
            System.out.printf(Locale.ROOT, "spark start-up (context, %d cores): %.2f s%n", c,
                    (System.nanoTime() - connectStart) / 1e9);
            // Spark's fixed cost: a job of 4c empty tasks, after one warm-up.
            List<Integer> empty = new ArrayList<>();
            for (int i = 0; i < 4 * c; i++) {
                empty.add(i);
            }
            spark.run(0, empty, (s, i) -> i, Progress.NONE);
            double job = best(10, () -> spark.run(0, empty, (s, i) -> i, Progress.NONE));
            System.out.printf(Locale.ROOT, "spark job of %d empty tasks: %.1f ms%n", empty.size(), job * 1e3);

            GroundMetric euclidean = FixedGroundMetric.parse("euclidean");
            LowRankMahalanobis projected = randomW(5, cohort.featureCount(), seed);
            for (GroundMetric metric : List.of(euclidean, projected)) {
                double[] t = new double[3];
                for (int r = 0; r < repeats; r++) {
                    t[0] = min(t[0], r, time(() -> WassersteinMatrix.pairwise(cohort.samples(), metric, Solver.AUTO, local1, Progress.NONE)));
                    t[1] = min(t[1], r, time(() -> WassersteinMatrix.pairwise(cohort.samples(), metric, Solver.AUTO, localC, Progress.NONE)));
                    t[2] = min(t[2], r, time(() -> WassersteinMatrix.pairwise(cohort.samples(), metric, Solver.AUTO, spark, Progress.NONE)));
                }
                report("distances (" + metric.name() + ")", t, c, pairs);
            }

            GgmlConfig config = GgmlConfig.builder().epochs(1).seed(seed).threads(1).build();
            GgmlConfig configC = GgmlConfig.builder().epochs(1).seed(seed).threads(c).build();
            double[] t = new double[3];
            for (int r = 0; r < repeats; r++) {
                t[0] = min(t[0], r, time(() -> new Ggml(config).train(cohort, TrainingListener.NONE)));
                t[1] = min(t[1], r, time(() -> new Ggml(configC).train(cohort, TrainingListener.NONE)));
                t[2] = min(t[2], r, time(() -> new Ggml(configC).withEngine(spark).train(cohort, TrainingListener.NONE)));
            }
            report("one GGML epoch (rank 5, t=3)", t, c, -1);
        }
    }

    private static void report(String what, double[] t, int c, int pairs) {
        System.out.printf(Locale.ROOT, "%-32s local 1 thread %7.3f s | local %d threads %7.3f s | spark %7.3f s"
                + " | spark/local-%d = %.2f%s%n", what, t[0], c, t[1], t[2], c, t[2] / t[1],
                pairs > 0 ? String.format(Locale.ROOT, " | %.2f ms per pair (1 thread)", t[0] / pairs * 1e3) : "");
    }

    private static LowRankMahalanobis randomW(int k, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[k * d];
        for (int p = 0; p < w.length; p++) {
            w[p] = rng.nextDouble(-1, 1);
        }
        return new LowRankMahalanobis(w, k);
    }

    private static double min(double current, int repeat, double t) {
        return repeat == 0 ? t : Math.min(current, t);
    }

    private static double best(int repeats, Runnable work) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            best = Math.min(best, time(() -> {
                work.run();
                return null;
            }));
        }
        return best;
    }

    private static double time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e9;
    }
}
