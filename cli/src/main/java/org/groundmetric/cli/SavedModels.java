package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.learn.MahalanobisModel;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.LowRankMahalanobis;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.PointMetric;

/**
 * benchmark --save-models DIR: every method's metric as a model file (kind mahalanobis), fitted once
 * more on the training samples of the protocol's first fit, so embed, report, distances and predict
 * draw and use each method as they do GGML (Fig. 2b/c, Fig. 6). Manhattan and Cosine are not
 * Mahalanobis metrics and are left out, saying so. {@code fit} writes one such model ({@link #model}).
 */
final class SavedModels {
    private SavedModels() {
    }

    /** The file of a method: DIR/ggml.json, DIR/lfda.json, DIR/euclidean.json, … */
    static Path file(Path dir, String method) {
        return dir.resolve(method.toLowerCase(Locale.ROOT) + ".json");
    }

    /** Fits and writes; returns the lines to print. */
    static List<String> write(Path dir, List<MetricLearner> learners, Cohort cohort, int[] training,
                              Preprocessing fitted, PrintWriter err) {
        Cohort fit = cohort.subset(training);
        List<String> said = new ArrayList<>();
        try (OutputFiles files = new OutputFiles()) {
            files.directory(dir);
            List<String> written = new ArrayList<>();
            for (MetricLearner learner : learners) {
                GroundMetric metric = learner.fit(fit);
                TrainedMetric model = model(metric, cohort, fitted);
                if (model == null) {
                    err.println("note: --save-models leaves out " + learner.name() + ": " + metric.name()
                            + " is not a Mahalanobis metric ‖W(x − y)‖");
                    continue;
                }
                Path target = file(dir, learner.name());
                String json = model.toJson();
                files.write(target, s -> s.write(json.getBytes(StandardCharsets.UTF_8)));
                written.add(target.getFileName().toString());
            }
            files.commit();
            said.add("wrote " + written.size() + " models (" + String.join(", ", written) + ") to " + dir
                    + ", fitted on the " + training.length + " training samples of the first fit");
        }
        err.flush();
        return said;
    }

    /**
     * A fitted metric as a model file of kind mahalanobis (W as learned; Euclidean as W = I) over the
     * cohort's features and classes, replaying {@code fitted} on new data; null for a metric that is not
     * ‖W(x − y)‖ (Manhattan, Cosine).
     */
    static TrainedMetric model(GroundMetric metric, Cohort cohort, Preprocessing fitted) {
        if (metric instanceof LowRankMahalanobis m) {
            return MahalanobisModel.of(m.weights(), m.rank(), cohort.featureNames(), fitted, cohort.classNames());
        }
        if (metric instanceof FixedGroundMetric f && f.metric() == PointMetric.EUCLIDEAN) {
            return MahalanobisModel.euclidean(cohort.featureNames(), fitted, cohort.classNames());
        }
        return null;
    }
}
