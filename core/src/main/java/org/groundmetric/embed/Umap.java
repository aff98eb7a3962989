package org.groundmetric.embed;

import java.util.List;
import org.groundmetric.Progress;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.linalg.PrincipalComponents;
import org.groundmetric.neighbours.NearestNeighbours;
import org.groundmetric.neighbours.Neighbours;

/**
 * UMAP (McInnes, Healy &amp; Melville 2018) to two dimensions: the fuzzy simplicial set
 * ({@link FuzzyGraph}) of the exact k-nearest-neighbour graph ({@link NearestNeighbours}), laid out
 * by stochastic gradient descent with negative sampling ({@link UmapLayout}) under a fitted
 * similarity curve ({@link UmapCurve}).
 *
 * <p>Written here rather than taken from Maven Central: the Java port by tag.bio is not published
 * there under its own coordinates (only as a vendored copy), and its parallel layout is not
 * reproducible from a seed. This implementation follows umap-learn's algorithm with its defaults
 * (15 neighbours, min_dist 0.1, spread 1, 5 negative samples per positive, learning rate 1, 500
 * epochs up to 10,000 points and 200 above); the neighbour search runs in parallel (each row's
 * result is independent of the others), the layout runs on one seeded stream, so the same seed
 * gives the same picture on any machine.
 */
public final class Umap {

    /**
     * Settings.
     *
     * @param neighbours      size of the local neighbourhood (umap-learn's n_neighbors)
     * @param minDist         smallest distance between points in the layout
     * @param spread          scale of the layout's clusters
     * @param epochs          layout epochs; 0 = 500 for up to 10,000 points, 200 above
     * @param negativeSamples repulsive samples per attractive one
     * @param learningRate    initial step size, decays linearly to 0
     * @param seed            seed of the initial jitter and the negative sampling
     */
    public record Config(int neighbours, double minDist, double spread, int epochs, int negativeSamples,
                         double learningRate, long seed) {
        public Config {
            if (neighbours < 2) {
                throw new IllegalArgumentException("UMAP neighbours must be ≥ 2, got " + neighbours);
            }
            if (!(minDist >= 0) || !(spread > 0) || minDist > spread) {
                throw new IllegalArgumentException("UMAP needs 0 ≤ minDist ≤ spread, spread > 0; got minDist="
                        + minDist + ", spread=" + spread);
            }
            if (epochs < 0 || negativeSamples < 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("UMAP needs epochs ≥ 0, negativeSamples ≥ 0, learningRate > 0; got "
                        + epochs + ", " + negativeSamples + ", " + learningRate);
            }
        }

        /** umap-learn's defaults with the given seed. */
        public static Config defaults(long seed) {
            return new Config(15, 0.1, 1.0, 0, 5, 1.0, seed);
        }

        public Config withNeighbours(int t) {
            return new Config(t, minDist, spread, epochs, negativeSamples, learningRate, seed);
        }

        public Config withEpochs(int e) {
            return new Config(neighbours, minDist, spread, e, negativeSamples, learningRate, seed);
        }
    }

    private final Config config;
    private final UmapCurve curve;

    public Umap(Config config) {
        this.config = config;
        this.curve = UmapCurve.fit(config.spread(), config.minDist());
    }

    /**
     * Embeds n points given row-major as n×dim coordinates (e.g. the cells' k-dimensional
     * projection X·Wᵀ) under the Euclidean distance. Starts from the points' two principal axes.
     */
    public double[][] embed(double[] points, int dim, Progress progress) {
        if (dim < 1 || points.length % dim != 0) {
            throw new IllegalArgumentException("points hold " + points.length + " values, not a multiple of dim="
                    + dim);
        }
        int n = points.length / dim;
        checkSize(n);
        Neighbours knn = NearestNeighbours.euclidean(points, dim, Math.min(config.neighbours(), n - 1));
        return layout(knn, principalAxes(points, n, dim), progress);
    }

    /**
     * Embeds n items given by their symmetric n×n distances (e.g. the W_θ matrix between samples).
     * Starts from their classical MDS.
     */
    public double[][] embedDistances(double[][] distances, Progress progress) {
        ClassicalMds.checkDistances(distances);
        int n = distances.length;
        checkSize(n);
        Neighbours knn = NearestNeighbours.precomputed(distances, Math.min(config.neighbours(), n - 1));
        double[][] init = ClassicalMds.embed(distances, 2);
        return layout(knn, init, progress);
    }

    /**
     * Embeds n points whose neighbours were found under another distance (e.g. a blend of metrics,
     * {@link BlendedNeighbours}); starts from the two principal axes of {@code start} (n×dim).
     */
    public double[][] embedNeighbours(Neighbours knn, double[] start, int dim, Progress progress) {
        checkSize(knn.queries());
        return layout(knn, principalAxes(start, knn.queries(), dim), progress);
    }

    /** The fitted a, b of the layout's similarity 1 / (1 + a·d^(2b)). */
    public double[] curve() {
        return new double[] {curve.a(), curve.b()};
    }

    private static void checkSize(int n) {
        if (n < 3) {
            throw new IllegalArgumentException("UMAP needs at least 3 points, got " + n);
        }
    }

    private double[][] layout(Neighbours knn, double[][] init, Progress progress) {
        return new UmapLayout(config, curve).run(FuzzyGraph.of(knn), init, progress);
    }

    /** The points' coordinates on their two principal axes (a deterministic, structure-keeping start). */
    static double[][] principalAxes(double[] p, int n, int dim) {
        float[] cells = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            cells[i] = (float) p[i];
        }
        DenseMatrix points = new DenseMatrix(n, dim, cells);
        PrincipalComponents axes = PrincipalComponents.fit(List.of(points), Math.min(2, dim), 0);
        double[] y = axes.project(points);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int axis = 0; axis < axes.count(); axis++) {
                out[i][axis] = y[i * axes.count() + axis];
            }
        }
        return out;
    }
}
