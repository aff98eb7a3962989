package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that certify an exact transport solution without knowing the answer. */
final class PlanChecks {
    private PlanChecks() {
    }

    /**
     * Marginals to {@code tol} (relative to the total mass), non-negative, at most n+m−1 entries,
     * plan cost equals value, and the duals certify optimality: uᵢ+vⱼ ≤ Mᵢⱼ everywhere, equality on
     * the support (to 1e-9 × max cost), and Σaᵢuᵢ + Σbⱼvⱼ = value (strong duality).
     */
    static void assertOptimalPlan(double[] a, double[] b, CostMatrix m, Transport t, double tol) {
        int n = a.length;
        int k = b.length;
        TransportPlan plan = t.plan();
        assertTrue(plan.nonZeros() <= n + k - 1, "plan has " + plan.nonZeros() + " > n+m-1 entries");
        double mass = 0;
        for (double x : a) {
            mass += x;
        }
        double massB = 0;
        for (double x : b) {
            massB += x;
        }
        double[] rows = new double[n];
        double[] cols = new double[k];
        for (int p = 0; p < plan.nonZeros(); p++) {
            assertTrue(plan.mass()[p] >= 0, "negative mass " + plan.mass()[p]);
            rows[plan.rows()[p]] += plan.mass()[p];
            cols[plan.cols()[p]] += plan.mass()[p];
        }
        for (int i = 0; i < n; i++) {
            assertEquals(a[i], rows[i], tol * mass, "row marginal " + i);
        }
        for (int j = 0; j < k; j++) {
            assertEquals(b[j] * mass / massB, cols[j], tol * mass, "column marginal " + j);
        }
        assertEquals(t.value(), plan.cost(m), 1e-12 * Math.max(1, Math.abs(t.value())), "plan cost = value");

        double maxCost = 0;
        for (double c : m.values()) {
            maxCost = Math.max(maxCost, c);
        }
        double dualTol = maxCost > 0 ? 1e-9 * maxCost : 1e-12;
        double[] u = t.u();
        double[] v = t.v();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                assertTrue(u[i] + v[j] <= m.get(i, j) + dualTol,
                        "dual infeasible at (" + i + "," + j + "): " + (u[i] + v[j]) + " > " + m.get(i, j));
            }
        }
        for (int p = 0; p < plan.nonZeros(); p++) {
            int i = plan.rows()[p];
            int j = plan.cols()[p];
            assertEquals(m.get(i, j), u[i] + v[j], dualTol, "complementary slackness at (" + i + "," + j + ")");
        }
        double dual = 0;
        for (int i = 0; i < n; i++) {
            dual += a[i] * u[i];
        }
        for (int j = 0; j < k; j++) {
            dual += b[j] * mass / massB * v[j];
        }
        assertEquals(t.value(), dual, dualTol * mass, "strong duality");
    }
}
