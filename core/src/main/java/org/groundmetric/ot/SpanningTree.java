package org.groundmetric.ot;

import java.util.Arrays;

/**
 * The basis of the network simplex: a spanning tree of the bipartite transportation network
 * (sources 0..n−1 → sinks n..n+m−1, arc e = i·m + j) hanging from an artificial root, with the
 * flow on every tree arc and the node potentials that price each tree arc at zero.
 *
 * <ul>
 *   <li>The start is every node hung from the root by an artificial arc carrying its own weight
 *       (cost 0 from sources, a big cost to sinks), so it is feasible without any search.</li>
 *   <li>Only tree arcs carry flow, stored at the arc's lower node, so memory is O(n+m) beyond the
 *       cost matrix and nothing is allocated per pivot.</li>
 *   <li>The tree is kept strongly feasible (Cunningham): every zero-flow tree arc points towards
 *       the root, and the leaving arc is the last blocking arc met from the apex of the cycle. This
 *       prevents cycling on the highly degenerate problems of uniform weights, ties and identical
 *       clouds.</li>
 *   <li>Links are parent / depth / first-child / sibling; a pivot re-hangs the stem between the
 *       entering and leaving arcs and walks only the moved subtree (potentials, depths).</li>
 * </ul>
 */
final class SpanningTree {
    final int n;
    final int m;
    final int nodes;       // n + m real nodes; the root is node `nodes`
    final int root;
    private final double[] c;      // costs, arc e = i*m + j
    /** The cost of an artificial arc into a sink: more than any path of real arcs. */
    final double artCost;

    private final int[] parent;
    private final long[] pred;     // arc joining node to parent: i*m+j, or −1 for an artificial arc
    private final boolean[] up;    // true when pred points from node to parent
    private final double[] flow;   // flow on pred
    private final int[] depth;
    private final int[] firstChild;
    private final int[] nextSib;
    private final int[] prevSib;
    /** Potentials: the reduced cost of arc s→t is c + pi[s] − pi[t]. */
    final double[] pi;
    /**
     * The potential of each node while it hangs from the root (its artificial arc's offset):
     * artificial arcs never enter again, so a child of the root is always one of the start's.
     */
    private final double[] topPotential;

    /** The start tree for weights a (sources) and b (sinks) over the n×m costs c: every node hangs from the root. */
    SpanningTree(double[] a, double[] b, double[] c, int n, int m) {
        this(c, n, m);
        hangFromRoot(a, b);
    }

    /**
     * The start tree of a greedy flow (as {@link GreedyBasis#of} ships it for the weights a and b
     * scaled by {@link #balancedDemand}): its arcs, each connected component hung from the root by
     * an artificial arc that points to the root and carries only what rounding left over, and
     * potentials that start from the duals u, v at the top of each component (uᵢ = −pi, vⱼ = pi).
     */
    SpanningTree(double[] c, int n, int m, GreedyBasis basis, double[] u, double[] v) {
        this(c, n, m);
        hangForest(basis, u, v);
    }

    private SpanningTree(double[] c, int n, int m) {
        this.n = n;
        this.m = m;
        this.c = c;
        nodes = n + m;
        root = nodes;
        double maxCost = 0;
        for (double v : c) {
            maxCost = Math.max(maxCost, v);
        }
        double scale = maxCost > 0 ? maxCost : 1;
        // Any path of real arcs costs less than (nodes)·maxCost, so artificial flow never pays.
        artCost = scale * (nodes + 1);
        int size = nodes + 1;
        parent = new int[size];
        pred = new long[size];
        up = new boolean[size];
        flow = new double[size];
        depth = new int[size];
        firstChild = new int[size];
        nextSib = new int[size];
        prevSib = new int[size];
        pi = new double[size];
        topPotential = new double[size];
    }

