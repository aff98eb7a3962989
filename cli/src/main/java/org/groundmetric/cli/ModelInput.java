package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.learn.MahalanobisModel;
import org.groundmetric.learn.TrainedMetric;

/**
 * A trained model and the cohort it is applied to: reads the cells, replays the model's recorded
 * preprocessing (same cells per sample, genes by name, normalisation, PCA) and refuses data whose
 * features differ from the model's. Keeps the cell table (obs), for the samples' metadata.
 * {@code compared} are the samples as W_θ compares them: summarised like the training samples when
 * the model was trained on summaries, else the cohort itself.
 */
record ModelInput(TrainedMetric model, Cohort cohort, Cohort compared, DataFrame obs) {

    static ModelInput load(Path modelFile, InputOptions input, boolean labelsRequired, FullSamplesOption full,
                           int threads, PrintWriter err) {
        TrainedMetric model = full.apply(TrainedMetric.read(modelFile));
        return apply(model, input, input.read(w -> err.println("warning: " + w)), labelsRequired, threads, err);
    }

    /** As above for a model already read and cells already read with {@code input} (e.g. after a check of their obs). */
    static ModelInput apply(TrainedMetric model, InputOptions input, AnnData data, boolean labelsRequired, int threads,
                            PrintWriter err) {
        Preprocessing pre = model.preprocessing();
        // Reading with the preprocessing keeps only the cells its --cells-per-sample will use.
        Cohort cohort = input.cohort(data, labelsRequired, pre, w -> err.println("warning: " + w));
        cohort = pre.apply(cohort, w -> err.println("warning: " + w));
        model.requireFeatures(cohort);
        err.flush();
        return new ModelInput(model, cohort, model.summarised(cohort, threads), data.obs());
    }

    /** No model: the Euclidean metric as W = I on the input's features (at most {@code maxFeatures}), unpreprocessed. */
    static ModelInput identity(InputOptions input, boolean labelsRequired, int maxFeatures, PrintWriter err) {
        AnnData data = input.read(w -> err.println("warning: " + w));
        Cohort cohort = input.cohort(data, labelsRequired, Preprocessing.NONE, w -> err.println("warning: " + w));
        if (cohort.featureCount() > maxFeatures) {
            throw new IllegalArgumentException("--metric euclidean builds W = I over the " + cohort.featureCount()
                    + " features, more than " + maxFeatures + "; embed an embedding instead (--use-rep X_pca) or save"
                    + " the Euclidean model of your preprocessing with 'benchmark --save-models'");
        }
        TrainedMetric model = MahalanobisModel.euclidean(cohort.featureNames(), Preprocessing.NONE,
                cohort.classNames());
        err.flush();
        return new ModelInput(model, cohort, cohort, data.obs());
    }
}
