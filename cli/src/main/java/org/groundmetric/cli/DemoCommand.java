package org.groundmetric.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TrainingListener;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.predict.WeightedKnn;
import org.groundmetric.wasserstein.WassersteinMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code groundmetric demo}: GGML against the Euclidean ground metric on the paper's Synth2D. */
@Command(name = "demo",
        header = "Trains GGML on the paper's Synth2D and compares it with Euclidean (no data needed).", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "A one-minute tour: draws the paper's Synth2D (3 classes × 10 samples of 300 cells; only one of",
            "the two features carries the class, the other is noise 1000× larger), trains GGML with the",
            "paper's settings on half of the samples (every other sample of each class), and prints the",
            "leave-one-out 5-nearest-neighbour accuracy of the held-out samples under the Wasserstein",
            "distance with the learned ground metric and with the Euclidean one, with the time taken.",
            "",
            "Example:",
            "  groundmetric demo",
            "  groundmetric demo --seed 7 --epochs 10",
            ""
        })
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the data and of training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "Training epochs (default: ${DEFAULT-VALUE}, the paper's).")
    int epochs;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads (default: the number of processors); results do not depend on it.")
    Integer threads;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        Cohort all = SyntheticCohorts.synth2d(seed);
        int[] trainIdx = new int[all.size() / 2];
        int[] testIdx = new int[all.size() - trainIdx.length];
        for (int s = 0, a = 0, b = 0; s < all.size(); s++) {
            if (s % 2 == 0) {
                trainIdx[a++] = s;
            } else {
                testIdx[b++] = s;
            }
        }
        Cohort train = all.subset(trainIdx);
        Cohort test = all.subset(testIdx);
        out.printf(Locale.ROOT, "Synth2D (seed %d): %d training and %d held-out samples of %d cells, %d features%n",
                seed, train.size(), test.size(), all.sample(0).cellCount(), all.featureCount());
        GgmlConfig config = GgmlConfig.builder().epochs(epochs).seed(seed).threads(workers).build();
        TrainedMetric model = new Ggml(config).train(train, TrainingListener.NONE);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double ggml = accuracy(test, model.metric(), workers);
        double euclid = accuracy(test, new FixedGroundMetric(PointMetric.EUCLIDEAN), workers);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "trained GGML (rank %d, %d epochs) in %.1f s%n", config.rank(), epochs, trainSeconds);
        out.printf(Locale.ROOT, "leave-one-out 5-NN accuracy on held-out samples:  GGML %.2f   Euclidean %.2f%n", ggml, euclid);
        out.printf(Locale.ROOT, "total %.1f s%n", seconds);
        out.flush();
        return 0;
    }

    /** Leave-one-out 5-NN accuracy of the held-out samples under W_θ with the given ground metric. */
    private static double accuracy(Cohort test, GroundMetric metric, int threads) {
        WassersteinMatrix d = WassersteinMatrix.pairwise(test.samples(), metric, Solver.AUTO, threads, Progress.NONE);
        return new WeightedKnn(5, WeightedKnn.Weights.UNIFORM)
                .leaveOneOutAccuracy(d.distances(), test.classIndices(), test.classNames().size());
    }
}
