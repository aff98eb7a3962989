package org.groundmetric.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TrainingListener;

/**
 * One training epoch (paper-scale data, 2 threads, the paper's settings) with different limits on
 * how old a pair's potentials may be to warm-start its assignment ({@link Ggml#withStartAge}; -1:
 * never, the network simplex for every pair). Process CPU and wall seconds per epoch; W must come
 * out the same up to rounding.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.groundmetric.bench.StartAgeCpu SAMPLES CELLS AGE...</pre>
 */
public final class StartAgeCpu {
    private StartAgeCpu() {
    }

    public static void main(String[] args) {
        int samples = Integer.parseInt(args[0]);
        int cells = Integer.parseInt(args[1]);
        Cohort cohort = PaperScaleCohort.paperScale(1).withSamples(samples).withCellsPerSample(cells).generate();
        GgmlConfig config = GgmlConfig.builder().epochs(1).threads(2).seed(1).build();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int a = 2; a < args.length; a++) {
            int age = Integer.parseInt(args[a]);
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            TrainedMetric model = new Ggml(config).withStartAge(age).train(cohort, TrainingListener.NONE);
            double[] w = model.weights()[0];
            System.out.printf(Locale.ROOT, "age %3d: %.1f s CPU, %.1f s wall; W[0][0..2] = %.12g %.12g %.12g%n",
                    age, (os.getProcessCpuTime() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9, w[0], w[1], w[2]);
        }
    }
}
