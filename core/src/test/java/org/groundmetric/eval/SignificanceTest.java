package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.junit.jupiter.api.Test;

/**
 * Labels that carry nothing (samples with random centres, classes dealt in turn): a metric learned on the same samples finds
 * a "difference" (small p), the held-out test does not; with the real labels both find it.
 */
class SignificanceTest {

    /** 18 samples, each its own random centre in 40 features, labelled 0/1/2 at random: nothing to find, much to overfit. */
    private static Cohort pureNoise() {
        java.util.Random rng = new java.util.Random(5);
        List<Sample> out = new ArrayList<>();
        int d = 40;
        for (int s = 0; s < 18; s++) {
            double[] centre = new double[d];
            for (int j = 0; j < d; j++) {
                centre[j] = rng.nextGaussian();
            }
            float[] x = new float[10 * d];
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = (float) (centre[j] + 0.3 * rng.nextGaussian());
                }
            }
            out.add(Sample.of("s" + s, "class_" + (s % 3), new org.groundmetric.linalg.DenseMatrix(10, d, x)));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("f" + j);
        }
        return new Cohort(out, names);
    }

    @Test
    void heldOutFoldsKeepTheLabelsFromLeakingIntoTheTest() {
        Cohort real = SyntheticCohorts.paper(5, 1, 6, 10, 3);
        Cohort noise = pureNoise();
        Ggml ggml = new Ggml(GgmlConfig.builder().epochs(40).lambda(0.001).threads(2).build());
        try (ComputeEngine engine = ComputeEngine.local(2)) {
            double leaky = Significance.of(noise, ggml.fit(noise), 199, 1, engine, Progress.NONE).overall().pValue();
            // Under no difference the p-value is uniform: over five fold draws its mean is near 0.5.
            double honest = 0;
            for (long seed = 1; seed <= 5; seed++) {
                honest += Significance.heldOut(noise, ggml, 3, 199, seed, engine, Progress.NONE).overall().pValue() / 5;
            }
            Significance.Report signal = Significance.heldOut(real, ggml, 3, 199, 1, engine, Progress.NONE);
            System.out.printf("random labels: p %.3f on the training samples, mean %.3f held out (5 fold draws);"
                    + " real labels held out: p %.3f%n", leaky, honest, signal.overall().pValue());
            assertTrue(leaky <= 0.05, "the leaky test finds a difference in noise: " + leaky);
            assertTrue(honest > 0.25, "held out, noise is noise: mean p " + honest);
            assertTrue(signal.overall().pValue() <= 0.01, "held out, the real classes differ: " + signal.overall().pValue());
            assertEquals(3, signal.pairs().size());
            assertEquals(3, signal.folds());
        }
    }
}
