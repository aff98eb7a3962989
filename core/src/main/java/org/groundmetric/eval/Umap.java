package org.groundmetric.eval;

import org.groundmetric.linalg.SymmetricEigen;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.groundmetric.Progress;

/**
 * UMAP (McInnes, Healy &amp; Melville 2018) to two dimensions: the fuzzy simplicial set of the exact
 * k-nearest-neighbour graph, laid out by stochastic gradient descent with negative sampling.
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
    private final double a;
    private final double b;

    public Umap(Config config) {
        this.config = config;
        double[] ab = fitCurve(config.spread(), config.minDist());
        this.a = ab[0];
        this.b = ab[1];
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
        Neighbours knn = Neighbours.euclidean(points, dim, Math.min(config.neighbours(), n - 1));
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
        Neighbours knn = Neighbours.precomputed(distances, Math.min(config.neighbours(), n - 1));
        double[][] init = ClassicalMds.embed(distances, 2);
        return layout(knn, init, progress);
    }

    /** The fitted a, b of the layout's similarity 1 / (1 + a·d^(2b)). */
    public double[] curve() {
        return new double[] {a, b};
    }

    private static void checkSize(int n) {
        if (n < 3) {
            throw new IllegalArgumentException("UMAP needs at least 3 points, got " + n);
        }
    }

    // ---------------------------------------------------------------- the fuzzy simplicial set

    /** Exact k-nearest neighbours, each row sorted by distance then index (so ties are reproducible). */
    record Neighbours(int[][] index, double[][] distance) {

        /** Up to this many dimensions a k-d tree beats scanning all pairs (the rank k of a metric is small). */
        static final int KD_TREE_MAX_DIM = 16;

        static Neighbours euclidean(double[] p, int dim, int k) {
            int n = p.length / dim;
            if (dim <= KD_TREE_MAX_DIM) {
                return viaKdTree(p, n, dim, k);
            }
            int[][] idx = new int[n][];
            double[][] dst = new double[n][];
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] d = new double[n];
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int c = 0; c < dim; c++) {
                        double diff = p[i * dim + c] - p[j * dim + c];
                        s += diff * diff;
                    }
                    d[j] = Math.sqrt(s);
                }
                select(i, d, k, idx, dst);
            });
            return new Neighbours(idx, dst);
        }

        /**
         * Exact neighbours from a k-d tree: each point's k + 1 nearest, itself removed. The tree
         * orders ties by index as {@link #select} does, so both paths give the same graph.
         */
        private static Neighbours viaKdTree(double[] p, int n, int dim, int k) {
            KdTree.Neighbours found = new KdTree(p, n, dim).query(p, n, k + 1);
            int[][] idx = new int[n][k];
            double[][] dst = new double[n][k];
            for (int i = 0; i < n; i++) {
                int m = 0;
                for (int j = 0; j <= k && m < k; j++) {
                    int other = found.index(i, j);
                    if (other != i) {
                        idx[i][m] = other;
                        dst[i][m++] = found.distance(i, j);
                    }
                }
            }
            return new Neighbours(idx, dst);
        }

        static Neighbours precomputed(double[][] d, int k) {
            int n = d.length;
            int[][] idx = new int[n][];
            double[][] dst = new double[n][];
            for (int i = 0; i < n; i++) {
                select(i, d[i], k, idx, dst);
            }
            return new Neighbours(idx, dst);
        }

        /** The k smallest of row {@code d}, self excluded: a bounded max-heap, then sorted. */
        private static void select(int self, double[] d, int k, int[][] idx, double[][] dst) {
            int[] heap = new int[k];
            int size = 0;
            for (int j = 0; j < d.length; j++) {
                if (j == self) {
                    continue;
                }
                if (size < k) {
                    heap[size++] = j;
                    siftUp(heap, size - 1, d);
                } else if (before(j, heap[0], d)) {
                    heap[0] = j;
                    siftDown(heap, size, d);
                }
            }
            Integer[] order = new Integer[k];
            for (int r = 0; r < k; r++) {
                order[r] = heap[r];
            }
            Arrays.sort(order, (x, y) -> before(x, y, d) ? -1 : (x.equals(y) ? 0 : 1));
            idx[self] = new int[k];
            dst[self] = new double[k];
            for (int r = 0; r < k; r++) {
                idx[self][r] = order[r];
                dst[self][r] = d[order[r]];
            }
        }

        private static boolean before(int x, int y, double[] d) {
            return d[x] < d[y] || (d[x] == d[y] && x < y);
        }

        private static void siftUp(int[] h, int i, double[] d) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!before(h[parent], h[i], d)) {
                    return;
                }
                int t = h[parent];
                h[parent] = h[i];
                h[i] = t;
                i = parent;
            }
        }

        private static void siftDown(int[] h, int size, double[] d) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int largest = i;
                if (l < size && before(h[largest], h[l], d)) {
                    largest = l;
                }
                if (r < size && before(h[largest], h[r], d)) {
                    largest = r;
                }
                if (largest == i) {
                    return;
                }
                int t = h[largest];
                h[largest] = h[i];
                h[i] = t;
                i = largest;
            }
        }
    }

    /** Directed edges of the symmetrised fuzzy graph (both directions present), with weights. */
    record Graph(int[] head, int[] tail, double[] weight) {
    }

    /**
     * Membership of j in i's neighbourhood is exp(−(d − ρᵢ)/σᵢ), ρᵢ the distance to the nearest
     * neighbour and σᵢ chosen so the memberships sum to log₂ k; the two directions are joined by
     * the fuzzy union a + b − a·b.
     */
    static Graph fuzzyGraph(Neighbours knn) {
        int n = knn.index().length;
        int k = knn.index()[0].length;
        double[][] w = new double[n][k];
        double meanDistance = 0;
        for (double[] row : knn.distance()) {
            for (double x : row) {
                meanDistance += x;
            }
        }
        meanDistance /= (double) n * k;
        double target = Math.log(k) / Math.log(2);
        for (int i = 0; i < n; i++) {
            double[] d = knn.distance()[i];
            double rho = 0;
            for (double x : d) {
                if (x > 0) {
                    rho = x;
                    break;
                }
            }
            double sigma = bandwidth(d, rho, target);
            double rowMean = Arrays.stream(d).average().orElse(0);
            // As umap-learn: σ never falls below 1e-3 of the mean neighbour distance.
            sigma = Math.max(sigma, 1e-3 * (rho > 0 ? rowMean : meanDistance));
            for (int r = 0; r < k; r++) {
                double excess = d[r] - rho;
                w[i][r] = excess <= 0 ? 1.0 : Math.exp(-excess / sigma);
            }
        }
        int[] head = new int[2 * n * k];
        int[] tail = new int[2 * n * k];
        double[] weight = new double[2 * n * k];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                int j = knn.index()[i][r];
                int back = indexOf(knn.index()[j], i);
                double wij = w[i][r];
                double wji = back < 0 ? 0 : w[j][back];
                double sym = wij + wji - wij * wji;
                head[m] = i;
                tail[m] = j;
                weight[m++] = sym;
                if (back < 0) {
                    // j does not list i, so j's loop will not add the reverse direction.
                    head[m] = j;
                    tail[m] = i;
                    weight[m++] = sym;
                }
            }
        }
        return new Graph(Arrays.copyOf(head, m), Arrays.copyOf(tail, m), Arrays.copyOf(weight, m));
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** Binary search for σ with Σ_r exp(−max(0, d_r − ρ)/σ) = target. */
    private static double bandwidth(double[] d, double rho, double target) {
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1;
        for (int it = 0; it < 64; it++) {
            double s = 0;
            for (double x : d) {
                double excess = x - rho;
                s += excess > 0 ? Math.exp(-excess / mid) : 1;
            }
            if (Math.abs(s - target) < 1e-5) {
                break;
            }
            if (s > target) {
                hi = mid;
                mid = (lo + hi) / 2;
            } else {
                lo = mid;
                mid = Double.isInfinite(hi) ? mid * 2 : (lo + hi) / 2;
            }
        }
        return mid;
    }

    // ---------------------------------------------------------------- the layout

    private double[][] layout(Neighbours knn, double[][] init, Progress progress) {
        int n = init.length;
        Graph g = fuzzyGraph(knn);
        int epochs = config.epochs() > 0 ? config.epochs() : (n <= 10_000 ? 500 : 200);
        double maxWeight = Arrays.stream(g.weight()).max().orElse(1);
        int edges = g.head().length;
        double[] perSample = new double[edges];
        for (int e = 0; e < edges; e++) {
            // Edges too weak to be sampled even once in all epochs are dropped, as umap-learn does.
            perSample[e] = g.weight()[e] < maxWeight / epochs ? -1 : maxWeight / g.weight()[e];
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] y = startingLayout(init, random);
        optimise(y, n, g, perSample, epochs, random, progress);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = y[2 * i];
            out[i][1] = y[2 * i + 1];
        }
        return out;
    }

    /** The initial layout rescaled to [0, 10] per axis, plus a little seeded jitter against ties. */
    private static double[] startingLayout(double[][] init, SplittableRandom random) {
        int n = init.length;
        double[] y = new double[2 * n];
        for (int c = 0; c < 2; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] p : init) {
                min = Math.min(min, p[c]);
                max = Math.max(max, p[c]);
            }
            double scale = max > min ? 10 / (max - min) : 0;
            for (int i = 0; i < n; i++) {
                y[2 * i + c] = (init[i][c] - min) * scale + 1e-4 * random.nextGaussian();
            }
        }
        return y;
    }

    private void optimise(double[] y, int n, Graph g, double[] perSample, int epochs, SplittableRandom random,
                          Progress progress) {
        int edges = perSample.length;
        int negRate = config.negativeSamples();
        double[] nextSample = perSample.clone();
        double[] perNegative = new double[edges];
        double[] nextNegative = new double[edges];
        for (int e = 0; e < edges; e++) {
            perNegative[e] = negRate == 0 ? Double.POSITIVE_INFINITY : perSample[e] / negRate;
            nextNegative[e] = perNegative[e];
        }
        int[] head = g.head();
        int[] tail = g.tail();
        progress.start("UMAP epochs", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = config.learningRate() * (1 - (double) epoch / epochs);
            for (int e = 0; e < edges; e++) {
                if (perSample[e] < 0 || nextSample[e] > epoch) {
                    continue;
                }
                int i = head[e];
                int j = tail[e];
                attract(y, i, j, alpha);
                nextSample[e] += perSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
                for (int s = 0; s < negatives; s++) {
                    int other = random.nextInt(n);
                    if (other != i) {
                        repel(y, i, other, alpha);
                    }
                }
                nextNegative[e] += negatives * perNegative[e];
            }
            progress.advance(1, null);
        }
        progress.finish();
    }

    private void attract(double[] y, int i, int j, double alpha) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        double d2 = dx * dx + dy * dy;
        if (d2 <= 0) {
            return;
        }
        double d2b = Math.pow(d2, b); // one pow per update: d2^(b−1) = d2^b / d2
        double coeff = -2 * a * b * (d2b / d2) / (a * d2b + 1);
        double gx = clip(coeff * dx) * alpha;
        double gy = clip(coeff * dy) * alpha;
        y[2 * i] += gx;
        y[2 * i + 1] += gy;
        y[2 * j] -= gx;
        y[2 * j + 1] -= gy;
    }

    private void repel(double[] y, int i, int k, double alpha) {
        double dx = y[2 * i] - y[2 * k];
        double dy = y[2 * i + 1] - y[2 * k + 1];
        double d2 = dx * dx + dy * dy;
        if (d2 <= 0) {
            // Coincident points: push apart with the largest step, as umap-learn does.
            y[2 * i] += 4 * alpha;
            y[2 * i + 1] += 4 * alpha;
            return;
        }
        double coeff = 2 * b / ((0.001 + d2) * (a * Math.pow(d2, b) + 1));
        y[2 * i] += clip(coeff * dx) * alpha;
        y[2 * i + 1] += clip(coeff * dy) * alpha;
    }

    private static double clip(double v) {
        return Math.max(-4, Math.min(4, v));
    }

    // ---------------------------------------------------------------- curve and initialisation

    /**
     * Least-squares fit of 1/(1 + a·x^(2b)) to the target similarity (1 below minDist, then
     * exp(−(x − minDist)/spread)) on 300 points in [0, 3·spread]: a coarse grid, then refinement.
     */
    static double[] fitCurve(double spread, double minDist) {
        double[] xs = new double[300];
        double[] ys = new double[300];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 3 * spread * i / (xs.length - 1);
            ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
        }
        double logA = Math.log(1.0);
        double bb = 1.0;
        double stepLogA = 2.0;
        double stepB = 0.5;
        for (int round = 0; round < 40; round++) {
            double bestErr = Double.POSITIVE_INFINITY;
            double bestLogA = logA;
            double bestB = bb;
            for (int p = -10; p <= 10; p++) {
                for (int q = -10; q <= 10; q++) {
                    double la = logA + stepLogA * p / 10;
                    double bq = bb + stepB * q / 10;
                    if (bq <= 0.05) {
                        continue;
                    }
                    double err = curveError(Math.exp(la), bq, xs, ys);
                    if (err < bestErr) {
                        bestErr = err;
                        bestLogA = la;
                        bestB = bq;
                    }
                }
            }
            logA = bestLogA;
            bb = bestB;
            stepLogA *= 0.5;
            stepB *= 0.5;
        }
        return new double[] {Math.exp(logA), bb};
    }

    private static double curveError(double a, double b, double[] xs, double[] ys) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = 1 / (1 + a * Math.pow(xs[i], 2 * b)) - ys[i];
            s += r * r;
        }
        return s;
    }

    /** The points' coordinates on their two principal axes (a deterministic, structure-keeping start). */
    static double[][] principalAxes(double[] p, int n, int dim) {
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dim; c++) {
                mean[c] += p[i * dim + c];
            }
        }
        for (int c = 0; c < dim; c++) {
            mean[c] /= n;
        }
        double[][] cov = new double[dim][dim];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < dim; r++) {
                double xr = p[i * dim + r] - mean[r];
                for (int c = r; c < dim; c++) {
                    cov[r][c] += xr * (p[i * dim + c] - mean[c]);
                }
            }
        }
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < r; c++) {
                cov[r][c] = cov[c][r];
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(cov);
        double[][] out = new double[n][2];
        for (int axis = 0; axis < Math.min(2, dim); axis++) {
            double[] v = eig.largestVector(axis);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int c = 0; c < dim; c++) {
                    s += (p[i * dim + c] - mean[c]) * v[c];
                }
                out[i][axis] = s;
            }
        }
        return out;
    }
}
