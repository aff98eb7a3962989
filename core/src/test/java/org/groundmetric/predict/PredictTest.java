package org.groundmetric.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.predict.Predictor;
import org.groundmetric.predict.SamplePredictions;
import org.groundmetric.testing.PaperData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predicting new samples with a trained model: the paper's Synth2D train/test split, from the model
 * file alone. Slow: it trains the paper's 30 epochs first, so it is tagged "slow" like
 * GgmlPaperDataTest (still part of {@code mvn test}).
 */
@Tag("slow")
class PredictTest {

    @TempDir
    static Path dir;
    static Cohort train;
    static Cohort test;
    static TrainedMetric model;
    static Path modelFile;
    static SamplePredictions predicted;
    /** Three test samples, one per class: enough to compare ways of predicting, cheap to solve. */
    static Cohort few;

    @BeforeAll
    static void trainOnTheTrainSplit() {
        train = PaperData.split("synth2d_paper.h5ad", "train");
        test = PaperData.split("synth2d_paper.h5ad", "test");
        // The paper's settings (rank 5, t = 3, alpha 10, lambda 0.1, 30 epochs), seed 0.
        TrainedMetric trained = PaperData.paperModel("synth2d_paper.h5ad");
        modelFile = dir.resolve("model.json");
        trained.withReference(train).write(modelFile);
        model = TrainedMetric.read(modelFile);
        predicted = Predictor.defaults().predict(model, test);
        few = test.subset(new int[] {0, 10, 20});
    }

    @Test
    void testSplitIsPredictedFromTheModelFileAlone() {
        assertTrue(model.hasReference());
        assertEquals(train.size(), model.reference().size());
        SamplePredictions p = predicted;
        assertEquals(test.size(), p.rows().size());
        assertEquals(test.size(), p.labelled());
        assertTrue(p.accuracy() >= 0.95, "accuracy " + p.accuracy() + " on " + test.size() + " test samples");
        assertTrue(p.balancedAccuracy() >= 0.95, "balanced accuracy " + p.balancedAccuracy());
        for (SamplePredictions.Row r : p.rows()) {
            double sum = 0;
            for (double v : r.probabilities()) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12, r.sampleId());
            assertEquals(5, r.nearest().size());
            for (int t = 1; t < r.nearest().size(); t++) {
                assertTrue(r.nearest().get(t - 1).distance() <= r.nearest().get(t).distance());
            }
        }
    }

    @Test
    void referenceFromTheTrainingCohortGivesTheSameDistances() {
        TrainedMetric bare = new TrainedMetric(model.formatVersion(), model.kind(), model.rank(), model.weights(),
                model.featureNames(), model.preprocessing(), model.classNames(), model.config(), model.featureScales(),
                model.history());
        assertThrows(IllegalArgumentException.class, () -> Predictor.defaults().predict(bare, test));
        SamplePredictions fromCohort = Predictor.defaults().predict(bare, few, train, w -> { });
        for (int i = 0; i < few.size(); i++) {
            assertArrayEquals(predicted.distances().distances()[i * 10], fromCohort.distances().distances()[i], 0);
            SamplePredictions.Row a = predicted.rows().get(i * 10);
            SamplePredictions.Row b = fromCohort.rows().get(i);
            assertEquals(a.predictedClass(), b.predictedClass());
            assertArrayEquals(a.probabilities(), b.probabilities(), 0);
            assertEquals(a.nearest(), b.nearest());
        }
    }

    @Test
    void modelFileStaysPlainJsonWithTheReference() throws Exception {
        JsonNode root = new ObjectMapper().readTree(modelFile.toFile());
        JsonNode first = root.get("reference").get(0);
        assertEquals(train.sample(0).id(), first.get("id").asText());
        assertEquals(train.sample(0).classLabel(), first.get("classLabel").asText());
        assertEquals(train.sample(0).cellCount(), first.get("cells").size());
        assertEquals(model.rank(), first.get("cells").get(0).size());
        // The first cell's image equals W·x.
        double[] image = model.metric().project(train.sample(0).cells());
        for (int r = 0; r < model.rank(); r++) {
            assertEquals((float) image[r], (float) first.get("cells").get(0).get(r).asDouble(), 0f);
        }
    }

    @Test
    void reorderedGenesGiveTheSamePrediction() {
        Cohort swapped = swapColumns(few);
        assertEquals(List.of("dim1", "dim0"), swapped.featureNames());
        SamplePredictions b = Predictor.defaults().predict(model, swapped);
        for (int i = 0; i < few.size(); i++) {
            assertArrayEquals(predicted.distances().distances()[i * 10], b.distances().distances()[i], 0);
        }
    }

    @Test
    void missingGenesAreRefusedSayingWhich() {
        List<Sample> one = new ArrayList<>();
        for (Sample s : test.samples()) {
            one.add(s.withCells(s.cells().selectColumns(new int[] {0})));
        }
        Cohort onlyDim0 = new Cohort(one, List.of("dim0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Predictor.defaults().predict(model, onlyDim0));
        assertTrue(e.getMessage().startsWith("1 of the 2 genes the model uses are missing from the data: [dim1]"),
                e.getMessage());
    }

    @Test
    void unlabelledSamplesArePredictedWithoutScores() {
        List<Sample> unlabelled = new ArrayList<>();
        for (Sample s : few.samples()) {
            unlabelled.add(Sample.of(s.id(), null, s.cells()));
        }
        SamplePredictions p = Predictor.defaults().predict(model, new Cohort(unlabelled, few.featureNames()));
        assertNull(p.scores());
        assertTrue(Double.isNaN(p.accuracy()));
        assertNotNull(p.rows().get(0).predictedClass());
        assertNull(p.rows().get(0).trueClass());
    }

    @Test
    void tooLargeKIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Predictor(100, 3, 1, null).predict(model, test, null, w -> { }));
        assertTrue(e.getMessage().contains("--k 100"), e.getMessage());
    }

    private static Cohort swapColumns(Cohort c) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : c.samples()) {
            CellMatrix m = s.cells().selectColumns(new int[] {1, 0});
            out.add(s.withCells(m));
        }
        return new Cohort(out, List.of(c.featureNames().get(1), c.featureNames().get(0)));
    }
}
