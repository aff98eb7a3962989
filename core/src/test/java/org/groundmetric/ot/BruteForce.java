package org.groundmetric.ot;

import java.util.Arrays;

/** Slow, obviously correct reference solutions for small transport problems (tests only). */
final class BruteForce {
    private BruteForce() {
    }

    /** min over permutations σ of Σᵢ M[i][σ(i)], by enumerating all n! permutations. */
    static double bestPermutation(CostMatrix m) {
        int n = m.rows();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += m.get(i, perm[i]);
            }
            best = Math.min(best, s);
        } while (nextPermutation(perm));
        return best;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
        for (int l = i + 1, r = p.length - 1; l < r; l++, r--) {
            t = p[l];
            p[l] = p[r];
            p[r] = t;
        }
        return true;
    }

    /**
     * The optimal cost by enumerating every vertex of the transportation polytope: each basic
     * solution is a spanning tree of the complete bipartite graph (n+m−1 arcs) whose flows, fixed by
     * peeling leaves, are all non-negative. Exponential; for n, m ≤ 4. b is rescaled to a's mass.
     */
    static double vertexEnumeration(double[] a, double[] b, CostMatrix m) {
        int n = a.length;
        int k = b.length;
        int arcs = n * k;
        if (arcs > 20) {
            throw new IllegalArgumentException("vertex enumeration is for tiny problems, got " + n + "×" + k);
        }
        double sumA = Arrays.stream(a).sum();
        double sumB = Arrays.stream(b).sum();
        double[] supply = new double[n + k];
        for (int i = 0; i < n; i++) {
            supply[i] = a[i];
        }
        for (int j = 0; j < k; j++) {
            supply[n + j] = -b[j] * sumA / sumB;
        }
        double best = Double.POSITIVE_INFINITY;
        int size = n + k - 1;
        for (int subset = 0; subset < (1 << arcs); subset++) {
            if (Integer.bitCount(subset) != size) {
                continue;
            }
            double cost = treeCost(subset, n, k, supply.clone(), m);
            best = Math.min(best, cost);
        }
        return best;
    }

    /** The cost of the unique flow on a spanning tree, or +∞ when the arcs are no tree or a flow is negative. */
    private static double treeCost(int subset, int n, int k, double[] rest, CostMatrix m) {
        int nodes = n + k;
        int[] degree = new int[nodes];
        boolean[] used = new boolean[n * k];
        for (int e = 0; e < n * k; e++) {
            if ((subset >> e & 1) != 0) {
                used[e] = true;
                degree[e / k]++;
                degree[n + e % k]++;
            }
        }
        double cost = 0;
        int left = Integer.bitCount(subset);
        while (left > 0) {
            int leaf = -1;
            for (int v = 0; v < nodes && leaf < 0; v++) {
                if (degree[v] == 1) {
                    leaf = v;
                }
            }
            if (leaf < 0) {
                return Double.POSITIVE_INFINITY;   // a cycle: not a tree
            }
            int e = -1;
            for (int f = 0; f < n * k && e < 0; f++) {
                if (used[f] && (f / k == leaf || n + f % k == leaf)) {
                    e = f;
                }
            }
            int i = e / k;
            int j = n + e % k;
            double x = leaf == i ? rest[i] : -rest[j];   // flow i→j that balances the leaf
            if (x < -1e-12) {
                return Double.POSITIVE_INFINITY;
            }
            rest[i] -= x;
            rest[j] += x;
            cost += x * m.get(i, j - n);
            used[e] = false;
            degree[i]--;
            degree[j]--;
            left--;
        }
        for (int v = 0; v < nodes; v++) {
            if (degree[v] != 0 || Math.abs(rest[v]) > 1e-12) {
                return Double.POSITIVE_INFINITY;   // not spanning, or mass left unbalanced
            }
        }
        return cost;
    }
}
