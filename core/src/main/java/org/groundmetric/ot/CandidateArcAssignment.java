package org.groundmetric.ot;

import java.util.Arrays;

/**
 * Exact optimal transport between two point clouds of equal size n with uniform weights and
 * Euclidean ground cost (the W_θ of a training pair, in the k-dimensional image), as a linear
 * assignment solved on a sparse set of candidate arcs and then proven optimal over all n² arcs.
 *
 * <p>Why: a dense assignment or network simplex touches all n² arcs many times, yet an optimal
 * permutation uses arcs that are cheap under the reduced cost cᵢⱼ − vⱼ. So each row keeps its few
 * cheapest columns under the start potentials v (plus arc (i, i), so a perfect matching always
 * exists), the assignment is solved on those arcs by shortest augmenting paths (Dijkstra with a
 * heap). The duals then certify the permutation optimal for the full problem (complementary
 * slackness) if cᵢⱼ ≥ uᵢ + vⱼ on every arc. Pricing costs O(n), not O(n²): when a row's candidates
 * are chosen, the smallest cᵢⱼ − vⱼ left out is kept as the row's floor θᵢ, and since augmentations
 * only lower v, every arc left out stays ≥ θᵢ; so a row can violate only if uᵢ &gt; θᵢ. Such a row
 * is scanned again, gains its violating arcs and a new floor, is released, and re-augmented.
 *
 * <p>The answer is exact whatever the start; good potentials only make it fast. A warm start is
 * the pair's last solve; a cold start takes its potentials from an ε-scaling auction on each row's
 * nearest columns, which is cheap and close enough. One instance is a workspace for one thread,
 * reusable across pairs of the same n and k.
 */
public final class CandidateArcAssignment {
    /**
     * Candidate columns per row from the start potentials. Measured at 1000×1000, k = 5, with
     * starts 1, 3, 8 and 16 Adam-sized steps old (ms, 8 / 16 / 24 candidates): 5.0/6.3/8.9,
     * 9.6/6.5/10.4, 18.4/9.9/10.7, 48.6/24.2/21.0; the network simplex with its cost matrix 35.
     */
    static final int CANDIDATES = 16;
    /**
     * Candidate columns per row for a cold start, whose first potentials (from the auction) are
     * rougher: with 16, some pairs needed thousands of re-augmentations; 24 and 48 were slower.
     */
    static final int COLD_CANDIDATES = 32;
    /** Candidate columns per row in the current solve. */
    private int candidates;
    /** About this many entries of a row are sampled to guess its selection bound. */
    private static final int SAMPLE = 64;
    private final double[] sample = new double[SAMPLE];
    /** Violating arcs a row may gain per pricing round (4 and 32 measured no better). */
    private static final int ADDED_PER_ROUND = 8;
    /** Relative slack on reduced costs, far below the 1e-9 agreement asked of exact solvers. */
    private static final double TOLERANCE = 1e-12;
    /** Pricing rounds before giving up (the caller then uses the network simplex); each adds arcs, so this is a guard. */
    private static final int MAX_ROUNDS = 1000;
    /** ε shrinks by this factor per auction phase. */
    private static final double AUCTION_SCALING = 4;
    /** The last auction phase has ε = this × the largest candidate cost (1e-2 and 1e-3 measured alike, 1e-4 slower). */
    private static final double AUCTION_FINAL_EPS = 1e-3;

    private final int n;
    private final int k;
    private final int[][] arcCol;
    private final double[][] arcCost;
    private final int[] arcCount;
    private final double[] u;
    private double[] v;
    private final int[] rowOfCol;
    private final int[] colOfRow;
    private final double[][] yByDim;
    private final double[] scratch;
    private final double[] dist;
    private final int[] pred;
    private final boolean[] done;
    private final int[] touched;
    private final int[] heap;
    private final int[] heapPos;
    private final int[] freeRows;
    private final int[] violators;
    /** θᵢ: a lower bound on cᵢⱼ − vⱼ over the columns j that are not row i's candidates. */
    private final double[] floor;
    private final double[] bestReduced;
    private final int[] bestCol;
    /** Work counters of the current solve (augmentations are reported as the iterations). */
    private int rounds;
    private long augmentations;

