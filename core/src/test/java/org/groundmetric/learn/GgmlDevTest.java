package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.testing.Knn;
import org.groundmetric.testing.UniformAssignmentSolver;
import org.junit.jupiter.api.Test;

class GgmlDevTest {
    @Test
    void dev() {
        for (String preset : new String[] {"2d", "200d"}) {
            for (FeatureScaling fs : FeatureScaling.values()) {
                Cohort train = preset.equals("2d") ? SyntheticCohorts.paper(1, 1000, 10, 20, 1) : SyntheticCohorts.paper(199, 1, 10, 20, 1);
                Cohort test = preset.equals("2d") ? SyntheticCohorts.paper(1, 1000, 10, 20, 2) : SyntheticCohorts.paper(199, 1, 10, 20, 2);
                GgmlConfig cfg = GgmlConfig.builder().featureScaling(fs).epochs(30).build();
                long t0 = System.nanoTime();
                TrainedMetric m = new Ggml(cfg, UniformAssignmentSolver::new).train(train, TrainingListener.NONE);
                double secs = (System.nanoTime() - t0) / 1e9;
                List<String> labels = new ArrayList<>();
                for (Sample s : test.samples()) labels.add(s.classLabel());
                GroundMetric g = m.metric();
                double acc = Knn.leaveOneOutAccuracy(Knn.wasserstein(test, g, UniformAssignmentSolver::new), labels, 5);
                System.out.printf("%s %s acc=%.2f loss first=%.3f last=%.3f  %.1fs%n", preset, fs, acc,
                        m.history().get(0).loss(), m.history().get(m.history().size() - 1).loss(), secs);
            }
        }
    }
}
