package org.groundmetric.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.groundmetric.linalg.DenseMatrix;

/**
 * The paper's synthetic benchmarks (its reference generator): 3 classes, 10 samples per class,
 * each sample three modes of 100 points.
 *
 * <ul>
 *   <li>class mode: axis 0 ~ N(10 + m, 1.5²) with class means m = 5, 10, 15; every other axis
 *       ~ U(7.5 + 3s, 12.5 + 3s) for the sample's index s = 0..9 within its class;</li>
 *   <li>shared mode a: every axis ~ N(0, 1.5²);</li>
 *   <li>shared mode b: axis 0 ~ N(40, 1.5²), the other axes ~ N(50, 1.5²);</li>
 * </ul>
 * then axis 0 is scaled by 5/4 and the other axes by the noise scale. Only axis 0 carries the
 * class; the noise axes make samples of one class differ. synth2d has 1 noise axis scaled by
 * 1000 (badly scaled features), synth200d 199 noise axes at scale 1.
 *
 * <p>Samples are named sample_00…, classes class_0…class_2, features dim0…; every cell carries
 * its {@code mode} (class_specific, shared_a, shared_b).
 */
public final class SyntheticCohorts {
    /** The class means m of the class mode's axis 0. */
    private static final double[] CLASS_MEANS = {5, 10, 15};
    private static final double SD = 1.5;

    private SyntheticCohorts() {
    }

    /** The paper's Synth2D: 1 noise axis scaled by 1000. */
    public static Cohort synth2d(long seed) {
        return paper(1, 1000, 10, 100, seed);
    }

    /** The paper's Synth200D: 199 noise axes at scale 1. */
    public static Cohort synth200d(long seed) {
        return paper(199, 1, 10, 100, seed);
    }

    /** "synth2d" or "synth200d". */
    public static Cohort preset(String name, long seed) {
        switch (name) {
            case "synth2d":
                return synth2d(seed);
            case "synth200d":
                return synth200d(seed);
            default:
                throw new IllegalArgumentException("synthetic preset '" + name + "' is unknown; expected synth2d or synth200d");
        }
    }

    /**
     * An imbalanced two-class cohort from the generator: every one of {@code majority} samples of
     * class_0 and {@code minority} samples of class_1 whose indices s are spread evenly over the
     * majority's (round(i·(majority−1)/(minority−1))), so each minority sample has majority
     * samples of its noise range beside it: separable on axis 0, not by the noise. 16/4 takes the
     * class_1 samples of index 0, 5, 10, 15.
     */
    public static Cohort imbalanced(int noiseAxes, double noiseScale, int majority, int minority, int pointsPerMode,
                                    long seed) {
        if (minority < 2 || minority > majority) {
            throw new IllegalArgumentException("an imbalanced cohort needs 2 ≤ minority ≤ majority, got minority="
                    + minority + ", majority=" + majority);
        }
        Cohort all = paper(noiseAxes, noiseScale, majority, pointsPerMode, seed);
        int[] keep = new int[majority + minority];
        for (int i = 0; i < majority; i++) {
            keep[i] = i;
        }
        for (int i = 0; i < minority; i++) {
            keep[majority + i] = majority + (int) Math.round(i * (majority - 1.0) / (minority - 1));
        }
        return all.subset(keep);
    }

    /**
     * The generator with its sizes open.
     *
     * @param noiseAxes       axes besides the class axis 0
     * @param noiseScale      factor applied to the noise axes
     * @param samplesPerClass samples per class (s = 0..samplesPerClass−1)
     * @param pointsPerMode   cells per mode (each sample has 3 modes)
     */
    public static Cohort paper(int noiseAxes, double noiseScale, int samplesPerClass, int pointsPerMode, long seed) {
        if (noiseAxes < 0 || samplesPerClass < 1 || pointsPerMode < 1 || !(noiseScale > 0)) {
            throw new IllegalArgumentException("synthetic sizes must be positive: noiseAxes=" + noiseAxes
                    + ", noiseScale=" + noiseScale + ", samplesPerClass=" + samplesPerClass + ", pointsPerMode=" + pointsPerMode);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int d = noiseAxes + 1;
        List<Sample> samples = new ArrayList<>();
        for (int c = 0; c < CLASS_MEANS.length; c++) {
            for (int s = 0; s < samplesPerClass; s++) {
                int n = 3 * pointsPerMode;
                float[] x = new float[n * d];
                List<String> modes = new ArrayList<>(n);
                List<String> ids = new ArrayList<>(n);
                String id = String.format("sample_%02d", c * samplesPerClass + s);
                for (int i = 0; i < n; i++) {
                    int mode = i / pointsPerMode;
                    for (int j = 0; j < d; j++) {
                        double value;
                        if (mode == 0) {
                            value = j == 0 ? 10 + CLASS_MEANS[c] + SD * rng.nextGaussian()
                                    : rng.nextDouble(7.5 + 3 * s, 12.5 + 3 * s);
                        } else if (mode == 1) {
                            value = SD * rng.nextGaussian();
                        } else {
                            value = (j == 0 ? 40 : 50) + SD * rng.nextGaussian();
                        }
                        x[i * d + j] = (float) (j == 0 ? value * 5 / 4 : value * noiseScale);
                    }
                    modes.add(mode == 0 ? "class_specific" : mode == 1 ? "shared_a" : "shared_b");
                    ids.add(id + ":" + i);
                }
                samples.add(new Sample(id, "class_" + c, new DenseMatrix(n, d, x), ids, Map.of("mode", modes)));
            }
        }
        List<String> features = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            features.add("dim" + j);
        }
        return new Cohort(samples, features);
    }
}
