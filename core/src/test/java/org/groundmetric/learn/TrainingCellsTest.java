package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.LocalEngine;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

/**
 * The gradient of summarised samples' dense centroids gathered feature range by feature range
 * is the per-sample route's gradient to the last bit (same additions, same order), on one thread
 * and two, over several ranges, odd centroid counts and samples without coefficients.
 */
class TrainingCellsTest {

    @Test
    void featureRangesGiveTheSameGradientAsSampleBySample() {
        SplittableRandom rng = new SplittableRandom(3);
        int d = 1377;
        int k = 5;
        List<CellMatrix> samples = new ArrayList<>();
        double[][] coefficients = new double[6][];
        for (int s = 0; s < 6; s++) {
            int n = 3 + 2 * s; // odd counts: 3, 5, …, 13 centroids
            float[] data = new float[n * d];
            for (int p = 0; p < data.length; p++) {
                data[p] = rng.nextDouble() < 0.2 ? 0f : (float) rng.nextDouble(0, 3);
            }
            samples.add(new DenseMatrix(n, d, data));
            if (s != 2) { // sample 2 is in no weighted pair
                coefficients[s] = new double[k * n];
                for (int p = 0; p < coefficients[s].length; p++) {
                    coefficients[s][p] = p % 7 == 3 ? 0 : rng.nextDouble(-1, 1);
                }
            }
        }
        double[] scale = new double[d];
        Arrays.fill(scale, 1);
        TrainingCells cells = new TrainingCells(samples, null, MetricForm.LOW_RANK, k, scale);
        int[] which = {4, 0, 2, 5, 1, 3}; // batch order, not cohort order
        double[][] inBatchOrder = new double[which.length][];
        for (int a = 0; a < which.length; a++) {
            inBatchOrder[a] = coefficients[which[a]];
        }
        for (int threads : new int[] {1, 2, 3}) { // 1, 4 and 6 feature ranges
            try (LocalEngine local = new LocalEngine(threads)) {
                double[] bySample = cells.gradientBySample(which, inBatchOrder, local);
                assertArrayEquals(bySample, cells.gradientByFeatureRange(which, inBatchOrder, local), 0.0,
                        threads + " threads");
                assertArrayEquals(bySample, cells.gradient(which, inBatchOrder, local), 0.0, threads + " threads");
            }
        }
    }
}