    /**
     * A workspace for clouds of n points in k dimensions.
     *
     * @param n points per cloud (≥ 1)
     * @param k coordinates per point (≥ 1)
     */
    public CandidateArcAssignment(int n, int k) {
        if (n < 1 || k < 1) {
            throw new IllegalArgumentException("an assignment needs n ≥ 1 points of k ≥ 1 coordinates, got n = " + n
                    + ", k = " + k);
        }
        this.n = n;
        this.k = k;
        arcCol = new int[n][COLD_CANDIDATES + 1];
        arcCost = new double[n][COLD_CANDIDATES + 1];
        arcCount = new int[n];
        u = new double[n];
        rowOfCol = new int[n];
        colOfRow = new int[n];
        yByDim = new double[k][n];
        scratch = new double[n];
        dist = new double[n];
        pred = new int[n];
        done = new boolean[n];
        touched = new int[n];
        heap = new int[n];
        heapPos = new int[n];
        freeRows = new int[n];
        violators = new int[n];
        floor = new double[n];
        bestReduced = new double[Math.max(COLD_CANDIDATES, ADDED_PER_ROUND) + 1];
        bestCol = new int[Math.max(COLD_CANDIDATES, ADDED_PER_ROUND) + 1];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(heapPos, -1);
    }

    /**
     * The exact OT cost between the point clouds px and py (n×k row-major each; uniform weights
     * 1/n, Euclidean cost), with its optimal permutation plan and duals (uᵢ + vⱼ ≤ cᵢⱼ, tight on
     * the plan). Starts from the column potentials {@code start} (length n, e.g. the duals v of a
     * previous solve of a similar problem; null: a cold start), which are updated in place to
     * optimal ones. Returns null only if optimality could not be proven within the round limit
     * (never seen; the caller then solves another way).
     */
    public Transport solve(double[] px, double[] py, double[] start) {
        if (start != null && start.length != n) {
            throw new IllegalArgumentException("start potentials must have length " + n + ", got " + start.length);
        }
        if (px.length != n * k || py.length != n * k) {
            throw new IllegalArgumentException("assignment of " + n + " points in " + k + " dimensions got images of "
                    + px.length + " and " + py.length + " values");
        }
        for (int q = 0; q < k; q++) {
            double[] column = yByDim[q];
            for (int j = 0; j < n; j++) {
                column[j] = py[j * k + q];
            }
        }
        v = start;
        candidates = start == null ? COLD_CANDIDATES : CANDIDATES;
        if (start == null) {
            v = new double[n];
            auctionStart(px);
        }
        chooseCandidates(px, false);
        Arrays.fill(rowOfCol, -1);
        Arrays.fill(colOfRow, -1);
        int free = initialAssignment();
        augmentations = 0;
        rounds = 0;
        while (true) {
            for (int f = 0; f < free; f++) {
                augment(freeRows[f]);
                augmentations++;
            }
            rounds++;
            int violating = price();
            if (violating == 0) {
                return transport(px);
            }
            if (rounds >= MAX_ROUNDS) {
                return null;
            }
            free = admit(px, violating);
        }
    }

