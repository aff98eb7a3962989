package org.groundmetric.ot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The transport solvers, by name: the one vocabulary of the library and the command line.
 *
 * <ul>
 *   <li>{@link #AUTO}: the fastest exact solver for the problem ({@link #fastestExact}).</li>
 *   <li>{@link #NETWORK_SIMPLEX}: exact, any weights and sizes, any metric (with the cost matrix).</li>
 *   <li>{@link #ASSIGNMENT}: exact, for two clouds of equal size with uniform weights and a metric
 *       other than cosine: OT is then a permutation, found on candidate arcs without the cost
 *       matrix and proven optimal over all pairs.</li>
 *   <li>{@link #SINKHORN}: entropic (approximate), needs a regulariser.</li>
 * </ul>
 */
public enum Solver {
    AUTO("auto"),
    NETWORK_SIMPLEX("network-simplex"),
    ASSIGNMENT("assignment"),
    SINKHORN("sinkhorn");

    private final String label;

    Solver(String label) {
        this.label = label;
    }

    /** The lower-case name used on the command line and in model files, e.g. {@code network-simplex}. */
    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Whether the solver's answer is the exact optimum (AUTO always picks an exact one). */
    public boolean exact() {
        return this != SINKHORN;
    }

    /**
     * Parses a label ("auto", "network-simplex", "assignment", "sinkhorn"), any case, '_' for '-';
     * "exact", the name older versions and model files use, means {@link #AUTO}.
     */
    @JsonCreator
    public static Solver parse(String name) {
        if (name != null) {
            String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (key.equals("exact")) {
                return AUTO;
            }
            for (Solver s : values()) {
                if (s.label.equals(key)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown solver '" + name
                + "'; expected auto (or exact), network-simplex, assignment or sinkhorn");
    }

    /**
     * Points of at least this many coordinates go to the network simplex even when the assignment
     * fits: in many dimensions all distances are alike, the coarse start says little, and the
     * assignment's arcs miss the plan (clusters in 50-D: 2.5× slower than the network simplex).
     */
    static final int ASSIGNMENT_MAX_DIMENSION = 16;
    /**
     * Smaller clouds go to the network simplex even when the assignment fits: below a few hundred
     * points its start and auction cost more than they save. At 300 points the assignment is
     * faster on most families (far apart: 2.6 ms against 4.2 ms) and slower on clustered ones
     * (3.0 against 2.6); from 1000 points on it is up to 2× faster.
     */
    static final int ASSIGNMENT_MIN_POINTS = 256;

    /**
     * The fastest exact solver for a problem: {@link #ASSIGNMENT} when the clouds have equal sizes
     * (at least 256 points) and uniform weights under a metric it supports, in fewer than 16
     * dimensions, without many repeated points (merging them makes the weights non-uniform) and,
     * below {@value #ASSIGNMENT_MIN_POINTS_WITH_TIES} points, without many tied costs
     * ({@link #manyTiedCosts}); else {@link #NETWORK_SIMPLEX}.
     */
    public static Solver fastestExact(PointClouds problem) {
        return fitsAssignment(problem) && problem.n() >= ASSIGNMENT_MIN_POINTS
                && problem.dim() < ASSIGNMENT_MAX_DIMENSION
                && (problem.n() >= ASSIGNMENT_MIN_POINTS_WITH_TIES || !manyTiedCosts(problem))
                && DuplicatePoints.of(problem) == null
                ? ASSIGNMENT : NETWORK_SIMPLEX;
    }

    /**
     * Clouds with many tied costs go to the network simplex below this many points even when the
     * assignment fits: the auction's bids between equal costs raise prices by ε alone, and its
     * bidding wars cost more than the simplex's degenerate pivots (distinct integer grid points
     * in 3-D, thread CPU: 300 points 3.5 ms against 2.8 ms; 1000 points 20 ms against 23 ms).
     */
    static final int ASSIGNMENT_MIN_POINTS_WITH_TIES = 600;
    /** Sources whose costs to every target are looked at for ties. */
    private static final int TIE_SAMPLE_ROWS = 4;

    /**
     * Whether more than half the costs from a few sources to every target repeat another cost of
     * the same source (points on an integer grid: yes; points from a continuous distribution: no).
     */
    static boolean manyTiedCosts(PointClouds p) {
        RowCosts costs = new RowCosts(p.y(), p.m(), p.dim(), p.metric());
        double[] row = new double[p.m()];
        int repeats = 0;
        int rows = Math.min(TIE_SAMPLE_ROWS, p.n());
        for (int r = 0; r < rows; r++) {
            costs.row(p.x(), (int) ((long) r * p.n() / rows), row);
            java.util.Arrays.sort(row);
            for (int j = 1; j < row.length; j++) {
                if (row[j] == row[j - 1]) {
                    repeats++;
                }
            }
        }
        return 2L * repeats > (long) rows * p.m();
    }

    /** Whether {@link #ASSIGNMENT} can solve the problem. */
    public static boolean fitsAssignment(PointClouds problem) {
        return problem.isAssignment() && problem.metric() != PointMetric.COSINE;
    }

    /**
     * The solver that {@link #solve} runs for this problem: AUTO's choice, or this one after
     * checking that it fits (ASSIGNMENT refuses other problems, naming what does not fit).
     */
    public Solver resolve(PointClouds problem) {
        switch (this) {
            case AUTO:
                return fastestExact(problem);
            case ASSIGNMENT:
                if (!fitsAssignment(problem)) {
                    throw new IllegalArgumentException("the assignment solver needs two clouds of equal size (got "
                            + problem.n() + " and " + problem.m() + " points) with uniform weights under euclidean,"
                            + " sqeuclidean or cityblock costs (got " + problem.metric().label()
                            + "); use the network simplex otherwise");
                }
                return this;
            case SINKHORN:
                throw new IllegalArgumentException("the Sinkhorn solver is entropic and needs a regulariser;"
                        + " use OT.sinkhorn(a, b, M, reg)");
            default:
                return this;
        }
    }

    /**
     * The exact optimal transport of the problem by this solver ({@link #resolve}); AUTO first
     * merges repeated points when that removes at least a tenth of them ({@link DuplicatePoints}).
     * An assignment that could not prove its optimality (its coarse start failed, see
     * {@link CandidateArcAssignment}) is solved again by the network simplex, so the result is exact; {@code converged} is false only if the network
     * simplex itself stopped at its pivot limit.
     */
    public Transport solve(PointClouds problem) {
        if (this == AUTO) {
            DuplicatePoints merged = DuplicatePoints.of(problem);
            if (merged != null) {
                return merged.expand(NETWORK_SIMPLEX.solve(merged.problem()));
            }
        }
        Solver chosen = resolve(problem);
        if (chosen == ASSIGNMENT) {
            Transport t = assignment(problem);
            if (t.converged()) {
                return t;
            }
        }
        return new NetworkSimplex().solve(problem);
    }

    /**
     * The exact optimal transport of a problem given only by its cost matrix: the network simplex
     * for AUTO and NETWORK_SIMPLEX (without the points there is no coarse start and no assignment).
     */
    public Transport solve(double[] a, double[] b, CostMatrix cost) {
        if (this == ASSIGNMENT) {
            throw new IllegalArgumentException("the assignment solver works from the points, not a cost matrix;"
                    + " use the network simplex for a cost matrix");
        }
        if (this == SINKHORN) {
            throw new IllegalArgumentException("the Sinkhorn solver is entropic and needs a regulariser;"
                    + " use OT.sinkhorn(a, b, M, reg)");
        }
        return new NetworkSimplex().solve(a, b, cost);
    }

    /** The assignment solve, its value and plan scaled to the common weight when that is not 1/n. */
    private static Transport assignment(PointClouds p) {
        Transport t = new CandidateArcAssignment(p.n(), p.dim(), p.metric()).solve(p.x(), p.y(), null);
        double w = p.a()[0];
        if (w == 1.0 / p.n()) {
            return t;
        }
        double[] mass = t.plan().mass().clone();
        java.util.Arrays.fill(mass, w);
        return new Transport(t.value() * w * p.n(), new TransportPlan(t.plan().rows(), t.plan().cols(), mass), t.u(),
                t.v(), t.iterations(), t.converged());
    }
}
