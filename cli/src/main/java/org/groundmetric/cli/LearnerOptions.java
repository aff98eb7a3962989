package org.groundmetric.cli;

import picocli.CommandLine.Option;

/**
 * GGML's hyper-parameters for {@code benchmark}: the margin and regularisation weight on top of the
 * settings {@code tune} shares ({@link TuneLearnerOptions}); defaults are the paper's.
 */
final class LearnerOptions extends TuneLearnerOptions {

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "10",
            description = "Triplet margin alpha (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.1",
            description = "Regularisation weight lambda (default: ${DEFAULT-VALUE}).")
    double lambda;
}
