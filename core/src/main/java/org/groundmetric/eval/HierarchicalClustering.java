package org.groundmetric.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * Agglomerative hierarchical clustering from a distance matrix, with SciPy's conventions so that
 * results can be compared with {@code scipy.cluster.hierarchy}:
 * <ul>
 *   <li>{@link #linkage} returns the (n−1)×4 linkage matrix Z: row i merges clusters Z[i,0] &lt; Z[i,1]
 *       (indices below n are points, n+j is the cluster formed in row j) at distance Z[i,2] into a
 *       cluster of Z[i,3] points. Rows are sorted by distance (stable) and renumbered as SciPy does.</li>
 *   <li>Merges are found by the nearest-neighbour chain (O(n²) time, n(n−1)/2 doubles of memory)
 *       with the Lance–Williams updates of single, complete, average and Ward linkage, the algorithm
 *       SciPy uses for these methods.</li>
 *   <li>{@link #fclusterMaxclust} and {@link #fclusterDistance} cut the tree into flat clusters
 *       labelled 1, 2, … in SciPy's order; {@link #leafOrder} is SciPy's {@code leaves_list}.</li>
 * </ul>
 */
public final class HierarchicalClustering {

    /** Linkage criterion: how the distance from a merged cluster to another is defined. */
    public enum Method {
        SINGLE, COMPLETE, AVERAGE, WARD;

        /** SciPy's spelling, also the command line's: "single", "complete", "average", "ward". */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Largest n whose condensed distance vector fits a Java array. */
    public static final int MAX_POINTS = 65_535;

    private HierarchicalClustering() {
    }

    /** The linkage matrix Z ((n−1)×4) of a square symmetric distance matrix. */
    public static double[][] linkage(double[][] distances, Method method) {
        int n = distances.length;
        if (n < 2) {
            throw new IllegalArgumentException("clustering needs at least 2 points, got " + n);
        }
        double[] condensed = new double[n * (n - 1) / 2];
        for (int i = 0; i < n; i++) {
            if (distances[i].length != n) {
                throw new IllegalArgumentException("distance matrix row " + i + " has " + distances[i].length
                        + " entries, expected " + n + " (a square matrix)");
            }
            for (int j = i + 1; j < n; j++) {
                double d = distances[i][j];
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("distance[" + i + "][" + j + "] = " + d
                            + "; expected a finite non-negative distance");
                }
                condensed[index(n, i, j)] = d;
            }
        }
        return linkageCondensed(condensed, n, method);
    }

    /**
     * The linkage matrix from a condensed distance vector (upper triangle row by row, as SciPy's
     * pdist). The vector is overwritten.
     */
    public static double[][] linkageCondensed(double[] d, int n, Method method) {
        if (n < 2 || n > MAX_POINTS) {
            throw new IllegalArgumentException("clustering takes 2.." + MAX_POINTS + " points, got " + n
                    + " (subsample cells first)");
        }
        if (d.length != (long) n * (n - 1) / 2) {
            throw new IllegalArgumentException("a condensed distance vector of " + n + " points has "
                    + ((long) n * (n - 1) / 2) + " entries, got " + d.length);
        }
        double[][] z = new double[n - 1][4];
        int[] size = new int[n];
        Arrays.fill(size, 1);
        int[] chain = new int[n];
        int chainLength = 0;
        for (int k = 0; k < n - 1; k++) {
            if (chainLength == 0) {
                for (int i = 0; i < n; i++) {
                    if (size[i] > 0) {
                        chain[0] = i;
                        chainLength = 1;
                        break;
                    }
                }
            }
            int x;
            int y;
            double currentMin;
            while (true) {
                x = chain[chainLength - 1];
                // prefer the previous chain element on ties so the chain cannot cycle
                if (chainLength > 1) {
                    y = chain[chainLength - 2];
                    currentMin = d[index(n, x, y)];
                } else {
                    y = -1;
                    currentMin = Double.POSITIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    if (size[i] == 0 || i == x) {
                        continue;
                    }
                    double dist = d[index(n, x, i)];
                    if (dist < currentMin) {
                        currentMin = dist;
                        y = i;
                    }
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) {
                    break;
                }
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            if (x > y) {
                int t = x;
                x = y;
                y = t;
            }
            int nx = size[x];
            int ny = size[y];
            z[k][0] = x;
            z[k][1] = y;
            z[k][2] = currentMin;
            z[k][3] = nx + ny;
            size[x] = 0;
            size[y] = nx + ny;
            for (int i = 0; i < n; i++) {
                int ni = size[i];
                if (ni == 0 || i == y) {
                    continue;
                }
                d[index(n, i, y)] = update(method, d[index(n, i, x)], d[index(n, i, y)], currentMin, nx, ny, ni);
            }
        }
        return relabel(sortByDistance(z), n);
    }

    /** Lance–Williams: distance from cluster i to the merge of x and y. */
    private static double update(Method method, double dxi, double dyi, double dxy, int nx, int ny, int ni) {
        switch (method) {
            case SINGLE:
                return Math.min(dxi, dyi);
            case COMPLETE:
                return Math.max(dxi, dyi);
            case AVERAGE:
                return (nx * dxi + ny * dyi) / (nx + ny);
            case WARD:
                double t = 1.0 / (nx + ny + ni);
                return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
            default:
                throw new IllegalStateException(method.toString());
        }
    }

    private static double[][] sortByDistance(double[][] z) {
        Integer[] rows = new Integer[z.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Arrays.sort(rows, (a, b) -> Double.compare(z[a][2], z[b][2])); // stable, like numpy's mergesort
        double[][] out = new double[z.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = z[rows[i]].clone();
        }
        return out;
    }

    /** Renames the chain's cluster representatives to SciPy's ids n+row, smaller id first. */
    private static double[][] relabel(double[][] z, int n) {
        int[] parent = new int[2 * n - 1];
        int[] size = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            size[i] = i < n ? 1 : 0;
        }
        int next = n;
        for (double[] row : z) {
            int xr = find(parent, (int) row[0]);
            int yr = find(parent, (int) row[1]);
            row[0] = Math.min(xr, yr);
            row[1] = Math.max(xr, yr);
            parent[xr] = next;
            parent[yr] = next;
            size[next] = size[xr] + size[yr];
            row[3] = size[next];
            next++;
        }
        return z;
    }

    private static int find(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[x] != root) {
            int p = parent[x];
            parent[x] = root;
            x = p;
        }
        return root;
    }

    /** Position of pair (i, j), i ≠ j, in a condensed distance vector of n points. */
    static int index(int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return (int) ((long) n * i - ((long) i * (i + 1)) / 2 + (j - i - 1));
    }

    /** For every row, the largest merge distance in its subtree (SciPy's maxdists). */
    static double[] maxDistances(double[][] z) {
        int n = z.length + 1;
        double[] md = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double m = z[i][2];
            for (int c = 0; c < 2; c++) {
                int child = (int) z[i][c];
                if (child >= n) {
                    m = Math.max(m, md[child - n]);
                }
            }
            md[i] = m;
        }
        return md;
    }

    /**
     * Flat clusters such that no cluster's points have a cophenetic distance above {@code threshold}
     * (SciPy's {@code fcluster(Z, t, criterion="distance")}); labels 1, 2, … per point.
     */
    public static int[] fclusterDistance(double[][] z, double threshold) {
        return cut(z, maxDistances(z), threshold);
    }

    /**
     * At most {@code maxClusters} flat clusters, as SciPy's {@code fcluster(Z, t, criterion="maxclust")}
     * with its binary search over the merge heights. Like SciPy's, the search never tests a cut at the
     * lowest merge height, so asking for n − 1 or more clusters gives what a cut at the second-lowest
     * height gives (for points at 0, 1, 3, 7, 15 and single linkage: 3 clusters, whatever t ≥ 3).
     * Two points are two clusters for t ≥ 2 (where SciPy reads past its array).
     */
    public static int[] fclusterMaxclust(double[][] z, int maxClusters) {
        if (maxClusters < 1) {
            throw new IllegalArgumentException("the number of clusters must be at least 1, got " + maxClusters);
        }
        int n = z.length + 1;
        double[] mc = maxDistances(z);
        if (n == 2 && maxClusters >= 2) {
            return cut(z, mc, Double.NEGATIVE_INFINITY);
        }
        int lower = 0;
        int upper = n - 1;
        while (upper - lower > 1) {
            int i = (lower + upper) >>> 1;
            if (countClusters(z, mc, mc[i], maxClusters) > maxClusters) {
                lower = i;
            } else {
                upper = i;
            }
        }
        double threshold = upper < mc.length ? mc[upper] : mc[mc.length - 1];
        return cut(z, mc, threshold);
    }

    /** Number of flat clusters at a cutoff; stops counting once above {@code limit}. */
    private static int countClusters(double[][] z, double[] mc, double cutoff, int limit) {
        int n = z.length + 1;
        int count = 0;
        int[] stack = new int[n];
        int top = 0;
        stack[top++] = 2 * n - 2;
        while (top > 0 && count <= limit) {
            int node = stack[--top];
            if (node < n) {
                count++;
                continue;
            }
            int row = node - n;
            if (mc[row] <= cutoff) {
                count++;
                continue;
            }
            stack[top++] = (int) z[row][0];
            stack[top++] = (int) z[row][1];
        }
        return count;
    }

    /**
     * Labels the leaves by a depth-first walk from the root, as SciPy's cluster_monocrit: a node whose
     * criterion is within the cutoff (and no ancestor's is) opens a cluster; the walk enters the left,
     * then the right non-leaf child, and labels a node's leaf children after returning from both.
     */
    private static int[] cut(double[][] z, double[] mc, double cutoff) {
        int n = z.length + 1;
        int[] labels = new int[n];
        if (n == 1) {
            labels[0] = 1;
            return labels;
        }
        int[] currNode = new int[n];
        boolean[] visited = new boolean[2 * n - 1];
        int k = 0;
        currNode[0] = 2 * n - 2;
        int clusters = 0;
        int ms = -1;
        while (k >= 0) {
            int root = currNode[k] - n;
            int lc = (int) z[root][0];
            int rc = (int) z[root][1];
            if (ms == -1 && mc[root] <= cutoff) {
                ms = k;
                clusters++;
            }
            if (lc >= n && !visited[lc]) {
                visited[lc] = true;
                currNode[++k] = lc;
                continue;
            }
            if (rc >= n && !visited[rc]) {
                visited[rc] = true;
                currNode[++k] = rc;
                continue;
            }
            if (lc < n) {
                if (ms == -1) {
                    clusters++;
                }
                labels[lc] = clusters;
            }
            if (rc < n) {
                if (ms == -1) {
                    clusters++;
                }
                labels[rc] = clusters;
            }
            if (ms == k) {
                ms = -1;
            }
            k--;
        }
        return labels;
    }

    /**
     * Clusters points and cuts the tree at the median of their pairwise distances (the paper's
     * clustering of cells, appendix A.2): flat clusters whose cophenetic distances stay within the
     * median. The median is numpy's (mean of the two middle values for an even count).
     */
    public static int[] cutAtMedianDistance(double[][] distances, Method method) {
        int n = distances.length;
        double[] upper = new double[n * (n - 1) / 2];
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                upper[o++] = distances[i][j];
            }
        }
        double[] sorted = upper.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        return fclusterDistance(linkage(distances, method), median);
    }

    /** The leaves from left to right as a dendrogram draws them (SciPy's {@code leaves_list}). */
    public static int[] leafOrder(double[][] z) {
        int n = z.length + 1;
        int[] out = new int[n];
        int o = 0;
        int[] stack = new int[n];
        int top = 0;
        stack[top++] = 2 * n - 2;
        while (top > 0) {
            int node = stack[--top];
            if (node < n) {
                out[o++] = node;
                continue;
            }
            stack[top++] = (int) z[node - n][1]; // right pushed first so the left comes out first
            stack[top++] = (int) z[node - n][0];
        }
        return out;
    }
}
