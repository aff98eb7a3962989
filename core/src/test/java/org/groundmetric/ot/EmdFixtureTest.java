package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our exact solvers against POT's ({@code ot.emd}) on the problems of fixtures/emd.json: the
 * network simplex on the cost matrix, and every exact {@link Solver} on the points.
 */
class EmdFixtureTest {

    @TestFactory
    Stream<DynamicTest> matchesPotOnEveryFixture() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("emd.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(JsonNode c) {
        double[][] x = Fixtures.matrix(c.get("X"));
        double[][] y = Fixtures.matrix(c.get("Y"));
        double[] a = Fixtures.doubles(c.get("a"));
        double[] b = Fixtures.doubles(c.get("b"));
        CostMatrix m = Costs.pairwise(x, y, PointMetric.parse(c.get("metric").asText()));
        Transport t = OT.emd(a, b, m);
        double expected = c.get("value").asDouble();
        if (c.get("name").asText().startsWith("identical")) {
            // POT's ot.dist forms ‖x‖²+‖y‖²−2x·y, whose rounding leaves 1.7e-9; the exact value is 0
            assertEquals(0.0, t.value(), 1e-12, "identical clouds");
        } else {
            assertEquals(expected, t.value(), 1e-9 * Math.abs(expected), "value");
        }
        assertTrue(t.converged());
        PlanChecks.assertOptimalPlan(a, b, m, t, 1e-12);
        PointClouds points = PointClouds.of(x, y, a, b, PointMetric.parse(c.get("metric").asText()));
        for (Solver s : new Solver[] {Solver.AUTO, Solver.NETWORK_SIMPLEX, Solver.ASSIGNMENT}) {
            if (s == Solver.ASSIGNMENT && !Solver.fitsAssignment(points)) {
                continue;
            }
            Transport byPoints = s.solve(points);
            assertEquals(t.value(), byPoints.value(), 1e-9 * Math.max(1, Math.abs(t.value())), s + " value");
            PlanChecks.assertOptimalPlan(a, b, m, byPoints, 1e-12);
        }
        if (c.has("plan") && c.get("name").asText().startsWith("tiny")) {
            // a weighted, non-degenerate problem has a unique optimal plan: POT's
            double[][] pot = Fixtures.matrix(c.get("plan"));
            double[][] ours = t.plan().toDense(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    assertEquals(pot[i][j], ours[i][j], 1e-12, "plan[" + i + "][" + j + "]");
                }
            }
        }
    }
}
