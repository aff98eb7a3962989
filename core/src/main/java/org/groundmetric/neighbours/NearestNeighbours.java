package org.groundmetric.neighbours;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact k nearest neighbours of every point among the others (the point itself excluded), from
 * coordinates (Euclidean) or from a precomputed distance matrix. Each point's row is found alone
 * and sorted by distance, then index, so the result does not depend on threads and ties are
 * reproducible.
 */
public final class NearestNeighbours {

    /** Up to this many dimensions a k-d tree beats scanning all pairs (the rank k of a metric is small). */
    static final int KD_TREE_MAX_DIM = 16;

    private NearestNeighbours() {
    }

    /** The k nearest other points of each of the n points given row-major as n×dim coordinates. */
    public static Neighbours euclidean(double[] p, int dim, int k) {
        int n = p.length / dim;
        if (dim <= KD_TREE_MAX_DIM) {
            return viaKdTree(p, n, dim, k);
        }
        int[] idx = new int[n * k];
        double[] dst = new double[n * k];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] d = squaredDistancesFrom(p, dim, i);
            for (int j = 0; j < n; j++) {
                d[j] = Math.sqrt(d[j]);
            }
            select(i, d, k, idx, dst);
        });
        return new Neighbours(n, k, idx, dst);
    }

    /** The squared Euclidean distances from point i to every point of p (n×dim row-major). */
    public static double[] squaredDistancesFrom(double[] p, int dim, int i) {
        int n = p.length / dim;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double diff = p[i * dim + c] - p[j * dim + c];
                s += diff * diff;
            }
            d[j] = s;
        }
        return d;
    }

    /** The k nearest other items of each item of a symmetric n×n distance matrix. */
    public static Neighbours precomputed(double[][] d, int k) {
        int n = d.length;
        int[] idx = new int[n * k];
        double[] dst = new double[n * k];
        for (int i = 0; i < n; i++) {
            select(i, d[i], k, idx, dst);
        }
        return new Neighbours(n, k, idx, dst);
    }

    /**
     * Exact neighbours from a k-d tree: each point's k + 1 nearest, itself removed. The tree orders
     * ties by index as {@link #select} does, so both paths give the same graph.
     */
    private static Neighbours viaKdTree(double[] p, int n, int dim, int k) {
        Neighbours found = new KdTree(p, n, dim).query(p, n, k + 1);
        int[] idx = new int[n * k];
        double[] dst = new double[n * k];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = 0; j <= k && m < k; j++) {
                int other = found.index(i, j);
                if (other != i) {
                    idx[i * k + m] = other;
                    dst[i * k + m++] = found.distance(i, j);
                }
            }
        }
        return new Neighbours(n, k, idx, dst);
    }

    /** The k smallest of row {@code d}, self excluded, into row {@code self} of idx/dst: a bounded max-heap, then sorted. */
    private static void select(int self, double[] d, int k, int[] idx, double[] dst) {
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
        for (int r = 0; r < k; r++) {
            idx[self * k + r] = order[r];
            dst[self * k + r] = d[order[r]];
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
