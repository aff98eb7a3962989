package org.groundmetric.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Seeded k-means of one sample's cells in feature space (scikit-learn's {@code KMeans} with
 * {@code init="k-means++"}, one start): k-means++ seeding, then Lloyd steps until no cell changes
 * cluster (at most {@link #MAX_STEPS}). Sparse-aware: the squared distance of a cell to a centroid
 * is ‖x‖² − 2x·c + ‖c‖², and x·c reads only the cell's stored entries, against the centroids laid
 * out feature by feature (one cache line feeds every centroid). Hamerly's bounds skip a cell whose
 * centroid cannot have changed: its distance to its own centroid (an upper bound) against the
 * distance to the second nearest (a lower bound), both moved by how far the centroids moved.
 * Everything is computed in double, in a fixed order, from the seed alone.
 */
public final class KMeans {

    /** Lloyd steps at most (scikit-learn: 300; cells settle in far fewer). */
    public static final int MAX_STEPS = 100;

    /**
     * The clustering: each cell's cluster (0..clusters−1, every cluster non-empty) and the steps taken.
     *
     * @param labels   one cluster index per cell
     * @param clusters how many clusters (the requested count, or fewer when the sample has fewer
     *                 distinct cells)
     * @param steps    Lloyd steps until no cell moved
     */
    public record Clustering(int[] labels, int clusters, int steps) {
    }

    private final CellMatrix x;
    private final int n;
    private final int d;
    private final double[] rowNorm;
    /** The dot products of one cell with every centroid (scratch). */
    private final double[] dots;
    /** Centroids feature-major: centroid c's feature j at j·k + c. */
    private double[] byFeature;
    private double[] centroidNorm;
    private int k;

    private KMeans(CellMatrix x, int clusters) {
        this.x = x;
        this.n = x.rows();
        this.d = x.cols();
        this.rowNorm = new double[n];
        for (int i = 0; i < n; i++) {
            rowNorm[i] = squaredNorm(i);
        }
        this.dots = new double[clusters];
    }

    /**
     * Clusters the rows of {@code x} into {@code clusters} groups. A sample with at most that many
     * cells keeps each cell as its own cluster.
     */
    public static Clustering cluster(CellMatrix x, int clusters, long seed) {
        if (clusters < 1) {
            throw new IllegalArgumentException("k-means needs at least 1 cluster, got " + clusters);
        }
        int n = x.rows();
        if (n <= clusters) {
            int[] own = new int[n];
            for (int i = 0; i < n; i++) {
                own[i] = i;
            }
            return new Clustering(own, n, 0);
        }
        KMeans km = new KMeans(x, clusters);
        return km.lloyd(km.seeds(clusters, new SplittableRandom(seed)));
    }

    /**
     * Lloyd's steps from the given cells as the starting centroids (scikit-learn's
     * {@code KMeans(init=x[startCells], n_init=1, algorithm="lloyd")}); ties go to the lower index.
     */
    static Clustering lloyd(CellMatrix x, int[] startCells) {
        return new KMeans(x, startCells.length).lloyd(startCells);
    }

    private Clustering lloyd(int[] seeds) {
        k = seeds.length;
        double[] centroids = new double[k * d];
        for (int c = 0; c < k; c++) {
            addRow(seeds[c], 1, centroids, c * d);
        }
        setCentroids(centroids);
        int[] labels = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            assign(i, labels, upper, lower);
        }
        int steps = 0;
        while (steps < MAX_STEPS) {
            steps++;
            double[] moved = update(labels, centroids, upper, lower);
            double farthest = 0;
            double second = 0;
            for (double m : moved) {
                if (m > farthest) {
                    second = farthest;
                    farthest = m;
                } else if (m > second) {
                    second = m;
                }
            }
            int changed = 0;
            for (int i = 0; i < n; i++) {
                int own = labels[i];
                upper[i] += moved[own];
                lower[i] -= moved[own] == farthest ? second : farthest;
                if (upper[i] <= lower[i]) {
                    continue;
                }
                // Tighten the upper bound to the exact distance before searching every centroid.
                upper[i] = Math.sqrt(distance2(i, own));
                if (upper[i] <= lower[i]) {
                    continue;
                }
                if (assign(i, labels, upper, lower) != own) {
                    changed++;
                }
            }
            if (changed == 0) {
                break;
            }
        }
        return new Clustering(labels, k, steps);
    }

    /**
     * k-means++ seeding: the first centroid a uniformly drawn cell, each next one a cell drawn with
     * probability proportional to its squared distance to the nearest centroid so far. Stops early
     * when every cell coincides with a centroid (fewer distinct cells than clusters).
     */
    private int[] seeds(int clusters, SplittableRandom rng) {
        int[] chosen = new int[clusters];
        chosen[0] = rng.nextInt(n);
        double[] nearest = new double[n];
        double[] centre = new double[d];
        denseRow(chosen[0], centre);
        double centreNorm = rowNorm[chosen[0]];
        for (int i = 0; i < n; i++) {
            nearest[i] = Math.max(0, rowNorm[i] - 2 * dot(i, centre) + centreNorm);
        }
        int count = 1;
        while (count < clusters) {
            double total = 0;
            for (double v : nearest) {
                total += v;
            }
            if (!(total > 0)) {
                break;
            }
            double u = rng.nextDouble() * total;
            int pick = n - 1;
            double run = 0;
            for (int i = 0; i < n; i++) {
                run += nearest[i];
                if (u < run) {
                    pick = i;
                    break;
                }
            }
            while (nearest[pick] == 0) {
                pick--; // rounding at the very end of the sum: the last cell with mass
            }
            chosen[count++] = pick;
            Arrays.fill(centre, 0);
            denseRow(pick, centre);
            centreNorm = rowNorm[pick];
            for (int i = 0; i < n; i++) {
                double dist = Math.max(0, rowNorm[i] - 2 * dot(i, centre) + centreNorm);
                if (dist < nearest[i]) {
                    nearest[i] = dist;
                }
            }
        }
        return Arrays.copyOf(chosen, count);
    }

    /** Moves cell i to its nearest centroid (ties: the lower index); sets its bounds; returns the cluster. */
    private int assign(int i, int[] labels, double[] upper, double[] lower) {
        dotsWithCentroids(i);
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        double secondD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dist = Math.max(0, rowNorm[i] - 2 * dots[c] + centroidNorm[c]);
            if (dist < bestD) {
                secondD = bestD;
                bestD = dist;
                best = c;
            } else if (dist < secondD) {
                secondD = dist;
            }
        }
        labels[i] = best;
        upper[i] = Math.sqrt(bestD);
        lower[i] = Math.sqrt(secondD);
        return best;
    }

    /**
     * New centroids (means of their cells; an empty cluster takes the cell farthest from its own
     * centroid, whose bounds are then void); returns how far each centroid moved.
     */
    private double[] update(int[] labels, double[] centroids, double[] upper, double[] lower) {
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            addRow(i, 1, sums, labels[i] * d);
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int far = farthestMovable(labels, counts);
                addRow(far, -1, sums, labels[far] * d);
                counts[labels[far]]--;
                labels[far] = c;
                addRow(far, 1, sums, c * d);
                counts[c] = 1;
                upper[far] = Double.POSITIVE_INFINITY;
                lower[far] = Double.NEGATIVE_INFINITY;
            }
        }
        double[] moved = new double[k];
        for (int c = 0; c < k; c++) {
            double shift = 0;
            for (int j = 0; j < d; j++) {
                double mean = sums[c * d + j] / counts[c];
                double delta = mean - centroids[c * d + j];
                shift += delta * delta;
                centroids[c * d + j] = mean;
            }
            moved[c] = Math.sqrt(shift);
        }
        setCentroids(centroids);
        return moved;
    }

    /** The cell farthest from its centroid among clusters of more than one cell. */
    private int farthestMovable(int[] labels, int[] counts) {
        int far = -1;
        double farD = -1;
        for (int i = 0; i < n; i++) {
            if (counts[labels[i]] > 1) {
                double dist = distance2(i, labels[i]);
                if (dist > farD) {
                    farD = dist;
                    far = i;
                }
            }
        }
        return far;
    }

    private void setCentroids(double[] centroids) {
        byFeature = new double[d * k];
        centroidNorm = new double[k];
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = centroids[c * d + j];
                byFeature[j * k + c] = v;
                s += v * v;
            }
            centroidNorm[c] = s;
        }
    }

    private double distance2(int i, int c) {
        double s = 0;
        if (x instanceof CsrMatrix csr) {
            int[] idx = csr.columnIndices();
            float[] val = csr.values();
            for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                s += val[p] * byFeature[idx[p] * k + c];
            }
        } else {
            float[] data = ((DenseMatrix) x).data();
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += data[row + j] * byFeature[j * k + c];
            }
        }
        return Math.max(0, rowNorm[i] - 2 * s + centroidNorm[c]);
    }

    /** dots[c] = x_i · centroid c, for every centroid. */
    private void dotsWithCentroids(int i) {
        Arrays.fill(dots, 0, k, 0);
        if (x instanceof CsrMatrix csr) {
            int[] idx = csr.columnIndices();
            float[] val = csr.values();
            for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                double v = val[p];
                int base = idx[p] * k;
                for (int c = 0; c < k; c++) {
                    dots[c] += v * byFeature[base + c];
                }
            }
        } else {
            float[] data = ((DenseMatrix) x).data();
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double v = data[row + j];
                if (v == 0) {
                    continue;
                }
                int base = j * k;
                for (int c = 0; c < k; c++) {
                    dots[c] += v * byFeature[base + c];
                }
            }
        }
    }

    /** x_i · a dense vector (four running sums: one would wait on its previous addition at every entry). */
    private double dot(int i, double[] dense) {
        double s = 0;
        if (x instanceof CsrMatrix csr) {
            int[] idx = csr.columnIndices();
            float[] val = csr.values();
            int p = csr.rowStart(i);
            int end = csr.rowEnd(i);
            double s1 = 0, s2 = 0, s3 = 0;
            for (; p + 3 < end; p += 4) {
                s += val[p] * dense[idx[p]];
                s1 += val[p + 1] * dense[idx[p + 1]];
                s2 += val[p + 2] * dense[idx[p + 2]];
                s3 += val[p + 3] * dense[idx[p + 3]];
            }
            for (; p < end; p++) {
                s += val[p] * dense[idx[p]];
            }
            s += s1 + s2 + s3;
        } else {
            float[] data = ((DenseMatrix) x).data();
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += data[row + j] * dense[j];
            }
        }
        return s;
    }

    private double squaredNorm(int i) {
        double s = 0;
        if (x instanceof CsrMatrix csr) {
            float[] val = csr.values();
            for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                s += (double) val[p] * val[p];
            }
        } else {
            float[] data = ((DenseMatrix) x).data();
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += (double) data[row + j] * data[row + j];
            }
        }
        return s;
    }

    /** target[offset + j] += sign · x_i[j]. */
    private void addRow(int i, double sign, double[] target, int offset) {
        if (x instanceof CsrMatrix csr) {
            int[] idx = csr.columnIndices();
            float[] val = csr.values();
            for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                target[offset + idx[p]] += sign * val[p];
            }
        } else {
            float[] data = ((DenseMatrix) x).data();
            int row = i * d;
            for (int j = 0; j < d; j++) {
                target[offset + j] += sign * data[row + j];
            }
        }
    }

    private void denseRow(int i, double[] out) {
        addRow(i, 1, out, 0);
    }
}
