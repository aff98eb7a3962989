package org.groundmetric.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.learn.TrainedMetric;

/**
 * A trained model and the cohort it is applied to: reads the cells, replays the model's recorded
 * preprocessing (same genes by name, normalisation, PCA) and refuses data whose features differ.
 */
record ModelInput(TrainedMetric model, Cohort cohort) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static ModelInput load(Path modelFile, InputOptions input, boolean labelsRequired, PrintWriter err) {
        TrainedMetric model = TrainedMetric.read(modelFile);
        Cohort cohort = input.cohort(labelsRequired, w -> err.println("warning: " + w));
        if (model.preprocessing() != null && !model.preprocessing().isNull()) {
            Preprocessing p;
            try {
                p = JSON.treeToValue(model.preprocessing(), Preprocessing.class);
            } catch (Exception e) {
                throw new IllegalArgumentException("the model's preprocessing record could not be read ("
                        + e.getMessage() + "); was the model written by another groundmetric version?", e);
            }
            cohort = p.apply(cohort, w -> err.println("warning: " + w));
        }
        model.requireFeatures(cohort);
        err.flush();
        return new ModelInput(model, cohort);
    }
}
