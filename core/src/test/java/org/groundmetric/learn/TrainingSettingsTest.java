package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.junit.jupiter.api.Test;

/** Settings that cannot give a model are refused before training; a run that diverges stops instead of returning W. */
class TrainingSettingsTest {

    private static final Cohort DATA = SyntheticCohorts.paper(2, 1, 3, 6, 4);

    private static IllegalParameterException refused(GgmlConfig.Builder b) {
        return assertThrows(IllegalParameterException.class, b::build);
    }

    @Test
    void settingsThatCannotTrainAreRefusedNamingTheSetting() {
        IllegalParameterException epochs = refused(GgmlConfig.builder().epochs(0));
        assertEquals("GgmlConfig.epochs", epochs.parameter());
        assertTrue(epochs.getMessage().contains("epochs = 0; expected at least 1"), epochs.getMessage());
        assertEquals("GgmlConfig.learningRate", refused(GgmlConfig.builder().learningRate(Double.POSITIVE_INFINITY)).parameter());
        assertEquals("GgmlConfig.learningRate", refused(GgmlConfig.builder().learningRate(0)).parameter());
        assertEquals("GgmlConfig.threads", refused(GgmlConfig.builder().threads(100_000)).parameter());
        assertEquals("GgmlConfig.alpha", refused(GgmlConfig.builder().alpha(Double.NaN)).parameter());
    }

    @Test
    void theStartIsAskedForByNameNotByZeroEpochs() {
        GgmlConfig config = GgmlConfig.builder().rank(2).epochs(1).seed(3).featureScaling(FeatureScaling.NONE).build();
        TrainedMetric start = new Ggml(config).start(DATA);
        assertTrue(start.history().isEmpty());
        int d = DATA.featureCount();
        double[] v = Ggml.uniformV(2, d, 3); // W₀ = V₀·diag(1) without feature scaling
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < d; j++) {
                assertEquals(v[r * d + j], start.weights()[r][j], 0.0, "W₀[" + r + "][" + j + "]");
            }
        }
        TrainedMetric trained = new Ggml(config).train(DATA, TrainingListener.NONE);
        assertEquals(1, trained.history().size());
        assertTrue(Math.abs(trained.weights()[0][0] - start.weights()[0][0]) > 1e-6, "one epoch moved W");
    }

    @Test
    void aLearningRateThatBlowsUpWStopsTheRunNamingWhere() {
        Ggml ggml = new Ggml(GgmlConfig.builder().epochs(3).learningRate(1e308).seed(1).build());
        IllegalParameterException e = assertThrows(IllegalParameterException.class,
                () -> ggml.train(DATA, TrainingListener.NONE));
        assertEquals("GgmlConfig.learningRate", e.parameter());
        assertTrue(e.getMessage().startsWith("training diverged: in epoch 1, batch 1 W grew to"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was saved"), e.getMessage());
    }

    @Test
    void aLargeButWorkableLearningRateStillTrains() {
        TrainedMetric m = new Ggml(GgmlConfig.builder().epochs(2).learningRate(10).seed(1).build())
                .train(DATA, TrainingListener.NONE);
        for (double[] row : m.weights()) {
            for (double w : row) {
                assertTrue(Double.isFinite(w));
            }
        }
    }

    @Test
    void aCohortBuiltInCodeWithNaNIsRefusedBeforeAnyTransportProblem() {
        Sample first = DATA.sample(0);
        float[][] rows = new float[first.cellCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = first.cells().row(i);
        }
        rows[2][1] = Float.NaN;
        List<Sample> samples = new java.util.ArrayList<>(DATA.samples());
        samples.set(0, first.withCells(org.groundmetric.linalg.DenseMatrix.of(rows)));
        Cohort withNaN = new Cohort(samples, DATA.featureNames());
        String msg = assertThrows(IllegalArgumentException.class, () -> new Ggml(GgmlConfig.builder().epochs(1).build())
                .train(withNaN, TrainingListener.NONE)).getMessage();
        assertTrue(msg.contains("sample '" + first.id() + "' holds a value that is not a finite number"), msg);
    }

    @Test
    void featuresOfOneNameCannotMakeAModel() {
        List<Sample> samples = DATA.samples();
        Cohort twice = new Cohort(samples, List.of("dim0", "dim1", "dim0"));
        String msg = assertThrows(IllegalArgumentException.class,
                () -> new Ggml(GgmlConfig.builder().epochs(1).build()).train(twice, TrainingListener.NONE)).getMessage();
        assertTrue(msg.contains("'dim0' occurs twice (features 0 and 2)"), msg);
    }
}
