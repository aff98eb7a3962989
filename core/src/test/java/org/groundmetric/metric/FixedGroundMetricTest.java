package org.groundmetric.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.ot.CostMatrix;
import org.junit.jupiter.api.Test;

class FixedGroundMetricTest {

    @Test
    void distanceAgreesWithTheCostMatrixForEveryName() {
        float[][] x = {{1, 2, 0}, {0, 0, 0}};
        float[][] y = {{4, 6, 0}, {1, -1, 2}};
        for (String name : new String[] {"euclidean", "sqeuclidean", "cityblock", "manhattan", "cosine"}) {
            FixedGroundMetric metric = FixedGroundMetric.parse(name);
            CostMatrix m = metric.cost(DenseMatrix.of(x), DenseMatrix.of(y));
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(m.get(i, j), metric.distance(x[i], y[j]), 1e-12, name);
                }
            }
        }
        assertEquals(5.0, FixedGroundMetric.parse("euclidean").distance(x[0], y[0]), 1e-12);
        assertEquals("cityblock", FixedGroundMetric.parse("manhattan").name());
    }

    @Test
    void unknownNamesAndMismatchedCellsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FixedGroundMetric.parse("l3"));
        assertTrue(e.getMessage().contains("euclidean"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FixedGroundMetric.parse("cosine").distance(new float[2], new float[3]));
    }
}
