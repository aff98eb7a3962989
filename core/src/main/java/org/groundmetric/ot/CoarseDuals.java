package org.groundmetric.ot;

import java.util.Arrays;

/**
 * Start potentials for an exact solve from a coarse version of the same problem (the multiscale
 * idea of Mérigot and Schmitzer): each cloud is cut into {@link KdClusters}, the transport between
 * the cluster centres (weighted by cluster mass) is solved exactly, and its source duals Uᵢ are
 * carried to every fine target point j by the c-transform vⱼ = min_I (c(X_I, yⱼ) − U_I).
 *
 * <p>Why: a solver that picks its candidate arcs by the cheapest cost alone fails on clouds that
 * lie apart (every source then prefers the same near side of the target cloud, and the optimal
 * plan is decided by small differences on top of a large common distance); under cᵢⱼ − vⱼ with
 * these v, each source's cheapest columns are where the plan really goes. The duals are only a
 * start: exactness comes from the solver's pricing over all arcs.
 */
final class CoarseDuals {
    /**
     * Fine points per cluster. 4 against 8: the network simplex needs 10–40% fewer pivots from the
     * finer start (the coarse problem, a quarter of the size, is itself solved from a coarse start),
     * and the assignment's auction fewer full scans of rows on clustered clouds; 16 was slower.
     */
    static final int POINTS_PER_CLUSTER = 4;
    /** Problems whose smaller side has fewer points are solved without a coarse start. */
    static final int SMALLEST = 64;

    private CoarseDuals() {
    }

    /** Points of at least this many coordinates are "many dimensions" for {@link #paysForNetworkSimplex}. */
    static final int MANY_DIMENSIONS = 16;
    /** In many dimensions, problems whose smaller side has fewer points start the simplex without a coarse start. */
    static final int SMALLEST_IN_MANY_DIMENSIONS = 1000;

    /** Whether a problem of n×m points is large enough for a coarse start to pay. */
    static boolean pays(int n, int m) {
        return Math.min(n, m) >= SMALLEST;
    }

    /**
     * Whether the network simplex gains from a coarse start on this problem: in few dimensions
     * from {@value #SMALLEST} points on, in {@value #MANY_DIMENSIONS} or more only from
     * {@value #SMALLEST_IN_MANY_DIMENSIONS}: there the c-transform costs K·m·dim, and with all
     * distances alike the coarse duals say little (normal clouds in 100-D, thread CPU: 300 points
     * 5.8 ms with the start against 3.7 ms without; even at 1000 and 2000; 0.94 s against 1.18 s at 5000).
     */
    static boolean paysForNetworkSimplex(PointClouds p) {
        int smaller = Math.min(p.n(), p.m());
        return pays(p.n(), p.m()) && (p.dim() < MANY_DIMENSIONS || smaller >= SMALLEST_IN_MANY_DIMENSIONS);
    }

    /** Column potentials v (length m) for the problem, from its exactly solved coarse version. */
    static double[] columnPotentials(PointClouds p) {
        return of(p).v();
    }

    /**
     * The coarse solution carried to the fine problem: the column potentials v, the clusters of
     * both clouds, and the coarse plan between them.
     */
    record Start(double[] v, KdClusters sources, KdClusters targets, TransportPlan plan, double value) {
    }

    /** Clusters both clouds, solves the coarse problem exactly, and carries its duals to the targets. */
    static Start of(PointClouds p) {
        KdClusters xs = KdClusters.of(p.x(), p.a(), p.n(), p.dim(), clusters(p.n()));
        KdClusters ys = KdClusters.of(p.y(), p.b(), p.m(), p.dim(), clusters(p.m()));
        PointClouds coarse = new PointClouds(xs.centres, xs.count, ys.centres, ys.count, p.dim(), xs.mass, ys.mass,
                p.metric());
        Transport t = new NetworkSimplex().solve(coarse);
        return new Start(cTransform(xs.centres, xs.count, t.u(), p), xs, ys, t.plan(), t.value());
    }

    private static int clusters(int points) {
        return Math.max(1, points / POINTS_PER_CLUSTER);
    }

    /** vⱼ = min over the K coarse sources I of c(X_I, yⱼ) − U_I. */
    private static double[] cTransform(double[] centres, int k, double[] u, PointClouds p) {
        RowCosts rows = new RowCosts(p.y(), p.m(), p.dim(), p.metric());
        double[] v = new double[p.m()];
        double[] row = new double[p.m()];
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        for (int c = 0; c < k; c++) {
            rows.row(centres, c, row);
            double uc = u[c];
            for (int j = 0; j < v.length; j++) {
                v[j] = Math.min(v[j], row[j] - uc);
            }
        }
        return v;
    }
}
