package org.groundmetric.ot;

import java.util.Arrays;

/**
 * Exact balanced optimal transport by the primal network simplex method on the bipartite
 * transportation network (sources 0..n−1 → sinks n..n+m−1, one arc per cost entry).
 *
 * <p>Design, for speed on the learner's hot path (thousands of 300×300 … 1000×1000 solves):
 * <ul>
 *   <li>The spanning tree hangs from an artificial root joined to every node by an artificial arc
 *       (cost 0 from sources, a big cost to sinks), so the start is feasible without any search.</li>
 *   <li>Arcs are implicit: arc e = i·m + j; only tree arcs carry flow, and the flow of a tree arc is
 *       stored at its lower node, so memory is O(n+m) beyond the cost matrix and nothing is
 *       allocated per pivot.</li>
 *   <li>Pricing scans a candidate list, not all n·m arcs: it starts as each row's ~0.63·√m cheapest
 *       columns (where an optimal plan of a metric cost almost entirely lives). Entering arcs are
 *       chosen from it by block search (the most negative reduced cost in the first block of
 *       √(list size) candidates that has one). When no candidate prices out negative, every arc is
 *       priced once and the negative ones join the list; the solve ends when that full pricing
 *       finds none, so the result is exactly optimal over all arcs.</li>
 *   <li>The tree is kept strongly feasible (Cunningham): every zero-flow tree arc points towards the
 *       root, and the leaving arc is the last blocking arc met from the apex of the cycle. This
 *       prevents cycling on the highly degenerate problems of uniform weights, ties and identical
 *       clouds.</li>
 *   <li>The tree is stored as parent / depth / first-child / sibling links; a pivot re-hangs the stem
 *       between the entering and leaving arcs and walks only the moved subtree (potentials, depths).</li>
 * </ul>
 * Before each full pricing the potentials are recomputed from the tree in one pass, so no rounding
 * accumulated over many pivots can hide a negative arc or fake one.
 *
 * <p>Instances hold no state between calls and may be shared by threads.
 */
public final class NetworkSimplex implements TransportSolver {

    private final long maxPivots;   // 0: the automatic limit of defaultMaxPivots(n, m)

    /** A solver whose pivot limit is {@link #defaultMaxPivots(int, int)}. */
    public NetworkSimplex() {
        this.maxPivots = 0;
    }

    /** @param maxPivots stop (with {@code converged=false}) after this many pivots */
    public NetworkSimplex(long maxPivots) {
        if (maxPivots <= 0) {
            throw new IllegalArgumentException("maxPivots must be positive, got " + maxPivots);
        }
        this.maxPivots = maxPivots;
    }

    /**
     * The default pivot limit, 10⁴·(n+m) + 10⁶: random 2000×2000 problems take about 4·(n+m) pivots,
     * so reaching it means a stall (e.g. from rounding on a pathological cost), reported as
     * {@code converged=false} instead of running forever.
     */
    public static long defaultMaxPivots(int n, int m) {
        return 10_000L * (n + m) + 1_000_000L;
    }

    /** Candidate columns per row to start from: about 0.63·√m (20 for m = 1000), at least 10. */
    static int shortlistLength(int m) {
        return Math.min(m, Math.max(10, (int) Math.round(0.63 * Math.sqrt(m))));
    }

    @Override
    public Transport solve(double[] a, double[] b, CostMatrix cost) {
        Weights.checkProblem(a, b, cost);
        long limit = maxPivots > 0 ? maxPivots : defaultMaxPivots(cost.rows(), cost.cols());
        return new Run(a, b, cost, limit).solve();
    }

    /** The working state of one solve. */
    private static final class Run {
        private final int n;
        private final int m;
        private final int nodes;       // n + m real nodes; the root is node `nodes`
        private final int root;
        private final double[] c;      // costs, arc e = i*m + j
        private final long maxPivots;
        private final double artCost;
        private final double eps;      // a reduced cost must be below −eps to enter

        // tree, indexed by node
        private final int[] parent;
        private final long[] pred;     // arc joining node to parent: i*m+j, or −1 for an artificial arc
        private final boolean[] up;    // true when pred points from node to parent
        private final double[] flow;   // flow on pred
        private final int[] depth;
        private final int[] firstChild;
        private final int[] nextSib;
        private final int[] prevSib;
        private final double[] pi;     // potentials: reduced cost of arc s→t is c + pi[s] − pi[t]

