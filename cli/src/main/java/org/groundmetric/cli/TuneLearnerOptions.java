package org.groundmetric.cli;

import org.groundmetric.data.ClassBalance;
import org.groundmetric.learn.ClassWeight;
import org.groundmetric.learn.GgmlConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * GGML's settings other than alpha and lambda (which {@code tune} searches over; {@code benchmark}
 * adds them in {@link LearnerOptions}); paper defaults.
 */
class TuneLearnerOptions {

    @Option(names = "--rank", paramLabel = "K", defaultValue = "5",
            description = "Rank k of W (rows); benchmark also reduces the baselines to this rank (default: ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = {"--neighbours", "--neighbors"}, paramLabel = "T", defaultValue = "3",
            description = "Neighbours t: samples drawn per class for each anchor (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "128",
            description = "Triplets per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", paramLabel = "R", defaultValue = "0.01",
            description = "Adam's step size (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--class-weight", paramLabel = "none|balanced|auto", defaultValue = "auto",
            description = "How often each class anchors GGML's triplets: none = every sample with a partner of its"
                    + " class once (the paper), balanced = every class equally often, auto = balanced when the"
                    + " fit's largest class has at least " + ClassBalance.IMBALANCE_RATIO + "x the samples of its"
                    + " smallest, else none: better balanced accuracy and AUC on 16/4 cohorts (README). Default:"
                    + " ${DEFAULT-VALUE}.")
    ClassWeight classWeight;

    @Mixin
    SummaryOption summary;

    GgmlConfig config(double alpha, double lambda, long seed, int threads) {
        return GgmlConfig.builder().rank(rank).alpha(alpha).lambda(lambda).neighbours(neighbours).epochs(epochs)
                .batchSize(batchSize).learningRate(learningRate).seed(seed).threads(threads)
                .classWeight(classWeight).summary(summary.summary(seed)).build();
    }
}