    /** Demands b scaled to the total of the supplies a (which they match to 1e-9), so the flow can balance. */
    static double[] balancedDemand(double[] a, double[] b) {
        double rescale = Weights.total(a) / Weights.total(b);
        double[] scaled = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            scaled[j] = b[j] * rescale;
        }
        return scaled;
    }

    /** Every node hangs from the root by an artificial arc carrying its own weight. */
    private void hangFromRoot(double[] a, double[] b) {
        double[] demand = balancedDemand(a, b);   // masses agree to 1e-9; make them agree to rounding
        Arrays.fill(firstChild, -1);
        parent[root] = -1;
        depth[root] = 0;
        int prev = -1;
        for (int u = 0; u < nodes; u++) {
            parent[u] = root;
            pred[u] = -1;
            depth[u] = 1;
            firstChild[u] = -1;
            // sources (and zero-weight nodes) point up to the root at cost 0; sinks are fed
            // from the root at the artificial cost, with positive flow (strong feasibility)
            double supply = u < n ? a[u] : -demand[u - n];
            if (supply >= 0) {
                up[u] = true;
                flow[u] = supply;
                pi[u] = 0;
            } else {
                up[u] = false;
                flow[u] = -supply;
                pi[u] = artCost;
            }
            topPotential[u] = pi[u];
            prevSib[u] = prev;
            nextSib[u] = -1;
            if (prev >= 0) {
                nextSib[prev] = u;
            } else {
                firstChild[root] = u;
            }
            prev = u;
        }
    }

    /**
     * Hangs the greedy flow's forest from the root: a breadth-first walk from the first node of
     * each component, which becomes its top; the top's artificial arc carries the component's
     * rounding leftover (into the root if it is a surplus, out of it if a shortage).
     */
    private void hangForest(GreedyBasis basis, double[] u, double[] v) {
        // incident arcs of each node, compressed rows
        int[] start = new int[nodes + 1];
        for (int e = 0; e < basis.size; e++) {
            start[basis.rows[e] + 1]++;
            start[n + basis.cols[e] + 1]++;
        }
        for (int x = 0; x < nodes; x++) {
            start[x + 1] += start[x];
        }
        int[] incident = new int[2 * basis.size];
        int[] fill = Arrays.copyOf(start, nodes);
        for (int e = 0; e < basis.size; e++) {
            incident[fill[basis.rows[e]]++] = e;
            incident[fill[n + basis.cols[e]]++] = e;
        }
        Arrays.fill(firstChild, -1);
        Arrays.fill(parent, -1);
        parent[root] = -1;
        depth[root] = 0;
        pred[root] = -1;
        int[] queue = new int[nodes];
        boolean[] seen = new boolean[nodes];
        for (int top = nodes - 1; top >= 0; top--) {   // link() prepends: tops end up in order
            if (seen[top]) {
                continue;
            }
            seen[top] = true;
            int head = 0;
            int tail = 0;
            queue[tail++] = top;
            depth[top] = 1;
            double surplus = 0;
            while (head < tail) {
                int x = queue[head++];
                surplus += x < n ? basis.leftA[x] : -basis.leftB[x - n];
                for (int q = start[x]; q < start[x + 1]; q++) {
                    int e = incident[q];
                    int i = basis.rows[e];
                    int y = x < n ? n + basis.cols[e] : i;
                    if (!seen[y]) {
                        seen[y] = true;
                        parent[y] = x;
                        pred[y] = (long) i * m + basis.cols[e];
                        up[y] = y < n;     // the arc runs source → sink
                        flow[y] = basis.flow[e];
                        depth[y] = depth[x] + 1;
                        link(y, x);
                        queue[tail++] = y;
                    }
                }
            }
            parent[top] = root;
            pred[top] = -1;
            // Into the root only: an arc out of it would let flow pass from one component to
            // another through the root, which these potentials do not price as dear. A shortage
            // is rounding (the masses balance), and is left as the root's own imbalance is.
            up[top] = true;
            flow[top] = Math.max(0, surplus);
            topPotential[top] = top < n ? -u[top] : v[top - n];
            link(top, root);
        }
        recomputePotentials();
    }

    /** Brings arc {@code in} = s·m + t into the tree, pushing flow round its cycle; one arc leaves. */
    void pivot(long in) {
        final int s = (int) (in / m);           // source node
        final int t = n + (int) (in - (long) (s) * m);   // sink node
        final double arcCost = c[(int) in];

        // apex of the cycle: the deepest common ancestor of s and t
        int x = s;
        int y = t;
        while (x != y) {
            int dx = depth[x];
            int dy = depth[y];
            if (dx >= dy) {
                x = parent[x];
            }
            if (dy >= dx) {
                y = parent[y];
            }
        }
        final int join = x;

        // Flow goes s → t, then back t ↑ join ↓ s. The leaving arc is the last blocking arc
        // met when walking the cycle from the apex in flow direction (strong feasibility):
        // on the s side ties are taken strictly (<), on the t side with <=.
        double delta = Double.POSITIVE_INFINITY;
        int uOut = -1;
        boolean outOnSourceSide = false;
        for (int u = s; u != join; u = parent[u]) {
            if (up[u] && flow[u] < delta) {   // flow runs parent → u, against an upward arc
                delta = flow[u];
                uOut = u;
                outOnSourceSide = true;
            }
        }
        for (int u = t; u != join; u = parent[u]) {
            if (!up[u] && flow[u] <= delta) { // flow runs u → parent, against a downward arc
                delta = flow[u];
                uOut = u;
                outOnSourceSide = false;
            }
        }

        if (delta > 0) {
            for (int u = s; u != join; u = parent[u]) {
                flow[u] += up[u] ? -delta : delta;
            }
            for (int u = t; u != join; u = parent[u]) {
                flow[u] += up[u] ? delta : -delta;
            }
        }

        // Re-hang the subtree cut off at uOut from the entering arc, rooted at uIn.
        final int uIn = outOnSourceSide ? s : t;
        final int vIn = outOnSourceSide ? t : s;
        // Potentials of the moved subtree shift so the entering arc prices at zero.
        double rc = arcCost + pi[s] - pi[t];
        double sigma = uIn == s ? -rc : rc;

        int node = uIn;
        int newParent = vIn;
        long newPred = in;
        boolean newUp = uIn == s;   // arc s→t points from the moved node s to its new parent t
        double newFlow = delta;
        while (true) {
            int oldParent = parent[node];
            long oldPred = pred[node];
            boolean oldUp = up[node];
            double oldFlow = flow[node];
            unlink(node, oldParent);
            link(node, newParent);
            parent[node] = newParent;
            pred[node] = newPred;
            up[node] = newUp;
            flow[node] = newFlow;
            if (node == uOut) {
                break;
            }
            newParent = node;
            newPred = oldPred;
            newUp = !oldUp;
            newFlow = oldFlow;
            node = oldParent;
        }
        updateSubtree(uIn, sigma);
    }

    /** Adds sigma to the potentials of the subtree of top and recomputes its depths. */
    private void updateSubtree(int top, double sigma) {
        depth[top] = depth[parent[top]] + 1;
        pi[top] += sigma;
        for (int u = nextInSubtree(top, top); u >= 0; u = nextInSubtree(u, top)) {
            depth[u] = depth[parent[u]] + 1;
            pi[u] += sigma;
        }
    }

    /** The node after u in a preorder walk of top's subtree (parents before children), or -1 at the end. */
    private int nextInSubtree(int u, int top) {
        int child = firstChild[u];
        if (child >= 0) {
            return child;
        }
        while (u != top && nextSib[u] < 0) {
            u = parent[u];
        }
        return u == top ? -1 : nextSib[u];
    }

    private void unlink(int u, int p) {
        int prev = prevSib[u];
        int next = nextSib[u];
        if (prev >= 0) {
            nextSib[prev] = next;
        } else {
            firstChild[p] = next;
        }
        if (next >= 0) {
            prevSib[next] = prev;
        }
    }

    private void link(int u, int p) {
        int first = firstChild[p];
        nextSib[u] = first;
        prevSib[u] = -1;
        if (first >= 0) {
            prevSib[first] = u;
        }
        firstChild[p] = u;
    }

    /**
     * Potentials from the tree alone, each tree arc priced at exactly zero, removing the rounding
     * that many small updates accumulate. Each subtree of the root (a component joined to the root
     * by an artificial arc) is priced from its top at 0, then shifted by the top's artificial
     * offset (0 or the big cost), so potentials inside a component carry no rounding from the big
     * artificial cost.
     */
    void recomputePotentials() {
        pi[root] = 0;
        for (int top = firstChild[root]; top >= 0; top = nextSib[top]) {
            double offset = topPotential[top];
            pi[top] = 0;
            int u = top;
            while (true) {
                int child = firstChild[u];
                if (child >= 0) {
                    u = child;
                } else {
                    while (u != top && nextSib[u] < 0) {
                        u = parent[u];
                    }
                    if (u == top) {
                        break;
                    }
                    u = nextSib[u];
                }
                double arc = c[(int) pred[u]];
                pi[u] = up[u] ? pi[parent[u]] - arc : pi[parent[u]] + arc;
            }
            if (offset != 0) {
                shiftSubtree(top, offset);
            }
        }
    }

    private void shiftSubtree(int top, double offset) {
        pi[top] += offset;
        for (int u = nextInSubtree(top, top); u >= 0; u = nextInSubtree(u, top)) {
            pi[u] += offset;
        }
    }

    /** The child of the root whose subtree holds u. */
    int topOf(int u) {
        while (parent[u] != root) {
            u = parent[u];
        }
        return u;
    }

    /** The real arc joining node u to its parent (i·m + j), or −1 for an artificial arc. */
    long arcAbove(int u) {
        return pred[u];
    }

    /** The flow on the arc joining node u to its parent. */
    double flowAbove(int u) {
        return flow[u];
    }
}
