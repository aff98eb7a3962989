package org.groundmetric.explain;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Benjamini–Hochberg false discovery rate of a family of p-values, as statsmodels'
 * {@code multipletests(p, method="fdr_bh")} and SciPy's {@code false_discovery_control}: with the
 * p-values in ascending order, q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎·n/j, capped at 1.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** The q-values, in the order of {@code p}. NaN p-values are left out of the family and stay NaN. */
    public static double[] adjust(double[] p) {
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .toArray(Integer[]::new);
        for (int i : order) {
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException("p-value " + p[i] + " at " + i + " is outside [0, 1]");
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int n = order.length;
        double running = 1;
        for (int r = n - 1; r >= 0; r--) {
            running = Math.min(running, p[order[r]] * n / (r + 1));
            q[order[r]] = running;
        }
        return q;
    }
}
