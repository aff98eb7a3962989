package org.groundmetric.ot;

/**
 * Exact optimal transport between two point clouds of equal size n with uniform weights (the W_θ
 * of a training pair, in the k-dimensional image; Euclidean by default, or squared Euclidean or
 * cityblock), as a linear assignment solved on a sparse set of candidate arcs and then proven
 * optimal over all n² arcs.
 *
 * <p>Why: a dense assignment or network simplex touches all n² arcs many times, yet an optimal
 * permutation uses arcs that are cheap under the reduced cost cᵢⱼ − vⱼ. So each row keeps its few
 * cheapest columns under the start potentials v (plus arc (i, i), so a perfect matching always
 * exists; {@link CandidateSelection}), the assignment is started by row reduction
 * ({@link RowReduction}) and completed by shortest augmenting paths ({@link ShortestAugmentingPath}).
 * The duals then certify the permutation optimal for the full problem if cᵢⱼ ≥ uᵢ + vⱼ on every
 * arc, which {@link FloorPricing} checks in O(n); rows that fail gain arcs and are re-augmented.
 *
 * <p>The answer is exact whatever the start; good potentials only make it fast. A warm start is
 * the pair's last solve; a cold start takes its potentials from the exactly solved transport
 * between cluster centres ({@link CoarseDuals}), sharpened by an ε-scaling {@link Auction} on the
 * candidate arcs. One instance is a workspace for one thread, reusable across pairs of the same n
 * and k.
 */
public final class CandidateArcAssignment {
    /**
     * Candidate columns per row from the start potentials. Measured at 1000×1000, k = 5, with
     * starts 1, 3, 8 and 16 Adam-sized steps old (ms, 8 / 16 / 24 candidates): 5.0/6.3/8.9,
     * 9.6/6.5/10.4, 18.4/9.9/10.7, 48.6/24.2/21.0; the network simplex with its cost matrix 35.
     * A cold start (coarse potentials and an auction) measured 16 best too, against 32.
     */
    static final int CANDIDATES = 16;
    /**
     * The first auction phase of a cold start has ε = this × the coarse problem's gap (its optimal
     * value less the dual value of its potentials on the fine problem): the size of the price
     * corrections to come. 0.1 and 0.25 measured alike; 1 slower on clouds far apart, 1e-3 × the
     * largest cost (a fixed start) 1.5× slower on clusters and ties.
     */
    static final double AUCTION_FIRST_OF_GAP = 0.2;
    /** Without a coarse start, the first auction phase has ε = this × the largest candidate cost. */
    static final double AUCTION_FIRST_EPS = 1e-3;
    /** The last auction phase has ε = this × the largest candidate cost (1e-5 and 1e-7 measured alike). */
    static final double AUCTION_LAST_EPS = 1e-7;

    /**
     * From this many coordinates on, a solve forms the cost matrix once and reads rows from it: a
     * row's costs then cost O(n·k) to form again, and pricing may form some rows several times.
     */
    static final int MATRIX_DIMENSION = 16;
    /** Pricing rounds before giving up (the result then says it did not converge); each adds arcs, so this is a guard. */
    static final int MAX_ROUNDS = 1000;

    private final int n;
    private final int k;
    private final int maxRounds;
    private final PointMetric metric;
    private final CandidateArcs arcs;
    private final Matching match;
    private final CandidateSelection selection;
    private final ShortestAugmentingPath paths;
    private final FloorPricing pricing;
    private final int[] freeRows;

    /**
     * A workspace for clouds of n points in k dimensions.
     *
     * @param n points per cloud (≥ 1)
     * @param k coordinates per point (≥ 1)
     */
    public CandidateArcAssignment(int n, int k) {
        this(n, k, PointMetric.EUCLIDEAN);
    }

    /**
     * A workspace for clouds of n points in k dimensions under a metric other than Euclidean
     * (cityblock, sqeuclidean; any cost whose rows {@link RowCosts} forms).
     */
    public CandidateArcAssignment(int n, int k, PointMetric metric) {
        this(n, k, metric, MAX_ROUNDS);
    }

