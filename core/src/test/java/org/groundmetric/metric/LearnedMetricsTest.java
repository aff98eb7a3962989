package org.groundmetric.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.ot.CostMatrix;
import org.junit.jupiter.api.Test;

class LearnedMetricsTest {
    private static final float[][] X = {{1, 0, 2}, {0, 3, -1}};
    private static final float[][] Y = {{2, 2, 0}, {-1, 0, 1}, {0, 0, 0}};

    @Test
    void lowRankCostsAreDistancesOfTheProjections() {
        LowRankMahalanobis m = new LowRankMahalanobis(new double[] {1, 2, 0, 0, -1, 3}, 2);
        // W(x0 − y0) = W(−1, −2, 2) = (−5, 8): ‖·‖ = √89.
        assertEquals(Math.sqrt(89), m.distance(X[0], Y[0]), 1e-12);
        CostMatrix c = m.cost(DenseMatrix.of(X), DenseMatrix.of(Y));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(m.distance(X[i], Y[j]), c.get(i, j), 1e-12);
            }
        }
        double[] mm = m.mahalanobisMatrix();
        assertEquals(1 * 1 + 0 * 0, mm[0], 1e-12);
        assertEquals(2 * 2 + 1, mm[4], 1e-12);
    }

    @Test
    void diagonalEqualsLowRankWithDiagonalWOnDenseAndSparseCells() {
        double[] w = {0.5, 2, 0};
        DiagonalMetric diag = new DiagonalMetric(w);
        LowRankMahalanobis full = new LowRankMahalanobis(new double[] {0.5, 0, 0, 0, 2, 0, 0, 0, 0}, 3);
        CellMatrix sparse = new CsrMatrix(2, 3, new int[] {0, 2, 4}, new int[] {0, 2, 1, 2}, new float[] {1, 2, 3, -1});
        CostMatrix a = diag.cost(sparse, DenseMatrix.of(Y));
        CostMatrix b = full.cost(DenseMatrix.of(X), DenseMatrix.of(Y));
        for (int p = 0; p < a.values().length; p++) {
            assertEquals(b.values()[p], a.values()[p], 1e-12);
        }
        assertEquals(full.distance(X[1], Y[2]), diag.distance(X[1], Y[2]), 1e-12);
    }

    @Test
    void interpolatedBlendsCostsAndRefusesWeightsOutsideZeroOne() {
        LowRankMahalanobis a = new LowRankMahalanobis(new double[] {1, 0, 0}, 1);
        DiagonalMetric b = new DiagonalMetric(new double[] {0, 1, 1});
        InterpolatedMetric m = new InterpolatedMetric(a, b, 0.25);
        CostMatrix c = m.cost(DenseMatrix.of(X), DenseMatrix.of(Y));
        assertEquals(0.25 * a.distance(X[0], Y[1]) + 0.75 * b.distance(X[0], Y[1]), c.get(0, 1), 1e-12);
        assertEquals(c.get(1, 2), m.distance(X[1], Y[2]), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new InterpolatedMetric(a, b, 1.5));
    }

    @Test
    void featureCountMismatchIsRefused() {
        LowRankMahalanobis m = new LowRankMahalanobis(new double[] {1, 0}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.project(DenseMatrix.of(X)));
        assertEquals("cells have 3 features but W was learned on 2", e.getMessage());
    }
}
