package org.groundmetric.ot;

/**
 * Exact optimal transport between two point clouds of equal size n with uniform weights and
 * Euclidean ground cost (the W_θ of a training pair, in the k-dimensional image), as a linear
 * assignment solved on a sparse set of candidate arcs and then proven optimal over all n² arcs.
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
 * the pair's last solve; a cold start takes its potentials from an ε-scaling {@link Auction} on
 * each row's nearest columns, which is cheap and close enough. One instance is a workspace for one
 * thread, reusable across pairs of the same n and k.
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
    /** Pricing rounds before giving up (the result then says it did not converge); each adds arcs, so this is a guard. */
    static final int MAX_ROUNDS = 1000;
    /** The last auction phase has ε = this × the largest candidate cost (1e-2 and 1e-3 measured alike, 1e-4 slower). */
    private static final double AUCTION_FINAL_EPS = 1e-3;

    private final int n;
    private final int k;
    private final int maxRounds;
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
        this(n, k, MAX_ROUNDS);
    }

    /** A workspace that gives up (converged=false) after {@code maxRounds} pricing rounds. */
    CandidateArcAssignment(int n, int k, int maxRounds) {
        if (n < 1 || k < 1) {
            throw new IllegalArgumentException("an assignment needs n ≥ 1 points of k ≥ 1 coordinates, got n = " + n
                    + ", k = " + k);
        }
        this.n = n;
        this.k = k;
        this.maxRounds = maxRounds;
        arcs = new CandidateArcs(n, COLD_CANDIDATES + 1);
        match = new Matching(n);
        selection = new CandidateSelection(n, k, Math.max(COLD_CANDIDATES, FloorPricing.ADDED_PER_ROUND) + 1);
        paths = new ShortestAugmentingPath(n);
        pricing = new FloorPricing(n);
        freeRows = new int[n];
    }

    /**
     * The exact OT cost between the point clouds px and py (n×k row-major each; uniform weights
     * 1/n, Euclidean cost), with its optimal permutation plan and duals (uᵢ + vⱼ ≤ cᵢⱼ, tight on
     * the plan). Starts from the column potentials {@code start} (length n, e.g. the duals v of a
     * previous solve of a similar problem; null: a cold start), which are updated in place to
     * optimal ones. If optimality could not be proven within the round limit (never seen), the
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
        selection.setTargets(py);
        int candidates = start == null ? COLD_CANDIDATES : CANDIDATES;
        match.v = start;
        if (start == null) {
            match.v = new double[n];
            auctionStart(px);
        }
        selection.choose(px, arcs, match.v, candidates, false);
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
                return transport(px, augmentations, violating == 0);
            }
            free = pricing.admit(px, violating, selection, arcs, match, freeRows);
        }
    }

    /**
     * A cold start: potentials from an ε-scaling auction (Bertsekas) on each row's nearest columns
     * plus arc (i, i). On so few arcs the auction is cheap, and its prices end within about nε of
     * optimal duals there; the exact solve then starts from vⱼ = −priceⱼ as from a recent solve.
     */
    private void auctionStart(double[] px) {
        selection.choose(px, arcs, match.v, COLD_CANDIDATES, true);
        double largest = arcs.largestCost();
        Auction.run(arcs, match, freeRows, 200L * n * (COLD_CANDIDATES + 1), largest / 4, AUCTION_FINAL_EPS * largest);
    }

    private Transport transport(double[] px, long augmentations, boolean converged) {
        int[] rows = new int[n];
        int[] cols = new int[n];
        double[] mass = new double[n];
        double value = 0;
        double w = 1.0 / n;
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            cols[i] = match.colOfRow[i];
            mass[i] = w;
            value += selection.cost(px, i, match.colOfRow[i]);
        }
        return new Transport(value * w, new TransportPlan(rows, cols, mass), match.u.clone(), match.v.clone(),
                augmentations, converged);
    }
}
