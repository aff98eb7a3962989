package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.testing.Knn;
import org.groundmetric.testing.PaperData;
import org.junit.jupiter.api.Test;

class GgmlDevTest {
    @Test
    void dev() {
        for (String preset : new String[] {"synth2d", "synth200d"}) {
            Cohort train = PaperData.split(preset + "_paper.h5ad", "train");
            Cohort test = PaperData.split(preset + "_paper.h5ad", "test");
            for (FeatureScaling fs : new FeatureScaling[] {FeatureScaling.STANDARDIZE}) {
                GgmlConfig cfg = GgmlConfig.builder().featureScaling(fs).epochs(30).threads(1).build();
                long t0 = System.nanoTime();
                TrainedMetric m = new Ggml(cfg).train(train, TrainingListener.NONE);
                double secs = (System.nanoTime() - t0) / 1e9;
                List<String> labels = new ArrayList<>();
                for (Sample s : test.samples()) labels.add(s.classLabel());
                GroundMetric g = m.metric();
                double acc = Knn.leaveOneOutAccuracy(Knn.wasserstein(test, g, NetworkSimplex::new), labels, 5);
                System.out.printf("%s %s acc=%.2f loss first=%.3f last=%.3f  %.1fs/epoch%n", preset, fs, acc,
                        m.history().get(0).loss(), m.history().get(m.history().size() - 1).loss(), secs / 30);
            }
        }
    }
}
