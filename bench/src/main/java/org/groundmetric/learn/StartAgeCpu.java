package org.groundmetric.learn;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.NetworkSimplex;

/**
 * One training epoch (paper-scale data, 2 threads) with different limits on how old a pair's
 * potentials may be to warm-start the assignment (-1: never, network simplex for every pair).
 * Process CPU seconds per epoch and how many solves were warm; W must come out the same.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.groundmetric.learn.StartAgeCpu SAMPLES CELLS AGE...</pre>
 */
public final class StartAgeCpu {
    private StartAgeCpu() {
    }

    public static void main(String[] args) {
        int samples = Integer.parseInt(args[0]);
        int cells = Integer.parseInt(args[1]);
        Cohort cohort = PaperScaleCohort.paperScale(1).withSamples(samples).withCellsPerSample(cells).generate();
        List<CellMatrix> x = new ArrayList<>();
        cohort.samples().forEach(s -> x.add(s.cells()));
        double[] scale = FeatureStatistics.of(x).inverseScales();
        TripletSampler sampler = new TripletSampler(cohort.classIndices(), 3);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int a = 2; a < args.length; a++) {
            int age = Integer.parseInt(args[a]);
            double[] v = Ggml.uniformV(5, cohort.featureCount(), 1);
            try (Parallel parallel = new Parallel(2)) {
                TripletObjective objective = new TripletObjective(x, 5, 10, Regularizer.FRO, 0.1, scale, parallel,
                        NetworkSimplex::new, age >= 0);
                objective.maxStartAge = Math.max(age, 0);
                Adam adam = new Adam(v.length, 0.01, 0.9, 0.999, 1e-8);
                // Shuffled like an epoch of Ggml, so pairs recur as often as in training.
                List<Triplet> triplets = new ArrayList<>(sampler.random(new SplittableRandom(1)));
                java.util.Collections.shuffle(triplets, new java.util.Random(1));
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                int solves = 0;
                for (int b = 0; b < triplets.size(); b += 128) {
                    List<Triplet> batch = triplets.subList(b, Math.min(triplets.size(), b + 128));
                    adam.step(v, objective.evaluate(v, batch).gradient());
                }
                System.out.printf(Locale.ROOT, "age %3d: %.1f s CPU, %.1f s wall, %d warm solves; W[0..2] = %.12g %.12g %.12g%n",
                        age, (os.getProcessCpuTime() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9,
                        objective.warmSolves.get(), v[0], v[1], v[2]);
            }
        }
    }
}
