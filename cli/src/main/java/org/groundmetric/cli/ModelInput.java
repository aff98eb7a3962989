package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.learn.TrainedMetric;

/**
 * A trained model and the cohort it is applied to: reads the cells, replays the model's recorded
 * preprocessing (same cells per sample, genes by name, normalisation, PCA) and refuses data whose
 * features differ from the model's.
 */
record ModelInput(TrainedMetric model, Cohort cohort) {

    static ModelInput load(Path modelFile, InputOptions input, boolean labelsRequired, PrintWriter err) {
        TrainedMetric model = TrainedMetric.read(modelFile);
        return apply(model, input, input.read(w -> err.println("warning: " + w)), labelsRequired, err);
    }

    /** As above for a model already read and cells already read with {@code input} (e.g. after a check of their obs). */
    static ModelInput apply(TrainedMetric model, InputOptions input, AnnData data, boolean labelsRequired,
                            PrintWriter err) {
        Preprocessing pre = model.preprocessing();
        // Reading with the preprocessing keeps only the cells its --cells-per-sample will use.
        Cohort cohort = input.cohort(data, labelsRequired, pre, w -> err.println("warning: " + w));
        cohort = pre.apply(cohort, w -> err.println("warning: " + w));
        model.requireFeatures(cohort);
        err.flush();
        return new ModelInput(model, cohort);
    }
}