        private int[] listRow;         // candidate arcs (row i, column j) that pricing scans
        private int[] listCol;
        private double[] listCost;     // the candidate's cost, stored beside it so pricing reads sequentially
        private int listSize;
        private int nextArc;           // where the next block search starts in the list
        private long pivots;

        Run(double[] a, double[] b, CostMatrix cost, long maxPivots) {
            n = cost.rows();
            m = cost.cols();
            nodes = n + m;
            root = nodes;
            c = cost.values();
            this.maxPivots = maxPivots;
            double maxCost = 0;
            for (double v : c) {
                maxCost = Math.max(maxCost, v);
            }
            double scale = maxCost > 0 ? maxCost : 1;
            // Any path of real arcs costs less than (nodes)·maxCost, so artificial flow never pays.
            artCost = scale * (nodes + 1);
            eps = 64 * Math.ulp(artCost);

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
            initialTree(a, b);
        }

        /** Every node hangs from the root by an artificial arc carrying its own weight. */
        private void initialTree(double[] a, double[] b) {
            double sumA = 0;
            double sumB = 0;
            for (double x : a) {
                sumA += x;
            }
            for (double x : b) {
                sumB += x;
            }
            double rescale = sumA / sumB;   // masses agree to 1e-9; make them agree to rounding
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
                double supply = u < n ? a[u] : -b[u - n] * rescale;
                if (supply >= 0) {
                    up[u] = true;
                    flow[u] = supply;
                    pi[u] = 0;
                } else {
                    up[u] = false;
                    flow[u] = -supply;
                    pi[u] = artCost;
                }
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

        Transport solve() {
            buildShortlist();
            while (true) {
                long in;
                while ((in = findEnteringArc()) >= 0) {
                    if (pivots >= maxPivots) {
                        recomputePotentials();
                        return result(false);
                    }
                    pivot(in);
                    pivots++;
                }
                // Remove the rounding that many small potential updates accumulate, then price
                // every arc; the ones that still price out negative join the candidate list.
                recomputePotentials();
                if (appendNegativeArcs() == 0) {
                    return result(true);
                }
            }
        }

        /**
         * The candidate list starts as each row's {@code shortlist} cheapest columns: an optimal
         * plan of a dense metric cost lives almost entirely on them, so most pivots need not price
         * the other arcs at all (the idea of Gottschlich and Schuhmacher's shortlist method).
         */
        private void buildShortlist() {
            int s = shortlistLength(m);
            listRow = new int[Math.max(16, 2 * n * s)];
            listCol = new int[listRow.length];
            listCost = new double[listRow.length];
            double[] best = new double[s];
            int[] bestCol = new int[s];
            for (int i = 0; i < n; i++) {
                int row = i * m;
                // the first s columns, sorted; then only a column cheaper than the worst kept enters
                for (int j = 0; j < s; j++) {
                    insert(best, bestCol, j, c[row + j], j);
                }
                double worst = best[s - 1];
                for (int j = s; j < m; j++) {
                    double v = c[row + j];
                    if (v < worst) {
                        insert(best, bestCol, s - 1, v, j);
                        worst = best[s - 1];
                    }
                }
                for (int k = 0; k < s; k++) {
                    append(i, bestCol[k]);
                }
            }
        }

        /** Puts (v, col) into the sorted prefix best[0..k] at slot k or earlier, shifting larger ones up. */
        private static void insert(double[] best, int[] bestCol, int k, double v, int col) {
            while (k > 0 && best[k - 1] > v) {
                best[k] = best[k - 1];
                bestCol[k] = bestCol[k - 1];
                k--;
            }
            best[k] = v;
            bestCol[k] = col;
        }

        private void append(int i, int j) {
            if (listSize == listRow.length) {
                listRow = Arrays.copyOf(listRow, listSize * 2);
                listCol = Arrays.copyOf(listCol, listSize * 2);
                listCost = Arrays.copyOf(listCost, listSize * 2);
            }
            listRow[listSize] = i;
            listCol[listSize] = j;
            listCost[listSize] = c[i * m + j];
            listSize++;
        }

        /**
         * Block search over the candidate list: the most negative reduced cost within the first
         * block of √(list size) candidates that has one, continuing where the last search stopped.
         */
        private long findEnteringArc() {
            double min = -eps;
            long best = -1;
            int total = listSize;
            int block = (int) Math.max(10, Math.ceil(Math.sqrt(total)));
            int p = nextArc < total ? nextArc : 0;
            int cnt = block;
            for (int scanned = 0; scanned < total; scanned++) {
                int i = listRow[p];
                int j = listCol[p];
                double rc = listCost[p] + pi[i] - pi[n + j];
                if (rc < min) {
                    min = rc;
                    best = (long) i * m + j;
                }
                if (++p == total) {
                    p = 0;
                }
                if (--cnt == 0) {
                    if (best >= 0) {
                        break;
                    }
                    cnt = block;
                }
            }
            nextArc = p;
            return best;
        }

        /** Prices every arc; appends those below −eps to the candidate list and returns how many. */
        private int appendNegativeArcs() {
            int found = 0;
            for (int i = 0; i < n; i++) {
                double pii = pi[i];
                int rowBase = i * m;
                for (int j = 0; j < m; j++) {
                    if (c[rowBase + j] + pii - pi[n + j] < -eps) {
                        append(i, j);
                        found++;
                    }
                }
            }
            return found;
        }

        private void pivot(long in) {
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
         * Potentials from the tree alone, each tree arc priced at exactly zero. Each subtree of the
         * root (a component joined to the root by an artificial arc) is priced from its top at 0,
         * then shifted by the top's artificial offset (0 or the big cost), so potentials inside a
         * component carry no rounding from the big artificial cost.
         */
        private void recomputePotentials() {
            pi[root] = 0;
            for (int top = firstChild[root]; top >= 0; top = nextSib[top]) {
                double offset = up[top] ? 0 : artCost;
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

        private int topOf(int u) {
            while (parent[u] != root) {
                u = parent[u];
            }
            return u;
        }

        private Transport result(boolean converged) {
            int count = 0;
            for (int u = 0; u < nodes; u++) {
                if (pred[u] >= 0 && flow[u] > 0) {
                    count++;
                }
            }
            int[] rows = new int[count];
            int[] cols = new int[count];
            double[] mass = new double[count];
            double value = 0;
            int k = 0;
            for (int u = 0; u < nodes; u++) {
                if (pred[u] >= 0 && flow[u] > 0) {
                    int e = (int) pred[u];
                    rows[k] = e / m;
                    cols[k] = e % m;
                    mass[k] = flow[u];
                    value += flow[u] * c[e];
                    k++;
                }
            }
            sortByRowThenColumn(rows, cols, mass);
            // Duals in POT's convention: u_i = −pi_i, v_j = pi_{n+j}, so u_i + v_j ≤ M_ij.
            double[] u = new double[n];
            double[] v = new double[m];
            // A constant shift of all potentials changes no uᵢ + vⱼ: centre on node 0's component.
            double shift = pi[topOf(0)];
            for (int i = 0; i < n; i++) {
                u[i] = -(pi[i] - shift);
            }
            for (int j = 0; j < m; j++) {
                v[j] = pi[n + j] - shift;
            }
            return new Transport(value, new TransportPlan(rows, cols, mass), u, v, pivots, converged);
        }
    }

    /** Orders plan entries by (row, column) so results read naturally and compare easily. */
    static void sortByRowThenColumn(int[] rows, int[] cols, double[] mass) {
        int len = rows.length;
        // key = arc (row, column) in the high bits, original position in the low 32 bits
        long[] keys = new long[len];
        int m = 0;
        for (int p = 0; p < len; p++) {
            m = Math.max(m, cols[p] + 1);
        }
        for (int p = 0; p < len; p++) {
            keys[p] = (((long) rows[p] * m + cols[p]) << 32) | p;
        }
        Arrays.sort(keys);
        double[] massCopy = mass.clone();
        for (int q = 0; q < len; q++) {
            long arc = keys[q] >>> 32;
            rows[q] = (int) (arc / m);
            cols[q] = (int) (arc % m);
            mass[q] = massCopy[(int) keys[q]];
        }
    }
}
