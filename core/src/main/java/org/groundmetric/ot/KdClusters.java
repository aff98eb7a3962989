package org.groundmetric.ot;

/**
 * A partition of a weighted point cloud into about k clusters of equal point counts by median
 * splits (a k-d tree cut off at k leaves): a range of points is halved at the median of its
 * widest coordinate until it is one of k parts. Deterministic, O(n·dim·log k), and clusters of
 * nearby points in any dimension, which is all a coarse transport problem needs.
 */
final class KdClusters {
    /** Number of clusters (k, or n when there are fewer points). */
    final int count;
    /** The cluster of each point. */
    final int[] label;
    /** Weighted centres, count×dim row-major (the plain mean for a cluster of zero weight). */
    final double[] centres;
    /** Total weight of each cluster. */
    final double[] mass;

    private final double[] points;
    private final double[] weights;
    private final int dim;
    private final int[] index;
    private int next;

    private KdClusters(double[] points, double[] weights, int n, int dim, int k) {
        this.points = points;
        this.weights = weights;
        this.dim = dim;
        count = Math.max(1, Math.min(k, n));
        label = new int[n];
        centres = new double[count * dim];
        mass = new double[count];
        index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        split(0, n, count);
    }

    /** The clusters of n points (n×dim row-major) with the given weights, about k of them. */
    static KdClusters of(double[] points, double[] weights, int n, int dim, int k) {
        return new KdClusters(points, weights, n, dim, k);
    }

    /** Splits index[lo, hi) into {@code parts} clusters, numbered in order. */
    private void split(int lo, int hi, int parts) {
        if (parts == 1) {
            close(lo, hi);
            return;
        }
        int left = parts / 2;
        int mid = lo + (int) ((long) (hi - lo) * left / parts);
        select(lo, hi, mid, widestCoordinate(lo, hi));
        split(lo, mid, left);
        split(mid, hi, parts - left);
    }

    private int widestCoordinate(int lo, int hi) {
        int widest = 0;
        double spread = -1;
        for (int q = 0; q < dim; q++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = lo; t < hi; t++) {
                double v = points[index[t] * dim + q];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > spread) {
                spread = max - min;
                widest = q;
            }
        }
        return widest;
    }

    /** Reorders index[lo, hi) so that position k holds its order statistic by coordinate q (quickselect). */
    private void select(int lo, int hi, int k, int q) {
        int left = lo;
        int right = hi - 1;
        while (right > left) {
            double pivot = median(key(left, q), key((left + right) >>> 1, q), key(right, q));
            int i = left;
            int j = right;
            while (i <= j) {
                while (key(i, q) < pivot) {
                    i++;
                }
                while (key(j, q) > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = index[i];
                    index[i] = index[j];
                    index[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private double key(int t, int q) {
        return points[index[t] * dim + q];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** Makes index[lo, hi) the next cluster: labels, mass and weighted centre. */
    private void close(int lo, int hi) {
        int cluster = next++;
        double total = 0;
        for (int t = lo; t < hi; t++) {
            total += weights[index[t]];
        }
        int base = cluster * dim;
        for (int t = lo; t < hi; t++) {
            int i = index[t];
            label[i] = cluster;
            double w = total > 0 ? weights[i] / total : 1.0 / (hi - lo);
            for (int q = 0; q < dim; q++) {
                centres[base + q] += w * points[i * dim + q];
            }
        }
        mass[cluster] = total;
    }
}
