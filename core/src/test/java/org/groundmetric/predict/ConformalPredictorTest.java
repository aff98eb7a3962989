package org.groundmetric.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Coverage on held-out samples: three overlapping classes of synthetic samples (points in the plane,
 * so thousands of held-out samples cost nothing), 60 reference samples, 3000 new ones drawn alike.
 * The sets at 0.9 must hold the true class of about 90% of the new samples, and the sets must
 * shrink where the classes separate.
 */
class ConformalPredictorTest {

    private static double[][] draw(int n, double spread, SplittableRandom rng, int[] classOut) {
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            classOut[i] = i % 3;
            x[i][0] = 2.0 * classOut[i] + spread * rng.nextGaussian();
            x[i][1] = spread * rng.nextGaussian();
        }
        return x;
    }

    private static double[][] distances(double[][] a, double[][] b) {
        double[][] d = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                d[i][j] = Math.hypot(a[i][0] - b[j][0], a[i][1] - b[j][1]);
            }
        }
        return d;
    }

    private static double[] coverageAndSize(double spread, double confidence) {
        SplittableRandom rng = new SplittableRandom(7);
        int[] refClass = new int[60];
        double[][] ref = draw(60, spread, rng, refClass);
        int[] newClass = new int[3000];
        double[][] fresh = draw(3000, spread, rng, newClass);
        ConformalPredictor conformal = new ConformalPredictor(distances(ref, ref), refClass, 3, 5);
        double[][] d = distances(fresh, ref);
        int covered = 0;
        long size = 0;
        for (int i = 0; i < fresh.length; i++) {
            int[] set = conformal.set(d[i], confidence);
            size += set.length;
            for (int c : set) {
                covered += c == newClass[i] ? 1 : 0;
            }
        }
        return new double[] {covered / 3000.0, size / 3000.0};
    }

    @Test
    void setsCoverTheTrueClassOfHeldOutSamplesAtTheAskedLevel() {
        for (double confidence : new double[] {0.8, 0.9, 0.95}) {
            double[] hard = coverageAndSize(1.5, confidence);
            double[] easy = coverageAndSize(0.3, confidence);
            System.out.printf("confidence %.2f: coverage %.3f (mean set size %.2f) overlapping, %.3f (%.2f) separated%n",
                    confidence, hard[0], hard[1], easy[0], easy[1]);
            // 60 calibration scores: the guarantee is ≥ confidence in expectation over the reference draw
            assertTrue(hard[0] >= confidence - 0.04, "coverage " + hard[0] + " at " + confidence);
            assertTrue(easy[0] >= confidence - 0.04, "coverage " + easy[0] + " at " + confidence);
            assertTrue(hard[1] > easy[1], "overlapping classes give larger sets");
        }
    }

    @Test
    void pValuesCountCalibrationScoresAtLeastAsLarge() {
        // Reference: class 0 at 0 and 1, class 1 at 10 and 11 (distances on a line), k = 1.
        double[] p = {0, 1, 10, 11};
        double[][] d = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                d[i][j] = Math.abs(p[i] - p[j]);
            }
        }
        ConformalPredictor c = new ConformalPredictor(d, new int[] {0, 0, 1, 1}, 2, 1);
        // Calibration: each point's nearest own-class mate is 1 away, nearest other 9 away: 0.1 each.
        // A new point at 0.5: class 0 score 0.5/(0.5+9.5) = 0.05 → p = 5/5; class 1 score 9.5/10 → p = 1/5.
        double[] pv = c.pValues(new double[] {0.5, 0.5, 9.5, 10.5});
        assertEquals(1.0, pv[0], 1e-12);
        assertEquals(0.2, pv[1], 1e-12);
        assertArrayEquals(new int[] {0}, c.set(new double[] {0.5, 0.5, 9.5, 10.5}, 0.8));
        assertArrayEquals(new int[] {0, 1}, c.set(new double[] {0.5, 0.5, 9.5, 10.5}, 0.9));
    }
}
