package org.groundmetric.ot;

/**
 * A transport problem given by its points: n source points x with weights a and m target points y
 * with weights b (row-major, dim coordinates each), and the metric whose values are the costs.
 * Solvers that know the points can work without the full cost matrix, or start from a coarse
 * version of the problem; {@link #costs()} gives the matrix for those that need it.
 *
 * @param x      source points, n×dim row-major
 * @param n      number of source points
 * @param y      target points, m×dim row-major
 * @param m      number of target points
 * @param dim    coordinates per point
 * @param a      source weights (length n)
 * @param b      target weights (length m, same total as a to 1e-9 relative)
 * @param metric the ground cost between two points
 */
public record PointClouds(double[] x, int n, double[] y, int m, int dim, double[] a, double[] b, PointMetric metric) {

    /** Checks shapes, finiteness and the weights (as every solver does). */
    public PointClouds {
        if (metric == null) {
            throw new IllegalArgumentException("point metric is null; expected euclidean, sqeuclidean, cityblock or cosine");
        }
        Costs.checkPoints("x", x, n, dim);
        Costs.checkPoints("y", y, m, dim);
        double sumA = Weights.check("a", a, n, "source point", "");
        double sumB = Weights.check("b", b, m, "target point", "");
        Weights.checkBalance(sumA, sumB);
    }

    /** Uniform weights 1/n and 1/m. */
    public static PointClouds uniform(double[] x, int n, double[] y, int m, int dim, PointMetric metric) {
        return new PointClouds(x, n, y, m, dim, OT.uniform(n), OT.uniform(m), metric);
    }

    /** Points given as rows (each row one point). */
    public static PointClouds of(double[][] x, double[][] y, double[] a, double[] b, PointMetric metric) {
        int dim = Costs.dimension("x", x);
        int dimY = Costs.dimension("y", y);
        if (dim != dimY) {
            throw new IllegalArgumentException("points x have " + dim + " coordinates but points y have " + dimY
                    + "; both clouds must live in the same space");
        }
        return new PointClouds(Costs.flatten(x, dim), x.length, Costs.flatten(y, dim), y.length, dim, a, b, metric);
    }

    /** The n×m cost matrix, as {@link Costs#pairwise(double[], int, double[], int, int, PointMetric)}. */
    public CostMatrix costs() {
        return Costs.pairwise(x, n, y, m, dim, metric);
    }

    /** Whether both clouds have the same size and every weight is the same (so OT is an assignment). */
    public boolean isAssignment() {
        return n == m && Weights.allEqual(a) && Weights.allEqual(b);
    }
}
