package org.groundmetric.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The choice of metric of {@code embed} and {@code report}: a model file ({@code --model}), or a
 * fixed metric used where a model would be ({@code --metric euclidean}: W = I on the input's
 * features, e.g. the paper's Euclidean cell UMAP of Fig. 3 on {@code --use-rep X_pca}).
 */
final class ModelOrMetricOption {

    /** The fixed metrics that are a Mahalanobis map, usable as a model. */
    enum FixedMetric {
        EUCLIDEAN;

        @Override
        public String toString() {
            return "euclidean";
        }
    }

    /** The most features W = I is built for (D × D numbers). */
    static final int MAX_IDENTITY_FEATURES = 2000;

    @Option(names = "--model", paramLabel = "model.json",
            description = "A model written by 'groundmetric train' or 'benchmark --save-models', or an AnnData"
                    + " .h5ad that carries one in uns[\"W_ggml\"]. Give it or --metric.")
    Path model;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Instead of --model: ${COMPLETION-CANDIDATES}, the metric as the model W = I on the"
                    + " input's features (at most " + MAX_IDENTITY_FEATURES + "; e.g. with --use-rep X_pca).")
    FixedMetric metric;

    /** What the run used, for a report's settings: the model file, or "euclidean (W = I, no model file)". */
    String describe() {
        return model != null ? model.toString() : metric + " (W = I on the input's features, no model file)";
    }

    /** The model file, or null with --metric; refuses neither or both. */
    Path path() {
        if ((model == null) == (metric == null)) {
            throw new IllegalArgumentException(model == null
                    ? "no metric given: give --model model.json or --metric euclidean"
                    : "--model and --metric both name the metric; give one of them");
        }
        return model;
    }
}
