package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input is refused with a message that names the argument and the problem. */
class BadInputTest {
    private static final CostMatrix M = CostMatrix.of(new double[][] {{0, 1}, {1, 0}});
    private static final double[] HALF = {0.5, 0.5};

    @Test
    void negativeWeights() {
        refused(() -> OT.emd(new double[] {1.5, -0.5}, HALF, M), "weights a[1] is -0.5", "non-negative");
        refused(() -> OT.emd(HALF, new double[] {-0.5, 1.5}, M), "weights b[0] is -0.5", "non-negative");
    }

    @Test
    void nanOrInfiniteWeights() {
        refused(() -> OT.emd(new double[] {Double.NaN, 1}, HALF, M), "weights a[0] is NaN", "finite");
        refused(() -> OT.emd2(HALF, new double[] {0.5, Double.POSITIVE_INFINITY}, M), "weights b[1] is Infinity");
    }

    @Test
    void emptySidesOrWrongLengths() {
        refused(() -> OT.emd(new double[0], HALF, M), "weights a are empty");
        refused(() -> OT.emd(HALF, new double[0], M), "weights b are empty");
        refused(() -> OT.emd(new double[] {1}, HALF, M), "weights a have 1 values", "2 rows");
        refused(() -> OT.emd(HALF, new double[] {0.2, 0.3, 0.5}, M), "weights b have 3 values", "2 columns");
        refused(() -> OT.emd(new double[] {0, 0}, HALF, M), "weights a sum to 0");
    }

    @Test
    void unequalMasses() {
        refused(() -> OT.emd(HALF, new double[] {0.5, 0.6}, M), "weights a sum to 1.0", "weights b sum to 1.1",
                "equal total masses");
        refused(() -> OT.sinkhorn(HALF, new double[] {0.5, 0.6}, M, 0.1), "equal total masses");
    }

    @Test
    void nanInfiniteOrNegativeCosts() {
        refused(() -> CostMatrix.of(new double[][] {{0, Double.NaN}}), "cost[0][1] is NaN");
        refused(() -> CostMatrix.of(new double[][] {{0, 1}, {Double.NEGATIVE_INFINITY, 0}}), "cost[1][0]");
        refused(() -> CostMatrix.of(new double[][] {{-1}}), "cost[0][0] is -1.0", "non-negative");
    }

    @Test
    void badPointsAndDimensions() {
        refused(() -> Costs.pairwise(new double[][] {{0, Double.NaN}}, new double[][] {{0, 0}}, PointMetric.EUCLIDEAN),
                "points x", "NaN", "point 0, coordinate 1");
        refused(() -> Costs.pairwise(new double[][] {{0, 0}}, new double[][] {{Double.POSITIVE_INFINITY, 0}},
                PointMetric.CITYBLOCK), "points y", "Infinity");
        refused(() -> Costs.pairwise(new double[][] {{0, 0}}, new double[][] {{0, 0, 0}}, PointMetric.EUCLIDEAN),
                "points x have 2 coordinates but points y have 3");
        refused(() -> Costs.pairwise(new double[][] {{0, 0}, {1}}, new double[][] {{0, 0}}, PointMetric.EUCLIDEAN),
                "points x: point 1 has 1 coordinates");
        refused(() -> Costs.pairwise(new double[0][], new double[][] {{0}}, PointMetric.EUCLIDEAN), "points x are empty");
        refused(() -> Costs.pairwise(new double[] {1, 2, 3}, 2, new double[] {1, 2}, 1, 2, PointMetric.EUCLIDEAN),
                "points x hold 3 numbers", "2 points × 2 dimensions");
        refused(() -> OT.uniform(0), "n = 0");
    }

    @Test
    void unknownMetricNamesListTheKnownOnes() {
        refused(() -> PointMetric.parse("chebyshev"), "chebyshev", "euclidean, sqeuclidean, cityblock (or manhattan), cosine");
    }

    private static void refused(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }
}
