package org.groundmetric.metric;

import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.PointMetric;

/**
 * A ground metric that learns nothing: a fixed {@link PointMetric} between cells in feature space.
 * These are the paper's baselines (Euclidean, Manhattan, cosine ground costs).
 *
 * @param metric the distance between two cells
 */
public record FixedGroundMetric(PointMetric metric) implements GroundMetric {

    public FixedGroundMetric {
        if (metric == null) {
            throw new IllegalArgumentException("a fixed ground metric needs a point metric, got null");
        }
    }

    /** Parses "euclidean", "sqeuclidean", "cityblock"/"manhattan" or "cosine". */
    public static FixedGroundMetric parse(String name) {
        return new FixedGroundMetric(PointMetric.parse(name));
    }

    @Override
    public String name() {
        return metric.label();
    }

    @Override
    public double distance(float[] x, float[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("cells have " + x.length + " and " + y.length
                    + " features; a distance needs two cells with the same features");
        }
        double dot = 0;
        double l1 = 0;
        double l2 = 0;
        double nx = 0;
        double ny = 0;
        for (int k = 0; k < x.length; k++) {
            double a = x[k];
            double b = y[k];
            double diff = a - b;
            dot += a * b;
            l1 += Math.abs(diff);
            l2 += diff * diff;
            nx += a * a;
            ny += b * b;
        }
        return switch (metric) {
            case EUCLIDEAN -> Math.sqrt(l2);
            case SQEUCLIDEAN -> l2;
            case CITYBLOCK -> l1;
            case COSINE -> cosine(dot, Math.sqrt(nx), Math.sqrt(ny));
        };
    }

    private static double cosine(double dot, double nx, double ny) {
        if (nx == 0 || ny == 0) {
            return nx == ny ? 0 : 1;
        }
        return Math.min(2, Math.max(0, 1 - dot / (nx * ny)));
    }

    @Override
    public CostMatrix cost(CellMatrix x, CellMatrix y) {
        return Costs.pairwise(x, y, metric);
    }
}
