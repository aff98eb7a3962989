package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TrainingListener;

/** Models for the genes/embed/report tests: a small GGML run on the paper's synthetic data, or a given W. */
final class TestModels {

    private TestModels() {
    }

    /** The paper's 2-D synthetic generator (noise axis dim1 ×1000), shrunk to 3 samples per class, 10 cells per mode. */
    static Cohort smallSynth2d(long seed) {
        return SyntheticCohorts.paper(1, 1000, 3, 10, seed);
    }

    /** GGML with the paper's settings except 8 epochs, trained on {@code cohort}, written to {@code file}. */
    static TrainedMetric train(Cohort cohort, Path file) {
        TrainedMetric m = new Ggml(GgmlConfig.builder().epochs(8).seed(3).build())
                .train(cohort, TrainingListener.NONE);
        m.write(file);
        return m;
    }

    /** Writes a cohort as a CSV table: cell, features…, sample, class, then its annotations (e.g. mode). */
    static Path writeCsv(Cohort cohort, Path file) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("cell");
        for (String f : cohort.featureNames()) {
            sb.append(',').append(f);
        }
        List<String> annotations = new java.util.ArrayList<>(new java.util.TreeSet<>(
                cohort.sample(0).cellAnnotations().keySet()));
        sb.append(",sample,class");
        for (String a : annotations) {
            sb.append(',').append(a);
        }
        sb.append('\n');
        for (org.groundmetric.data.Sample s : cohort.samples()) {
            for (int i = 0; i < s.cellCount(); i++) {
                sb.append(s.cellIds().get(i));
                for (int j = 0; j < cohort.featureCount(); j++) {
                    sb.append(',').append(s.cells().get(i, j));
                }
                sb.append(',').append(s.id()).append(',').append(s.classLabel());
                for (String a : annotations) {
                    sb.append(',').append(s.cellAnnotations().get(a).get(i));
                }
                sb.append('\n');
            }
        }
        java.nio.file.Files.writeString(file, sb.toString());
        return file;
    }

    /** A model with the given W (k rows) and features, no history. */
    static Path withWeights(double[][] w, List<String> features, Path file) {
        TrainedMetric m = new TrainedMetric(TrainedMetric.FORMAT_VERSION, TrainedMetric.KIND, w.length, w, features,
                null, List.of("a", "b"), GgmlConfig.builder().rank(w.length).build(), ones(features.size()),
                List.of());
        m.write(file);
        return file;
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }
}
