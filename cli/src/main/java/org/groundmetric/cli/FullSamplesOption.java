package org.groundmetric.cli;

import org.groundmetric.learn.TrainedMetric;
import picocli.CommandLine.Option;

/** {@code --full-samples}: compare every cell even when the model was trained on summarised samples. */
final class FullSamplesOption {

    @Option(names = "--full-samples",
            description = "With summarised samples (a model trained with --summarize, or benchmark --summarize),"
                    + " W_θ is computed between the samples' weighted centroids, summarised as in training; this"
                    + " computes it between all their cells instead (exact, slower). No effect otherwise.")
    boolean fullSamples;

    /** The model as the command applies it: without its summary under --full-samples. */
    TrainedMetric apply(TrainedMetric model) {
        return fullSamples ? model.withoutSummary() : model;
    }
}
