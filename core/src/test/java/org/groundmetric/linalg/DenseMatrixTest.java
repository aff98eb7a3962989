package org.groundmetric.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dense kernels against the plain definitions, to the last bit: each image coordinate is the
 * features' products added one by one in feature order, and each entry of G·X its rows' terms in
 * row order (zero coefficients skipped). Tiles of two cells, blocks of 4 or 5 rows of W and four
 * rows at a time in G·X must not change a single addition.
 */
class DenseMatrixTest {

    @Test
    void projectionAddsEveryFeatureInOrderForEveryRankAndRowCount() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int rows = 1; rows <= 7; rows++) {
            DenseMatrix x = random(rows, 37, rng);
            for (int k = 1; k <= 11; k++) {
                double[] w = new double[k * 37];
                for (int p = 0; p < w.length; p++) {
                    w[p] = rng.nextDouble(-1, 1);
                }
                double[] expected = new double[rows * k];
                for (int i = 0; i < rows; i++) {
                    for (int r = 0; r < k; r++) {
                        double s = 0;
                        for (int j = 0; j < 37; j++) {
                            s += x.get(i, j) * w[r * 37 + j];
                        }
                        expected[i * k + r] = s;
                    }
                }
                assertArrayEquals(expected, x.projectRows(w, k), 0.0, rows + " rows, k = " + k);
            }
        }
    }

    @Test
    void leftProductOverAFeatureRangeAddsTheRowsInOrder() {
        SplittableRandom rng = new SplittableRandom(8);
        int rows = 11;
        int d = 53;
        DenseMatrix x = random(rows, d, rng);
        for (int k : new int[] {1, 3, 5}) {
            double[] g = new double[k * rows];
            for (int p = 0; p < g.length; p++) {
                g[p] = p % 4 == 1 ? 0 : rng.nextDouble(-1, 1); // some rows skip some directions
            }
            double[] full = new double[k * d];
            x.accumulateLeftProduct(g, k, full);
            int from = 9;
            int to = 40;
            double[] part = new double[k * (to - from)];
            x.accumulateLeftProduct(g, k, part, from, to);
            for (int r = 0; r < k; r++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int i = 0; i < rows; i++) {
                        if (g[r * rows + i] != 0) {
                            s += g[r * rows + i] * x.get(i, j);
                        }
                    }
                    assertEquals(s, full[r * d + j], 0.0, "k = " + k + ", entry " + r + "," + j);
                    if (j >= from && j < to) {
                        assertEquals(s, part[r * (to - from) + j - from], 0.0, "range, k = " + k + ", entry " + r + "," + j);
                    }
                }
            }
        }
    }

    private static DenseMatrix random(int rows, int cols, SplittableRandom rng) {
        float[] data = new float[rows * cols];
        for (int p = 0; p < data.length; p++) {
            data[p] = rng.nextDouble() < 0.3 ? 0f : (float) rng.nextDouble(0, 5);
        }
        return new DenseMatrix(rows, cols, data);
    }
}