    /**
     * A cold start: potentials from an ε-scaling auction (Bertsekas) on each row's nearest columns
     * plus arc (i, i). On so few arcs the auction is cheap, and its prices end within about nε of
     * optimal duals there; the exact solve then starts from vⱼ = −priceⱼ as from a recent solve.
     */
    private void auctionStart(double[] px) {
        chooseCandidates(px, true);
        double largest = Double.MIN_NORMAL;
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < arcCount[i]; e++) {
                largest = Math.max(largest, arcCost[i][e]);
            }
        }
        // v holds the negated prices throughout.
        auction(largest / 4, AUCTION_FINAL_EPS * largest);
    }

    /** Gauss–Seidel auction over the candidate arcs with ε from {@code first} down to {@code last}; prices are −v. */
    private void auction(double first, double last) {
        int[] stack = freeRows;
        long budget = 200L * n * (candidates + 1);
        for (double eps = first; ; eps /= AUCTION_SCALING) {
            Arrays.fill(rowOfCol, -1);
            Arrays.fill(colOfRow, -1);
            int top = 0;
            for (int i = n - 1; i >= 0; i--) {
                stack[top++] = i;
            }
            while (top > 0 && budget-- > 0) {
                int i = stack[--top];
                int[] cols = arcCol[i];
                double[] costs = arcCost[i];
                double best = Double.POSITIVE_INFINITY;
                double second = Double.POSITIVE_INFINITY;
                int bestCol = -1;
                for (int e = 0; e < arcCount[i]; e++) {
                    double value = costs[e] - v[cols[e]];
                    if (value < second) {
                        if (value < best) {
                            second = best;
                            best = value;
                            bestCol = cols[e];
                        } else {
                            second = value;
                        }
                    }
                }
                v[bestCol] -= (second == Double.POSITIVE_INFINITY ? 0 : second - best) + eps;
                int previous = rowOfCol[bestCol];
                rowOfCol[bestCol] = i;
                colOfRow[i] = bestCol;
                if (previous >= 0) {
                    colOfRow[previous] = -1;
                    stack[top++] = previous;
                }
            }
            if (eps <= last || budget <= 0) {
                return;
            }
        }
    }

    /** scratch[j] = ‖xᵢ − yⱼ‖² for every column j, two dimensions per pass (vectorised by the JIT). */
    private void squaredDistances(double[] px, int i) {
        double[] d2 = scratch;
        int base = i * k;
        int q = 0;
        if (k == 1) {
            double x0 = px[base];
            double[] y0 = yByDim[0];
            for (int j = 0; j < n; j++) {
                double a = x0 - y0[j];
                d2[j] = a * a;
            }
            return;
        }
        double x0 = px[base];
        double x1 = px[base + 1];
        double[] y0 = yByDim[0];
        double[] y1 = yByDim[1];
        for (int j = 0; j < n; j++) {
            double a = x0 - y0[j];
            double b = x1 - y1[j];
            d2[j] = a * a + b * b;
        }
        for (q = 2; q + 1 < k; q += 2) {
            double xa = px[base + q];
            double xb = px[base + q + 1];
            double[] ya = yByDim[q];
            double[] yb = yByDim[q + 1];
            for (int j = 0; j < n; j++) {
                double a = xa - ya[j];
                double b = xb - yb[j];
                d2[j] += a * a + b * b;
            }
        }
        if (q < k) {
            double xa = px[base + q];
            double[] ya = yByDim[q];
            for (int j = 0; j < n; j++) {
                double a = xa - ya[j];
                d2[j] += a * a;
            }
        }
    }

    private double cost(double[] px, int i, int j) {
        double d2 = 0;
        for (int q = 0; q < k; q++) {
            double a = px[i * k + q] - yByDim[q][j];
            d2 += a * a;
        }
        return Math.sqrt(d2);
    }

    /**
     * Each row's {@code candidates} cheapest columns under c − v (with {@code nearest}: its nearest
     * columns, the auction's arcs, chosen by squared distance without a root), plus arc (i, i); the
     * next cheapest value is the row's floor θᵢ.
     */
    private void chooseCandidates(double[] px, boolean nearest) {
        int limit = Math.min(candidates + 1, n);
        for (int i = 0; i < n; i++) {
            squaredDistances(px, i);
            int kept = smallestUnder(limit, nearest);
            int count = 0;
            boolean hasDiagonal = false;
            int taken = Math.min(kept, candidates);
            for (int e = 0; e < taken; e++) {
                int j = bestCol[e];
                arcCol[i][count] = j;
                arcCost[i][count++] = nearest ? Math.sqrt(bestReduced[e]) : bestReduced[e] + v[j];
                hasDiagonal |= j == i;
            }
            if (!hasDiagonal) {
                arcCol[i][count] = i;
                arcCost[i][count++] = cost(px, i, i);
            }
            arcCount[i] = count;
            double next = kept > candidates ? bestReduced[candidates] : Double.POSITIVE_INFINITY;
            floor[i] = nearest ? Math.sqrt(next) : next;
        }
    }

    /**
     * The (up to) {@code limit} smallest cᵢⱼ − vⱼ over the columns whose squared distance is in
     * scratch (+∞ there excludes a column), sorted ascending into bestCol/bestReduced; returns how
     * many. Leaves cᵢⱼ − vⱼ in scratch. With {@code nearest}, the smallest squared distances instead.
     */
    private int smallestUnder(int limit, boolean nearest) {
        double[] h = scratch;
        if (!nearest) {
            for (int j = 0; j < n; j++) {
                h[j] = Math.sqrt(h[j]) - v[j];
            }
        }
        // Insertions, not the scan, dominate: start from a bound guessed from a sample, so only
        // values below it are inserted; if fewer than `limit` are, scan again without it.
        double guess = sampledBound(h, limit);
        int kept = smallestBelow(h, limit, guess, Double.NEGATIVE_INFINITY, 0);
        if (kept < limit && guess < Double.POSITIVE_INFINITY) {
            // Fewer than `limit` lie below the guess; those are kept, and the rest are all ≥ it.
            kept = smallestBelow(h, limit, Double.POSITIVE_INFINITY, guess, kept);
        }
        return kept;
    }

    /**
     * A value that about 2·limit entries of h lie below: the matching order statistic of every
     * SAMPLE_STRIDE-th entry (+∞ when the sample is too small to say).
     */
    private double sampledBound(double[] h, int limit) {
        int stride = Math.max(1, n / SAMPLE);
        int rank = (2 * limit + stride - 1) / stride;
        if (rank > sample.length || rank * stride >= n) {
            return Double.POSITIVE_INFINITY;
        }
        int kept = 0;
        double threshold = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j += stride) {
            double value = h[j];
            if (value < threshold) {
                int e = kept < rank ? kept++ : rank - 1;
                while (e > 0 && sample[e - 1] > value) {
                    sample[e] = sample[e - 1];
                    e--;
                }
                sample[e] = value;
                if (kept == rank) {
                    threshold = sample[rank - 1];
                }
            }
        }
        return kept == rank ? threshold : Double.POSITIVE_INFINITY;
    }

    /**
     * Adds to the {@code already} sorted entries of bestCol/bestReduced the smallest entries of h
     * in [from, bound), keeping at most {@code limit}; returns how many are kept.
     */
    private int smallestBelow(double[] h, int limit, double bound, double from, int already) {
        int kept = already;
        double threshold = bound;
        for (int j = 0; j < n; j++) {
            double value = h[j];
            if (value < threshold && value >= from) {
                int e = kept < limit ? kept++ : limit - 1;
                while (e > 0 && bestReduced[e - 1] > value) {
                    bestReduced[e] = bestReduced[e - 1];
                    bestCol[e] = bestCol[e - 1];
                    e--;
                }
                bestReduced[e] = value;
                bestCol[e] = j;
                if (kept == limit) {
                    threshold = bestReduced[limit - 1];
                }
            }
        }
        return kept;
    }

    /**
     * Start: Jonker–Volgenant's augmenting row reduction, twice, over the candidate arcs. Each free
     * row takes its cheapest column under c − v, lowering that column's potential to the gap to
     * its second cheapest (lowering v keeps every floor valid), and evicts the column's owner. Every
     * assigned arc is then a minimum of its row, so with uᵢ = that minimum the assigned arcs are
     * tight and all candidate arcs have reduced cost ≥ 0. Returns the number of free rows, listed in freeRows.
     */
    private int initialAssignment() {
        int free = n;
        for (int i = 0; i < n; i++) {
            freeRows[i] = i;
        }
        for (int round = 0; round < 2 && free > 0; round++) {
            free = reduceRows(free);
        }
        for (int i = 0; i < n; i++) {
            int j = colOfRow[i];
            if (j < 0) {
                rowMinimum(i);
            } else {
                u[i] = costOf(i, j) - v[j];
            }
        }
        return free;
    }

    /** One round of augmenting row reduction over the first {@code free} rows of freeRows; returns how many stay free. */
    private int reduceRows(int free) {
        int next = 0;
        int stillFree = 0;
        long budget = 8L * n + 8;
        while (next < free && budget-- > 0) {
            int i = freeRows[next++];
            int[] cols = arcCol[i];
            double[] costs = arcCost[i];
            double min = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int j1 = -1;
            int j2 = -1;
            for (int e = 0; e < arcCount[i]; e++) {
                int j = cols[e];
                double h = costs[e] - v[j];
                if (h < second) {
                    if (h >= min) {
                        second = h;
                        j2 = j;
                    } else {
                        second = min;
                        j2 = j1;
                        min = h;
                        j1 = j;
                    }
                }
            }
            int evicted = rowOfCol[j1];
            // A row with a single arc has no second choice: take it, potentials unchanged.
            boolean strict = j2 >= 0 && min < second;
            if (strict) {
                v[j1] -= second - min;
            } else if (evicted >= 0 && j2 >= 0) {
                j1 = j2;
                evicted = rowOfCol[j2];
            }
            if (evicted >= 0) {
                colOfRow[evicted] = -1;
            }
            rowOfCol[j1] = i;
            colOfRow[i] = j1;
            if (evicted >= 0) {
                if (strict) {
                    freeRows[--next] = evicted;
                } else {
                    freeRows[stillFree++] = evicted;
                }
            }
        }
        // Rows left when the budget ran out stay free for the augmentations.
        while (next < free) {
            freeRows[stillFree++] = freeRows[next++];
        }
        return stillFree;
    }

    /** The cost of candidate arc (i, j). */
    private double costOf(int i, int j) {
        int[] cols = arcCol[i];
        for (int e = 0; e < arcCount[i]; e++) {
            if (cols[e] == j) {
                return arcCost[i][e];
            }
        }
        throw new IllegalStateException("column " + j + " is not a candidate of row " + i);
    }

    /** Sets uᵢ to the minimum of c − v over row i's arcs; returns that arc's position. */
    private int rowMinimum(int i) {
        int[] cols = arcCol[i];
        double[] costs = arcCost[i];
        int best = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int e = 0; e < arcCount[i]; e++) {
            double r = costs[e] - v[cols[e]];
            if (r < min) {
                min = r;
                best = e;
            }
        }
        u[i] = min;
        return best;
    }

    /**
     * One shortest augmenting path from free row {@code free} over the candidate arcs (Dijkstra on
     * reduced costs, a binary heap of columns), then the usual potential update: finalised columns
     * and their rows shift by their distance below the sink's, which keeps every candidate arc's
     * reduced cost ≥ 0 and every assigned arc tight.
     */
    private void augment(int free) {
        int touchedCount = 0;
        int heapSize = 0;
        int i = free;
        double minVal = 0;
        int sink;
        while (true) {
            int[] cols = arcCol[i];
            double[] costs = arcCost[i];
            double ui = u[i];
            for (int e = 0; e < arcCount[i]; e++) {
                int j = cols[e];
                if (done[j]) {
                    continue;
                }
                double d = minVal + costs[e] - ui - v[j];
                if (d < dist[j]) {
                    if (heapPos[j] < 0) {
                        if (dist[j] == Double.POSITIVE_INFINITY) {
                            touched[touchedCount++] = j;
                        }
                        heap[heapSize] = j;
                        heapPos[j] = heapSize++;
                    }
                    dist[j] = d;
                    pred[j] = i;
                    siftUp(heapPos[j]);
                }
            }
            // A perfect matching exists among the arcs (arc (i, i) of every row), so a path exists.
            if (heapSize == 0) {
                throw new IllegalStateException("no augmenting path among the candidate arcs");
            }
            int j = heap[0];
            heapSize--;
            heapPos[j] = -1;
            if (heapSize > 0) {
                heap[0] = heap[heapSize];
                heapPos[heap[0]] = 0;
                siftDown(0, heapSize);
            }
            done[j] = true;
            minVal = dist[j];
            if (rowOfCol[j] < 0) {
                sink = j;
                break;
            }
            i = rowOfCol[j];
        }
        u[free] += minVal;
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            if (done[j]) {
                double shift = minVal - dist[j];
                v[j] -= shift;
                int r = rowOfCol[j];
                if (r >= 0 && j != sink) {
                    u[r] += shift;
                }
            }
        }
        for (int t = 0; t < heapSize; t++) {
            heapPos[heap[t]] = -1;
        }
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            dist[j] = Double.POSITIVE_INFINITY;
            done[j] = false;
        }
        int j = sink;
        while (true) {
            int r = pred[j];
            rowOfCol[j] = r;
            int previous = colOfRow[r];
            colOfRow[r] = j;
            if (r == free) {
                break;
            }
            j = previous;
        }
    }

    private void siftUp(int pos) {
        int j = heap[pos];
        double d = dist[j];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            int pj = heap[parent];
            if (dist[pj] <= d) {
                break;
            }
            heap[pos] = pj;
            heapPos[pj] = pos;
            pos = parent;
        }
        heap[pos] = j;
        heapPos[j] = pos;
    }

    private void siftDown(int pos, int size) {
        int j = heap[pos];
        double d = dist[j];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && dist[heap[child + 1]] < dist[heap[child]]) {
                child++;
            }
            int cj = heap[child];
            if (dist[cj] >= d) {
                break;
            }
            heap[pos] = cj;
            heapPos[cj] = pos;
            pos = child;
        }
        heap[pos] = j;
        heapPos[j] = pos;
    }

    /**
     * Prices every arc in O(n): row i may violate cᵢⱼ ≥ uᵢ + vⱼ only on a column outside its
     * candidates, and those all have cᵢⱼ − vⱼ ≥ θᵢ, so only rows with uᵢ &gt; θᵢ (beyond a relative
     * tolerance) are listed in {@code violators}. Returns how many.
     */
    private int price() {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (u[i] - floor[i] > TOLERANCE * (Math.abs(u[i]) + Math.abs(floor[i]))) {
                violators[count++] = i;
            }
        }
        return count;
    }

    /**
     * Scans each listed row again: it gains its columns with cᵢⱼ − vⱼ &lt; uᵢ (the most violated
     * first, at most ADDED_PER_ROUND) and a new floor, its potential drops to the minimum over its
     * arcs (lowering it keeps every reduced cost ≥ 0), and it is freed when its column is no longer
     * that minimum. Returns the number of free rows (listed in freeRows).
     */
    private int admit(double[] px, int violating) {
        int free = 0;
        for (int t = 0; t < violating; t++) {
            int i = violators[t];
            squaredDistances(px, i);
            for (int e = 0; e < arcCount[i]; e++) {
                scratch[arcCol[i][e]] = Double.POSITIVE_INFINITY;
            }
            int kept = smallestUnder(ADDED_PER_ROUND + 1, false);
            int take = 0;
            while (take < Math.min(kept, ADDED_PER_ROUND) && bestReduced[take] < u[i]) {
                addArc(i, bestCol[take], bestReduced[take] + v[bestCol[take]]);
                take++;
            }
            floor[i] = take < kept ? bestReduced[take] : Double.POSITIVE_INFINITY;
            int best = rowMinimum(i);
            if (arcCol[i][best] != colOfRow[i]) {
                int j = colOfRow[i];
                if (j >= 0) {
                    rowOfCol[j] = -1;
                    colOfRow[i] = -1;
                }
                freeRows[free++] = i;
            }
        }
        return free;
    }

    private void addArc(int i, int j, double c) {
        if (arcCount[i] == arcCol[i].length) {
            arcCol[i] = Arrays.copyOf(arcCol[i], 2 * arcCount[i]);
            arcCost[i] = Arrays.copyOf(arcCost[i], 2 * arcCount[i]);
        }
        arcCol[i][arcCount[i]] = j;
        arcCost[i][arcCount[i]++] = c;
    }

    private Transport transport(double[] px) {
        int[] rows = new int[n];
        int[] cols = new int[n];
        double[] mass = new double[n];
        double value = 0;
        double w = 1.0 / n;
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            cols[i] = colOfRow[i];
            mass[i] = w;
            value += cost(px, i, colOfRow[i]);
        }
        return new Transport(value * w, new TransportPlan(rows, cols, mass), u.clone(), v.clone(), augmentations, true);
    }
}
