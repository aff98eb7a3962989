package org.groundmetric.neighbours;

import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour search (Euclidean, or Manhattan) among points in low dimension, as for cells
 * projected to the rank-k image of a learned metric. Built once in O(n log n) by splitting on the
 * median of the widest coordinate; a query descends to the nearest leaf and visits another branch
 * only when the splitting plane is closer than the current k-th neighbour, so it never scans all
 * pairs. Equal distances are ordered by the lower point index, as everywhere in the library.
 */
public final class KdTree {
    private static final int LEAF_SIZE = 12;

    /** The distance the tree searches by. */
    public enum Distance { EUCLIDEAN, MANHATTAN }

    private final double[] points;
    private final Distance distance;
    private final int n;
    private final int dim;
    private final int[] order;
    // node arrays: children (-1 for a leaf), split dimension and value, and leaf ranges into order
    private final int[] left;
    private final int[] right;
    private final int[] splitDim;
    private final double[] splitValue;
    private final int[] from;
    private final int[] to;
    private int nodes;

    /**
     * @param points n×dim row-major coordinates (not copied; must not change while the tree is used)
     */
    public KdTree(double[] points, int n, int dim) {
        this(points, n, dim, Distance.EUCLIDEAN);
    }

    /**
     * @param points n×dim row-major coordinates (not copied; must not change while the tree is used)
     */
    public KdTree(double[] points, int n, int dim, Distance distance) {
        this.distance = distance;
        if (dim < 1 || (long) n * dim != points.length) {
            throw new IllegalArgumentException("points hold " + points.length + " values, expected n·dim = " + n + "·" + dim);
        }
        for (double v : points) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a k-d tree needs finite coordinates, found " + v);
            }
        }
        this.points = points;
        this.n = n;
        this.dim = dim;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = Math.max(1, 2 * (n / (LEAF_SIZE / 2) + 1));
        left = new int[capacity];
        right = new int[capacity];
        splitDim = new int[capacity];
        splitValue = new double[capacity];
        from = new int[capacity];
        to = new int[capacity];
        build(0, n);
    }

    public int size() {
        return n;
    }

    private int build(int lo, int hi) {
        int node = nodes++;
        from[node] = lo;
        to[node] = hi;
        left[node] = -1;
        right[node] = -1;
        if (hi - lo <= LEAF_SIZE) {
            return node;
        }
        int widest = 0;
        double widestSpread = -1;
        for (int d = 0; d < dim; d++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = points[order[i] * dim + d];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > widestSpread) {
                widestSpread = max - min;
                widest = d;
            }
        }
        if (widestSpread == 0) {
            return node; // all points equal: a leaf however many
        }
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, widest);
        splitDim[node] = widest;
        splitValue[node] = points[order[mid] * dim + widest];
        int l = build(lo, mid);
        int r = build(mid, hi);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /** Quickselect on order[lo..hi] so that order[kth] holds the kth smallest coordinate d. */
    private void select(int lo, int hi, int kth, int d) {
        while (hi > lo) {
            double pivot = points[order[(lo + hi) >>> 1] * dim + d];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (points[order[i] * dim + d] < pivot) {
                    i++;
                }
                while (points[order[j] * dim + d] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (kth <= j) {
                hi = j;
            } else if (kth >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** The k nearest points of every query (m×dim row-major); queries run in parallel, results do not depend on it. */
    public Neighbours query(double[] queries, int m, int k) {
        if ((long) m * dim != queries.length) {
            throw new IllegalArgumentException("queries hold " + queries.length + " values, expected m·dim = " + m + "·" + dim);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " neighbours asked among " + n + " points; expected 1.." + n);
        }
        int[] idx = new int[m * k];
        double[] dist = new double[m * k];
        IntStream.range(0, m).parallel().forEach(q -> {
            Search s = new Search(k);
            s.run(queries, q * dim);
            s.write(idx, dist, q * k);
        });
        return new Neighbours(m, k, idx, dist);
    }

    /** One query's state: a max-heap of the best k by (squared distance, index). */
    private final class Search {
        private final int k;
        private final int[] heapIdx;
        private final double[] heapD;
        private int size;
        private double[] q;
        private int qOff;

        Search(int k) {
            this.k = k;
            heapIdx = new int[k];
            heapD = new double[k];
        }

        void run(double[] queries, int off) {
            this.q = queries;
            this.qOff = off;
            visit(0);
        }

        private void visit(int node) {
            if (left[node] < 0) {
                for (int i = from[node]; i < to[node]; i++) {
                    offer(order[i]);
                }
                return;
            }
            double diff = q[qOff + splitDim[node]] - splitValue[node];
            int near = diff < 0 ? left[node] : right[node];
            int far = diff < 0 ? right[node] : left[node];
            visit(near);
            // heapD holds squared distances for Euclidean, plain ones for Manhattan
            double bound = distance == Distance.EUCLIDEAN ? diff * diff : Math.abs(diff);
            if (size < k || bound <= heapD[0]) {
                visit(far);
            }
        }

        private void offer(int p) {
            double s = 0;
            int base = p * dim;
            if (distance == Distance.EUCLIDEAN) {
                for (int d = 0; d < dim; d++) {
                    double t = q[qOff + d] - points[base + d];
                    s += t * t;
                }
            } else {
                for (int d = 0; d < dim; d++) {
                    s += Math.abs(q[qOff + d] - points[base + d]);
                }
            }
            if (size < k) {
                heapIdx[size] = p;
                heapD[size] = s;
                siftUp(size++);
            } else if (worse(heapD[0], heapIdx[0], s, p)) {
                heapIdx[0] = p;
                heapD[0] = s;
                siftDown(0);
            }
        }

        /** Is (d1, i1) farther than (d2, i2)? */
        private boolean worse(double d1, int i1, double d2, int i2) {
            return d1 > d2 || (d1 == d2 && i1 > i2);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!worse(heapD[i], heapIdx[i], heapD[parent], heapIdx[parent])) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int top = i;
                if (l < size && worse(heapD[l], heapIdx[l], heapD[top], heapIdx[top])) {
                    top = l;
                }
                if (r < size && worse(heapD[r], heapIdx[r], heapD[top], heapIdx[top])) {
                    top = r;
                }
                if (top == i) {
                    return;
                }
                swap(i, top);
                i = top;
            }
        }

        private void swap(int a, int b) {
            int ti = heapIdx[a];
            heapIdx[a] = heapIdx[b];
            heapIdx[b] = ti;
            double td = heapD[a];
            heapD[a] = heapD[b];
            heapD[b] = td;
        }

        /** Pops the heap into out (nearest first) as distances. */
        void write(int[] outIdx, double[] outD, int off) {
            for (int j = size - 1; j >= 0; j--) {
                outIdx[off + j] = heapIdx[0];
                outD[off + j] = distance == Distance.EUCLIDEAN ? Math.sqrt(heapD[0]) : heapD[0];
                swap(0, --size);
                siftDown(0);
            }
        }
    }
}
