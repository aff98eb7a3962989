package org.groundmetric.cli;

import org.groundmetric.data.ClassBalance;
import org.groundmetric.learn.BatchOrder;
import org.groundmetric.learn.ClassWeight;
import org.groundmetric.learn.FeatureScaling;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.Regulariser;
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

    @Option(names = {"--neighbours", "--neighbors"}, paramLabel = "T|all", defaultValue = "3",
            converter = NeighboursChoice.class,
            description = "Neighbours t: samples drawn per class for each anchor; all = every sample of the class"
                    + " (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "128",
            description = "Triplets per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--batch-order", paramLabel = "ORDER", defaultValue = "auto",
            description = BatchOrderOption.DESCRIPTION)
    BatchOrder batchOrder;

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

    @Option(names = "--reg", paramLabel = "R", defaultValue = "fro",
            description = "GGML's regulariser R(W), as train: ${COMPLETION-CANDIDATES}. l1 = elementwise sum of"
                    + " |W_rj|, matrix-l1 = largest column sum of |W| (the reference code's \"L1\", used for the"
                    + " paper's synthetic Table 1 and Fig. 5a). Default: ${DEFAULT-VALUE}.")
    Regulariser reg;

    @Option(names = "--feature-scaling", paramLabel = "SCALING", defaultValue = "standardize",
            description = "As train: ${COMPLETION-CANDIDATES}. standardize = optimise W in units of each feature's"
                    + " standard deviation; none = the paper's plain method. Default: ${DEFAULT-VALUE}.")
    FeatureScaling featureScaling;

    @Mixin
    SummaryOption summary;

    GgmlConfig config(double alpha, double lambda, long seed, int threads) {
        return GgmlConfig.builder().rank(rank).alpha(alpha).lambda(lambda).neighbours(neighbours).epochs(epochs)
                .batchSize(batchSize).batchOrder(batchOrder).learningRate(learningRate).seed(seed).threads(threads)
                .classWeight(classWeight).regulariser(reg).featureScaling(featureScaling)
                .summary(summary.summary(seed)).build();
    }
}
