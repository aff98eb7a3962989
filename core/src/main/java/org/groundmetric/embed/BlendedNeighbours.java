package org.groundmetric.embed;

import java.util.stream.IntStream;
import org.groundmetric.neighbours.Neighbours;

/**
 * Exact k nearest neighbours of n points under a weighted sum of Euclidean distances in several
 * images of them: d(i, j) = Σ_c weight_c·‖image_c[i] − image_c[j]‖ (e.g. a learned metric's
 * projection X·Wᵀ and the cells themselves, for a blend of GGML and Euclidean). Brute force,
 * O(n²·Σ dim_c), one row per task; nearest first, ties by the lower index, so the result never
 * depends on the thread count.
 */
public final class BlendedNeighbours {
    private BlendedNeighbours() {
    }

    /**
     * @param images  per image, n×dim row-major
     * @param dims    per image, its dimension
     * @param weights per image, its weight ≥ 0
     * @param k       neighbours per point (excluding the point itself), < n
     */
    public static Neighbours of(double[][] images, int[] dims, double[] weights, int k) {
        if (images.length == 0 || images.length != dims.length || images.length != weights.length) {
            throw new IllegalArgumentException("a blend needs one dimension and one weight per image, got "
                    + images.length + " images, " + dims.length + " dims and " + weights.length + " weights");
        }
        int n = images[0].length / dims[0];
        for (int c = 0; c < images.length; c++) {
            if (images[c].length != (long) n * dims[c] || !(weights[c] >= 0)) {
                throw new IllegalArgumentException("image " + c + " holds " + images[c].length + " values for " + n
                        + " points of dimension " + dims[c] + " (weight " + weights[c] + ")");
            }
        }
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " neighbours need at least k + 1 points, got " + n);
        }
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] idx = new int[k];
            double[] dist = new double[k];
            java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(idx, Integer.MAX_VALUE);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = distance(images, dims, weights, i, j);
                if (d < dist[k - 1]) { // equal distance: the earlier (lower) index stays
                    int p = k - 1;
                    while (p > 0 && dist[p - 1] > d) {
                        dist[p] = dist[p - 1];
                        idx[p] = idx[p - 1];
                        p--;
                    }
                    dist[p] = d;
                    idx[p] = j;
                }
            }
            System.arraycopy(idx, 0, indices, i * k, k);
            System.arraycopy(dist, 0, distances, i * k, k);
        });
        return new Neighbours(n, k, indices, distances);
    }

    private static double distance(double[][] images, int[] dims, double[] weights, int i, int j) {
        double total = 0;
        for (int c = 0; c < images.length; c++) {
            if (weights[c] == 0) {
                continue;
            }
            int dim = dims[c];
            double[] p = images[c];
            double s = 0;
            for (int a = 0; a < dim; a++) {
                double diff = p[i * dim + a] - p[j * dim + a];
                s += diff * diff;
            }
            total += weights[c] * Math.sqrt(s);
        }
        return total;
    }
}