    /** A workspace that gives up (converged=false) after {@code maxRounds} pricing rounds. */
    CandidateArcAssignment(int n, int k, PointMetric metric, int maxRounds) {
        if (n < 1 || k < 1) {
            throw new IllegalArgumentException("an assignment needs n ≥ 1 points of k ≥ 1 coordinates, got n = " + n
                    + ", k = " + k);
        }
        this.n = n;
        this.k = k;
        this.maxRounds = maxRounds;
        this.metric = metric;
        arcs = new CandidateArcs(n, CANDIDATES + 1);
        match = new Matching(n);
        selection = new CandidateSelection(n, k, metric, Math.max(CANDIDATES, Math.max(Auction.RESCAN, FloorPricing.ADDED_PER_ROUND)) + 1);
        paths = new ShortestAugmentingPath(n);
        pricing = new FloorPricing(n);
        freeRows = new int[n];
    }

    /**
     * The exact OT cost between the point clouds px and py (n×k row-major each; uniform weights
     * 1/n, the workspace's metric), with its optimal permutation plan and duals (uᵢ + vⱼ ≤ cᵢⱼ,
     * tight on the plan). Starts from the column potentials {@code start} (length n, e.g. the duals
     * v of a previous solve of a similar problem; null: a cold start), which are updated in place
     * to optimal ones. If optimality could not be proven within the round limit (never seen), the
     * result is the last permutation with {@code converged=false}: the caller must solve another way.
     */
    public Transport solve(double[] px, double[] py, double[] start) {
        if (start != null && start.length != n) {
            throw new IllegalArgumentException("start potentials must have length " + n + ", got " + start.length);
        }
        if (px.length != n * k || py.length != n * k) {
            throw new IllegalArgumentException("assignment of " + n + " points in " + k + " dimensions got images of "
                    + px.length + " and " + py.length + " values");
        }
        selection.setPoints(px, py, k >= MATRIX_DIMENSION);
        match.v = start;
        if (start == null) {
            coldStart(px, py);
        } else {
            selection.choose(arcs, match.v, CANDIDATES);
        }
        match.clear();
        int free = RowReduction.start(arcs, match, freeRows);
        long augmentations = 0;
        int rounds = 0;
        while (true) {
            for (int f = 0; f < free; f++) {
                paths.augment(freeRows[f], arcs, match);
                augmentations++;
            }
            rounds++;
            int violating = pricing.price(match.u, arcs.floor);
            if (violating == 0 || rounds >= maxRounds) {
                return transport(augmentations, violating == 0);
            }
            free = pricing.admit(violating, selection, arcs, match, freeRows);
        }
    }

    /**
     * A cold start: potentials from the exactly solved coarse problem between cluster centres
     * ({@link CoarseDuals}), sharpened by an ε-scaling {@link Auction} (Bertsekas) on each row's
     * cheapest arcs under them, which brings in a row's next cheapest columns whenever its arcs
     * cannot vouch for its bid. Its prices are then ε-optimal for the whole problem, not only on the
     * arcs, so the row reduction and the shortest augmenting paths that follow have little left to
     * do (0–80 augmentations for 2000 points).
     */
    private void coldStart(double[] px, double[] py) {
        CoarseDuals.Start start = CoarseDuals.pays(n, n)
                ? CoarseDuals.of(PointClouds.uniform(px, n, py, n, k, metric))
                : null;
        match.v = start != null ? start.v() : new double[n];
        double dual = selection.choose(arcs, match.v, CANDIDATES);
        double largest = arcs.largestCost();
        double first = start == null ? AUCTION_FIRST_EPS * largest
                : Math.min(0.1 * largest, Math.max(1e-4 * largest, AUCTION_FIRST_OF_GAP * (start.value() - dual / n)));
        Auction.run(arcs, match, freeRows, 200L * n * (CANDIDATES + 1), first, AUCTION_LAST_EPS * largest, selection);
    }

    private Transport transport(long augmentations, boolean converged) {
        int[] rows = new int[n];
        int[] cols = new int[n];
        double[] mass = new double[n];
        double value = 0;
        double w = 1.0 / n;
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            cols[i] = match.colOfRow[i];
            mass[i] = w;
            value += selection.cost(i, match.colOfRow[i]);
        }
        return new Transport(value * w, new TransportPlan(rows, cols, mass), match.u.clone(), match.v.clone(),
                augmentations, converged);
    }
}
