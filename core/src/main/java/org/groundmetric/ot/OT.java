package org.groundmetric.ot;

import java.util.Arrays;

/**
 * The short, POT-like way in: {@code OT.emd(a, b, M)}, {@code OT.emd2(a, b, M)},
 * {@code OT.sinkhorn(a, b, M, reg)}, {@code OT.uniform(n)}.
 *
 * <pre>{@code
 * CostMatrix m = Costs.pairwise(x, y, PointMetric.EUCLIDEAN);
 * double w = OT.emd2(OT.uniform(x.length), OT.uniform(y.length), m);
 * }</pre>
 *
 * With the points themselves, {@code OT.emd(PointClouds)} picks the fastest exact solver for the
 * problem ({@link Solver#fastestExact}); the cost matrix is then formed only if that solver needs it.
 *
 * Weights are checked here: empty, negative, NaN/infinite or unequal total masses (beyond 1e-9
 * relative) are refused with a message naming {@code a} or {@code b}.
 */
public final class OT {
    private static final NetworkSimplex EXACT = new NetworkSimplex();

    private OT() {
    }

    /** n equal weights 1/n. */
    public static double[] uniform(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("uniform weights need at least one point, got n = " + n);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    /** Exact optimal transport (network simplex): value, sparse plan and dual potentials. */
    public static Transport emd(double[] a, double[] b, CostMatrix cost) {
        return EXACT.solve(a, b, cost);
    }

    /**
     * Exact optimal transport between two weighted point clouds by the fastest exact solver for
     * them ({@link Solver#fastestExact}), e.g.
     * {@code OT.emd(PointClouds.uniform(x, n, y, m, dim, PointMetric.EUCLIDEAN))}.
     */
    public static Transport emd(PointClouds problem) {
        return Solver.AUTO.solve(problem);
    }

    /** The exact optimal transport cost (the Wasserstein-1 distance for a metric cost). */
    public static double emd2(double[] a, double[] b, CostMatrix cost) {
        return emd(a, b, cost).value();
    }

    /** Entropic optimal transport with absolute regulariser {@code reg} (log-domain Sinkhorn). */
    public static Transport sinkhorn(double[] a, double[] b, CostMatrix cost, double reg) {
        return new Sinkhorn(reg).solve(a, b, cost);
    }
}
