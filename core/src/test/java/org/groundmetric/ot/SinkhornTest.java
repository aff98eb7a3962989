package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Log-domain Sinkhorn against POT's {@code ot.sinkhorn(method="sinkhorn_log")} (fixtures/sinkhorn.json). */
class SinkhornTest {

    @Test
    void matchesPotOnEveryFixture() {
        int k = 0;
        for (JsonNode c : Fixtures.load("sinkhorn.json").get("cases")) {
            double[][] x = Fixtures.matrix(c.get("X"));
            double[][] y = Fixtures.matrix(c.get("Y"));
            double[] a = Fixtures.doubles(c.get("a"));
            double[] b = Fixtures.doubles(c.get("b"));
            CostMatrix m = Costs.pairwise(x, y, PointMetric.EUCLIDEAN);
            Transport t = OT.sinkhorn(a, b, m, c.get("reg").asDouble());
            assertTrue(t.converged(), "case " + k);
            assertEquals(c.get("transport_cost").asDouble(), t.value(), 1e-6, "transport cost, case " + k);
            double[][] pot = Fixtures.matrix(c.get("plan"));
            double[][] ours = t.plan().toDense(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    assertEquals(pot[i][j], ours[i][j], 1e-6, "plan[" + i + "][" + j + "], case " + k);
                }
            }
            k++;
        }
        assertEquals(3, k);
    }

    @Test
    void stableAtOneHundredthOfTheMeanCostAndCloseToExact() {
        Random rnd = new Random(21);
        double[][] x = new double[60][4];
        double[][] y = new double[70][4];
        fill(rnd, x, 100);
        fill(rnd, y, 100);   // large costs: exp(−M/reg) underflows without the log domain
        CostMatrix m = Costs.pairwise(x, y, PointMetric.EUCLIDEAN);
        double reg = 0.01 * m.mean();
        Transport t = new Sinkhorn(reg, 1e-9, 100_000).solve(OT.uniform(60), OT.uniform(70), m);
        assertTrue(Double.isFinite(t.value()), "value " + t.value());
        assertTrue(t.converged(), "error " + t.marginalError());
        assertTrue(t.marginalError() < 1e-8, "marginal error " + t.marginalError());
        double exact = OT.emd2(OT.uniform(60), OT.uniform(70), m);
        assertTrue(t.value() >= exact - 1e-9 && t.value() < exact * 1.02, t.value() + " vs exact " + exact);
    }

    @Test
    void theIterationLimitIsReportedWithTheErrorReached() {
        Random rnd = new Random(22);
        double[][] x = new double[30][2];
        double[][] y = new double[30][2];
        fill(rnd, x, 1);
        fill(rnd, y, 1);
        CostMatrix m = Costs.pairwise(x, y, PointMetric.EUCLIDEAN);
        Transport t = new Sinkhorn(0.001, 1e-12, 3).solve(OT.uniform(30), OT.uniform(30), m);
        assertFalse(t.converged());
        assertEquals(3, t.iterations());
        assertTrue(t.marginalError() > 1e-12, "error " + t.marginalError());
    }

    @Test
    void zeroWeightsGetNoMass() {
        CostMatrix m = CostMatrix.of(new double[][] {{1, 2}, {3, 1}, {2, 2}});
        Transport t = OT.sinkhorn(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.5}, m, 1.0);
        assertTrue(t.converged(), "error " + t.marginalError());
        double[][] p = t.plan().toDense(3, 2);
        assertEquals(0.0, p[2][0]);
        assertEquals(0.0, p[2][1]);
        assertEquals(0.5, p[0][0] + p[0][1], 1e-9);
    }

    @Test
    void badSettingsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sinkhorn(0));
        assertTrue(e.getMessage().contains("reg"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sinkhorn(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Sinkhorn(1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Sinkhorn(1, 1e-9, 0));
    }

    private static void fill(Random rnd, double[][] p, double scale) {
        for (double[] row : p) {
            for (int d = 0; d < row.length; d++) {
                row[d] = rnd.nextDouble() * scale;
            }
        }
    }
}
