package org.groundmetric.learn;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.groundmetric.ComputeEngine;
import org.groundmetric.metric.ProjectedCosts;
import org.groundmetric.ot.CandidateArcAssignment;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.SolverFactory;
import org.groundmetric.ot.Transport;
import org.groundmetric.ot.TransportSolver;

/**
 * The one transport problem of training, as an engine task: W_θ between two projected samples
 * (uniform weights, or the centroid masses of summarised samples; Euclidean cost in the
 * k-dimensional image). The same code runs on this JVM's
 * threads and in Spark tasks; each worker keeps its own solver and assignment workspaces (scratch
 * only, never a result).
 */
final class PairSolve implements ComputeEngine.Task<double[][], PairSolve.Problem, PairSolve.Solution> {
    private static final long serialVersionUID = 1L;
    private final int rank;
    private final SolverFactory solvers;
    private transient ThreadLocal<TransportSolver> solver;
    private transient ThreadLocal<Map<Integer, CandidateArcAssignment>> workspaces;

    /**
     * One problem: training samples i and j (cohort order), the slots of their images, the pair's
     * warm start (column potentials, or null), whether its duals are kept as its next start, and
     * the masses of the two sides' points (null: uniform).
     */
    record Problem(int sampleI, int sampleJ, int from, int to, double[] start, boolean keepStart,
                   double[] massesI, double[] massesJ) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The solution, the potentials to start the pair's next solve from (or null), and whether it was warm. */
    record Solution(Transport transport, double[] potentials, boolean warm) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    PairSolve(int rank, SolverFactory solvers) {
        this.rank = rank;
        this.solvers = solvers;
    }

    @Override
    public Solution apply(double[][] images, Problem problem) {
        return solve(images[problem.from()], images[problem.to()], rank, problem.start(), problem.keepStart(),
                problem.massesI(), problem.massesJ(), solver().get(), workspaces().get());
    }

    @Override
    public String describe(double[][] images, Problem problem) {
        return "training samples #" + problem.sampleI() + " and #" + problem.sampleJ() + " (cohort order)";
    }

    /**
     * W_θ between two projected samples. With uniform weights, assignment workspaces and equal
     * sizes, the candidate-arc assignment, warm from {@code start} (updated in place) or cold when it
     * is null and {@code keepStart}; otherwise (also for weighted points: summarised samples) the
     * solver (the network simplex). The duals
     * (uᵢ + vⱼ ≤ cᵢⱼ, tight on the plan) become the pair's start when {@code keepStart}. All are
     * exact, so the choice changes only the time; it depends only on the pair's own history, so
     * results do not depend on threads.
     */
    static Solution solve(double[] px, double[] py, int rank, double[] start, boolean keepStart,
                          double[] massesX, double[] massesY, TransportSolver solver,
                          Map<Integer, CandidateArcAssignment> workspaces) {
        int n = px.length / rank;
        int m = py.length / rank;
        boolean uniform = massesX == null && massesY == null;
        if (uniform && workspaces != null && n == m && (start != null || keepStart)) {
            Transport t = workspaces.computeIfAbsent(n, size -> new CandidateArcAssignment(size, rank)).solve(px, py, start);
            if (t != null) {
                return new Solution(t, start != null ? start : t.v().clone(), start != null);
            }
        }
        CostMatrix cost = ProjectedCosts.euclidean(px, n, py, m, rank);
        Transport t = solver.solve(massesX != null ? massesX : OT.uniform(n), massesY != null ? massesY : OT.uniform(m),
                cost);
        return new Solution(t, keepStart ? t.v().clone() : null, false);
    }

    private synchronized ThreadLocal<TransportSolver> solver() {
        if (solver == null) {
            solver = ThreadLocal.withInitial(solvers);
        }
        return solver;
    }

    private synchronized ThreadLocal<Map<Integer, CandidateArcAssignment>> workspaces() {
        if (workspaces == null) {
            workspaces = ThreadLocal.withInitial(HashMap::new);
        }
        return workspaces;
    }
}
