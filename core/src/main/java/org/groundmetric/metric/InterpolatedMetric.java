package org.groundmetric.metric;

import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.CostMatrix;

/**
 * s·d_a + (1−s)·d_b: a blend of two ground metrics (the paper's Figure 4 moves s from a metric
 * learned on disease states to one learned on cell types). The blend of two metrics is a metric.
 *
 * @param a first metric (weight s)
 * @param b second metric (weight 1 − s)
 * @param s blend weight in [0, 1]
 */
public record InterpolatedMetric(GroundMetric a, GroundMetric b, double s) implements GroundMetric {

    public InterpolatedMetric {
        if (a == null || b == null) {
            throw new IllegalArgumentException("an interpolated metric needs two metrics, got a=" + a + ", b=" + b);
        }
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("blend weight s = " + s + " must lie in [0, 1]");
        }
    }

    @Override
    public String name() {
        return "interpolated(" + s + "·" + a.name() + " + " + (1 - s) + "·" + b.name() + ")";
    }

    @Override
    public double distance(float[] x, float[] y) {
        return s * a.distance(x, y) + (1 - s) * b.distance(x, y);
    }

    @Override
    public CostMatrix cost(CellMatrix x, CellMatrix y) {
        double[] ca = a.cost(x, y).values();
        double[] cb = b.cost(x, y).values();
        double[] c = new double[ca.length];
        for (int p = 0; p < c.length; p++) {
            c[p] = s * ca[p] + (1 - s) * cb[p];
        }
        return new CostMatrix(x.rows(), y.rows(), c);
    }
}
