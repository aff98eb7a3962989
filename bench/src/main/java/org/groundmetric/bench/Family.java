package org.groundmetric.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.PointMetric;

/**
 * The families of exact-transport problems the solvers are measured on (seeded), from the
 * README's easy case (two uniform clouds) to the ones that are hard for a solver that looks at
 * the cheapest arcs first: clouds apart, clusters, high dimension, unequal sizes, non-uniform
 * weights, other metrics and heavy ties. Points are 5-dimensional unless the name says otherwise.
 */
public enum Family {
    /** Two uniform clouds in the unit cube (the README's former single table). */
    UNIFORM("uniform in [0,1)^5, both clouds"),
    /** Normal against 1.3·normal + 0.4. */
    SCALED("normal vs 1.3*normal + 0.4"),
    /** Normal against normal + 5 in every coordinate: the clouds lie far apart. */
    FAR("normal vs normal + 5 (far apart)"),
    /** 8 cell-type clusters (centres 4·normal, unit spread), the second cloud shifted by 0.5. */
    CLUSTERS("8 clusters, second cloud shifted"),
    /** The same 8 clusters in 50 dimensions. */
    CLUSTERS_50D("8 clusters in 50-D, shifted"),
    /** Normal against normal + 0.3 in 100 dimensions: all distances nearly equal. */
    HIGH_DIM("normal vs normal + 0.3 in 100-D"),
    /** SCALED with 0.6·n target points. */
    UNEQUAL("scaled, m = 0.6 n"),
    /** SCALED with exponential random weights on both sides. */
    WEIGHTS("scaled, exponential weights"),
    /** FAR with exponential random weights on both sides. */
    FAR_WEIGHTS("far apart, exponential weights"),
    /** SCALED under the squared Euclidean cost. */
    SQEUCLIDEAN("scaled, sqeuclidean cost"),
    /** SCALED under the cityblock (L1) cost. */
    CITYBLOCK("scaled, cityblock cost"),
    /** Distinct points of an integer grid in 3-D, the second cloud shifted by one step: heavy ties among costs. */
    TIES("distinct integer grid points in 3-D, ties"),
    /** Integer points of {0..4}^3, the second cloud shifted by one step: every point repeated many times. */
    DUPLICATES("integer points of {0..4}^3, repeated");

    private final String description;

    Family(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The lower-case name used in file names and tables, e.g. {@code clusters_50d}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The problem of this family with n source points, from the seed. */
    public PointClouds generate(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + ordinal());
        return switch (this) {
            case UNIFORM -> uniform(uniformCube(rng, n, 5), uniformCube(rng, n, 5), 5, PointMetric.EUCLIDEAN);
            case SCALED -> scaled(rng, n, n, PointMetric.EUCLIDEAN);
            case FAR -> uniform(normal(rng, n, 5, 1, 0), normal(rng, n, 5, 1, 5), 5, PointMetric.EUCLIDEAN);
            case CLUSTERS -> clusters(rng, n, 5);
            case CLUSTERS_50D -> clusters(rng, n, 50);
            case HIGH_DIM -> uniform(normal(rng, n, 100, 1, 0), normal(rng, n, 100, 1, 0.3), 100, PointMetric.EUCLIDEAN);
            case UNEQUAL -> scaled(rng, n, Math.max(1, (int) Math.round(0.6 * n)), PointMetric.EUCLIDEAN);
            case WEIGHTS -> weighted(rng, scaled(rng, n, n, PointMetric.EUCLIDEAN));
            case FAR_WEIGHTS -> weighted(rng, uniform(normal(rng, n, 5, 1, 0), normal(rng, n, 5, 1, 5), 5,
                    PointMetric.EUCLIDEAN));
            case SQEUCLIDEAN -> scaled(rng, n, n, PointMetric.SQEUCLIDEAN);
            case CITYBLOCK -> scaled(rng, n, n, PointMetric.CITYBLOCK);
            case TIES -> uniform(distinctGrid(rng, n, 0), distinctGrid(rng, n, 1), 3, PointMetric.EUCLIDEAN);
            case DUPLICATES -> uniform(grid(rng, n, 0), grid(rng, n, 1), 3, PointMetric.EUCLIDEAN);
        };
    }

    private static PointClouds uniform(double[] x, double[] y, int dim, PointMetric metric) {
        return PointClouds.uniform(x, x.length / dim, y, y.length / dim, dim, metric);
    }

    private static PointClouds scaled(SplittableRandom rng, int n, int m, PointMetric metric) {
        return uniform(normal(rng, n, 5, 1, 0), normal(rng, m, 5, 1.3, 0.4), 5, metric);
    }

    private static PointClouds weighted(SplittableRandom rng, PointClouds p) {
        return new PointClouds(p.x(), p.n(), p.y(), p.m(), p.dim(), exponential(rng, p.n()), exponential(rng, p.m()),
                p.metric());
    }

    private static double[] uniformCube(SplittableRandom rng, int n, int dim) {
        double[] p = new double[n * dim];
        Arrays.setAll(p, k -> rng.nextDouble());
        return p;
    }

    private static double[] normal(SplittableRandom rng, int n, int dim, double scale, double shift) {
        double[] p = new double[n * dim];
        for (int k = 0; k < p.length; k++) {
            p[k] = scale * gaussian(rng) + shift;
        }
        return p;
    }

    private static PointClouds clusters(SplittableRandom rng, int n, int dim) {
        double[] centres = normal(rng, 8, dim, 4, 0);
        double[] x = new double[n * dim];
        double[] y = new double[n * dim];
        for (int i = 0; i < n; i++) {
            int cx = rng.nextInt(8);
            int cy = rng.nextInt(8);
            for (int q = 0; q < dim; q++) {
                x[i * dim + q] = centres[cx * dim + q] + gaussian(rng);
                y[i * dim + q] = centres[cy * dim + q] + gaussian(rng) + 0.5;
            }
        }
        return uniform(x, y, dim, PointMetric.EUCLIDEAN);
    }

    private static double[] grid(SplittableRandom rng, int n, int shift) {
        double[] p = new double[n * 3];
        for (int k = 0; k < p.length; k++) {
            p[k] = rng.nextInt(5) + (k % 3 == 0 ? shift : 0);
        }
        return p;
    }

    /** n distinct points of the grid {0..L−1}³ with L³ ≥ 2n (a seeded partial shuffle), shifted on axis 0. */
    private static double[] distinctGrid(SplittableRandom rng, int n, int shift) {
        int side = (int) Math.ceil(Math.cbrt(2.0 * n));
        int cells = side * side * side;
        int[] order = new int[cells];
        for (int c = 0; c < cells; c++) {
            order[c] = c;
        }
        double[] p = new double[n * 3];
        for (int i = 0; i < n; i++) {
            int pick = i + rng.nextInt(cells - i);
            int c = order[pick];
            order[pick] = order[i];
            order[i] = c;
            p[i * 3] = c % side + shift;
            p[i * 3 + 1] = (c / side) % side;
            p[i * 3 + 2] = c / (side * side);
        }
        return p;
    }

    private static double[] exponential(SplittableRandom rng, int n) {
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = -Math.log(1 - rng.nextDouble());
            total += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return w;
    }

    /** A standard normal draw (Box–Muller; SplittableRandom has none). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** The size of problem {@code n} of this family as "n×m". */
    public String shape(int n) {
        return n + "×" + (this == UNEQUAL ? Math.max(1, (int) Math.round(0.6 * n)) : n);
    }
}
