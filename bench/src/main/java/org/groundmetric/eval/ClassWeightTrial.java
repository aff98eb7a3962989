package org.groundmetric.eval;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.learn.ClassWeight;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.Solver;

/**
 * Should GGML's triplets be class-weighted on imbalanced cohorts? (issue 15.) On 16/4 cohorts drawn
 * with the paper's generator (16 samples of class_0, the class_1 samples of index 0, 5, 10, 15,
 * spread over the noise ranges), GGML with the paper's settings is fitted with
 * {@link ClassWeight#NONE} and {@link ClassWeight#BALANCED} on the same repeated stratified 5-fold
 * plan (2 repeats), and the held-out samples are scored with the automatic (balanced) vote.
 * One line per seed and weight, then the mean of each and the paired differences.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar org.groundmetric.eval.ClassWeightTrial 2d 30 1 8
 * </pre>
 * Arguments: 2d (Synth2D: one noise axis ×1000) or 200d (Synth200D: 199 noise axes at scale 1),
 * cells per mode (3 modes per sample), first seed, last seed.
 */
public final class ClassWeightTrial {
    private ClassWeightTrial() {
    }

    public static void main(String[] args) {
        boolean twoD = "2d".equals(args[0]);
        int pointsPerMode = Integer.parseInt(args[1]);
        long first = Long.parseLong(args[2]);
        long last = Long.parseLong(args[3]);
        System.out.println("seed\tclass_weight\tbalanced_accuracy\tauc\trecall_minority");
        double[][] sums = new double[2][3];
        int[] wins = new int[3];
        int seeds = 0;
        for (long seed = first; seed <= last; seed++) {
            Cohort cohort = twoD ? SyntheticCohorts.imbalanced(1, 1000, 16, 4, pointsPerMode, seed)
                    : SyntheticCohorts.imbalanced(199, 1, 16, 4, pointsPerMode, seed);
            CrossValidation.Plan plan = CrossValidation.kFold(cohort, 5, 2, 0, seed);
            double[][] scores = new double[2][];
            for (ClassWeight w : ClassWeight.values()) {
                MetricLearner ggml = new Ggml(GgmlConfig.builder().seed(seed).threads(2).classWeight(w).build());
                BenchmarkResult r = new Benchmark(new Benchmark.Settings(5, 10, HierarchicalClustering.Method.AVERAGE,
                        Duration.ofHours(1), 2), Solver.AUTO).run(cohort, List.of(ggml), plan, Progress.NONE);
                BenchmarkResult.Method m = r.method("GGML");
                scores[w.ordinal()] = new double[] {m.mean(BenchmarkResult.Round::balancedAccuracy),
                    m.mean(BenchmarkResult.Round::auc), m.mean(round -> round.recall(1))};
                System.out.printf(Locale.ROOT, "%d\t%s\t%.3f\t%.3f\t%.3f%n", seed, w.name().toLowerCase(Locale.ROOT),
                        scores[w.ordinal()][0], scores[w.ordinal()][1], scores[w.ordinal()][2]);
            }
            for (int s = 0; s < 3; s++) {
                sums[0][s] += scores[0][s];
                sums[1][s] += scores[1][s];
                wins[s] += Double.compare(scores[1][s], scores[0][s]);
            }
            seeds++;
        }
        System.out.printf(Locale.ROOT, "mean\tnone\t%.3f\t%.3f\t%.3f%n", sums[0][0] / seeds, sums[0][1] / seeds, sums[0][2] / seeds);
        System.out.printf(Locale.ROOT, "mean\tbalanced\t%.3f\t%.3f\t%.3f%n", sums[1][0] / seeds, sums[1][1] / seeds,
                sums[1][2] / seeds);
        System.out.printf(Locale.ROOT, "balanced better minus worse (of %d seeds)\t\t%d\t%d\t%d%n", seeds, wins[0], wins[1],
                wins[2]);
    }
}
