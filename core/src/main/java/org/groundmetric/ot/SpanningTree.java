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
 *   <li>Links are parent, a preorder thread (each node's successor and predecessor in one walk of
 *       the tree), subtree sizes and each subtree's last node in the thread (the layout of LEMON's
 *       network simplex): a subtree is a run of the thread, so the potentials of the moved subtree
 *       are updated by a walk of known length without a branch per node, the apex of the cycle is
 *       found by climbing from the smaller subtree, and a pivot relinks the thread only at the
 *       stem between the entering and leaving arcs and on the cycle's two paths.</li>
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

    final int[] parent;            // the root's is −1
    private final long[] pred;     // arc joining node to parent: i*m+j, or −1 for an artificial arc
    private final boolean[] up;    // true when pred points from node to parent
    private final double[] flow;   // flow on pred
    final int[] thread;            // the next node in preorder (the last node's is the root)
    final int[] revThread;         // the previous node in preorder
    final int[] size;              // nodes in the subtree, the node included
    final int[] last;              // the subtree's last node in preorder
    private final StemScratch stem;
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
        int count = nodes + 1;   // the root too
        parent = new int[count];
        pred = new long[count];
        up = new boolean[count];
        flow = new double[count];
        thread = new int[count];
        revThread = new int[count];
        size = new int[count];
        last = new int[count];
        stem = new StemScratch(count);
        pi = new double[count];
        topPotential = new double[count];
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
        parent[root] = -1;
        pred[root] = -1;
        for (int u = 0; u < nodes; u++) {
            parent[u] = root;
            pred[u] = -1;
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
        }
        threadFromParents();
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
        Arrays.fill(parent, -1);
        pred[root] = -1;
        int[] queue = new int[nodes];
        boolean[] seen = new boolean[nodes];
        // from the highest-numbered node down, so each component's top is its highest-numbered node
        for (int top = nodes - 1; top >= 0; top--) {
            if (seen[top]) {
                continue;
            }
            seen[top] = true;
            int head = 0;
            int tail = 0;
            queue[tail++] = top;
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
        }
        threadFromParents();
        recomputePotentials();
    }

    /**
     * The thread, sizes and last nodes from the parent links alone (for the start trees): children
     * are grouped by parent (counting sort), then walked depth first.
     */
    private void threadFromParents() {
        int count = nodes + 1;
        int[] start = new int[count + 1];
        for (int u = 0; u < nodes; u++) {
            start[parent[u] + 1]++;
        }
        for (int x = 0; x < count; x++) {
            start[x + 1] += start[x];
        }
        int[] children = new int[nodes];
        int[] fill = Arrays.copyOf(start, count);
        for (int u = 0; u < nodes; u++) {
            children[fill[parent[u]]++] = u;
        }
        // iterative preorder walk; next[x] is the next child of x to visit
        int[] next = Arrays.copyOf(start, count);
        int prev = root;
        int x = root;
        while (x >= 0) {
            if (next[x] < start[x + 1]) {
                int child = children[next[x]++];
                thread[prev] = child;
                revThread[child] = prev;
                prev = child;
                x = child;
            } else {
                // x is done: its subtree ends at the node visited last
                last[x] = prev;
                int total = 1;
                for (int q = start[x]; q < start[x + 1]; q++) {
                    total += size[children[q]];
                }
                size[x] = total;
                x = parent[x];
            }
        }
        thread[prev] = root;
        revThread[root] = prev;
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
            // an ancestor holds more nodes: the one with the smaller subtree is below the apex
            if (size[x] < size[y]) {
                x = parent[x];
            } else {
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

        rethread(uIn, uOut, vIn, join);
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

    /** Adds sigma to the potentials of the subtree of top: a run of size[top] nodes of the thread. */
    private void updateSubtree(int top, double sigma) {
        int u = top;
        for (int k = size[top]; k > 0; k--) {
            pi[u] += sigma;
            u = thread[u];
        }
    }

    /**
     * Moves the subtree S of uOut (while parent links are still the old ones) under vIn, re-rooted
     * at uIn on the stem uIn = w₀, w₁ = parent(w₀), …, w_k = uOut: S leaves the thread, its
     * preorder from uIn is w₀'s old run, then for each i ≥ 1 w_i's old run without w_{i−1}'s
     * (two pieces), and it enters the thread right after vIn as vIn's first child. Sizes change on
     * the stem and on the two paths from uOut's old parent and from vIn up to the apex (above it,
     * the removal and the insertion cancel); last nodes change where a run ended at S or at vIn.
     */
    private void rethread(int uIn, int uOut, int vIn, int join) {
        StemScratch w = stem;
        int k = 0;
        for (int x = uIn; ; x = parent[x]) {
            w.node[k] = x;
            w.before[k] = revThread[x];
            w.after[k] = thread[last[x]];
            w.size[k] = size[x];
            k++;
            if (x == uOut) {
                break;
            }
        }
        int out = k - 1;   // w.node[out] = uOut
        int moved = w.size[out];
        int oldLast = last[uOut];
        int beforeS = w.before[out];
        int afterS = w.after[out];

        // S leaves the thread
        join(beforeS, afterS);
        for (int x = parent[uOut]; x >= 0 && last[x] == oldLast; x = parent[x]) {
            last[x] = beforeS;
        }
        for (int x = parent[uOut]; x != join; x = parent[x]) {
            size[x] -= moved;
        }

        // S's new preorder from uIn (the stem's last nodes are still the old ones)
        int tail = last[uIn];
        for (int i = 1; i < k; i++) {
            join(tail, w.node[i]);
            tail = w.before[i - 1];
            if (last[w.node[i - 1]] != last[w.node[i]]) {
                join(tail, w.after[i - 1]);
                tail = last[w.node[i]];
            }
        }
        int newLast = tail;
        size[uIn] = moved;
        last[uIn] = newLast;
        for (int i = 1; i < k; i++) {
            size[w.node[i]] = moved - w.size[i - 1];
            last[w.node[i]] = newLast;
        }

        // S enters the thread after vIn
        int afterV = thread[vIn];
        join(vIn, uIn);
        join(newLast, afterV);
        for (int x = vIn; x >= 0 && last[x] == vIn; x = parent[x]) {
            last[x] = newLast;
        }
        for (int x = vIn; x != join; x = parent[x]) {
            size[x] += moved;
        }
    }

    /** Makes b follow a in the thread. */
    private void join(int a, int b) {
        thread[a] = b;
        revThread[b] = a;
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
        // in preorder each parent comes before its children, and each top before its component
        for (int u = thread[root]; u != root; u = thread[u]) {
            if (parent[u] == root) {
                pi[u] = 0;
            } else {
                double arc = c[(int) pred[u]];
                pi[u] = up[u] ? pi[parent[u]] - arc : pi[parent[u]] + arc;
            }
        }
        for (int top = thread[root]; top != root; top = thread[last[top]]) {
            double offset = topPotential[top];
            if (offset != 0) {
                updateSubtree(top, offset);
            }
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

    /**
     * Per-pivot scratch for the stem uIn … uOut: each node with its old neighbours in the thread
     * and its old size (relinking and the size updates overwrite them before they are read).
     */
    private static final class StemScratch {
        final int[] node;
        final int[] before;
        final int[] after;
        final int[] size;

        StemScratch(int capacity) {
            node = new int[capacity];
            before = new int[capacity];
            after = new int[capacity];
            size = new int[capacity];
        }
    }
}
