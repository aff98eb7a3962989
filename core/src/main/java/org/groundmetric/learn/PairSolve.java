package org.groundmetric.learn;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.groundmetric.ComputeEngine;
import org.groundmetric.ot.CandidateArcAssignment;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.EntropicPlan;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Sinkhorn;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.Transport;

/**
 * The one transport problem of training, as an engine task: W_θ between two projected samples
 * (uniform weights, or the centroid masses of summarised samples; Euclidean cost in the
 * k-dimensional image), by the training's {@link Solver}.
 * The same code runs on this JVM's threads and in Spark tasks; each worker keeps its own
 * assignment workspaces (scratch only, never a result).
 */
final class PairSolve implements ComputeEngine.Task<double[][], PairSolve.Problem, PairSolve.Solution> {
    private static final long serialVersionUID = 1L;
    /**
     * Sinkhorn stops when the marginal error (of total mass 1) falls below this: 1% of the mass
     * misplaced moves a gradient step by less than the draw of its triplets does, and pairs whose
     * clusters must exchange mass converge slowly (a 24-cell pair of the paper's generator: 1e-4
     * after ~2000 sweeps, 1e-6 after ~20000). On Synth200D 1e-3 took twice the sweeps of 1e-2.
     */
    static final double SINKHORN_TOLERANCE = 1e-2;
    /** Sinkhorn sweeps before a pair is reported as not converged. */
    static final int SINKHORN_MAX_ITERATIONS = 5000;

    private final int rank;
    private final Solver solver;
    private final double sinkhornReg;
    private final double sinkhornTolerance;
    private transient ThreadLocal<Map<Integer, CandidateArcAssignment>> workspaces;
    /**
     * Each thread's n×m cost and kernel arrays for Sinkhorn pairs (scratch only: a solve's result
     * is read before the thread's next solve), so a pair does not allocate and zero 16 MB.
     */
    private static final ThreadLocal<double[][]> ENTROPIC_BUFFERS =
            ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    /**
     * One problem: training samples i and j (cohort order), the slots of their images, the pair's
     * warm start (the assignment's column potentials, or Sinkhorn's f then g; or null), whether
     * its potentials are kept as its next start, and the masses of the two sides' points (null:
     * uniform).
     */
    record Problem(int sampleI, int sampleJ, int from, int to, double[] start, boolean keepStart,
                   double[] massesI, double[] massesJ) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A solved pair.
     *
     * @param objective      the value the loss takes: W_θ for an exact solver, the entropic objective
     *                       Sinkhorn minimises for Sinkhorn
     * @param sourceGradient ∂objective/∂(source points), k×n coordinate-major ({@link PairGradient})
     * @param targetGradient ∂objective/∂(target points), k×m coordinate-major
     * @param potentials     what starts the pair's next solve (or null)
     * @param warm           whether this solve started from the pair's last one
     */
    record Solution(double objective, double[] sourceGradient, double[] targetGradient, double[] potentials,
                    boolean warm) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** An exact solve: W_θ and the gradient through its optimal plan. */
        static Solution exact(Transport t, double[] px, double[] py, int rank, double[] potentials, boolean warm) {
            double[][] g = PairGradient.ofPlan(t.plan(), px, py, rank);
            return new Solution(t.value(), g[0], g[1], potentials, warm);
        }
    }

    /**
     * @param solver      AUTO (a warm-started assignment for equal sizes, else the network simplex),
     *                    NETWORK_SIMPLEX, ASSIGNMENT or SINKHORN
     * @param sinkhornReg Sinkhorn's regulariser as a fraction of each pair's mean cost
     */
    PairSolve(int rank, Solver solver, double sinkhornReg) {
        this(rank, solver, sinkhornReg, SINKHORN_TOLERANCE);
    }

    /** With another Sinkhorn tolerance (tests check the gradient at a tight one). */
    PairSolve(int rank, Solver solver, double sinkhornReg, double sinkhornTolerance) {
        this.rank = rank;
        this.solver = solver;
        this.sinkhornReg = sinkhornReg;
        this.sinkhornTolerance = sinkhornTolerance;
    }

    @Override
    public Solution apply(double[][] images, Problem problem) {
        return solve(images[problem.from()], images[problem.to()], rank, solver, sinkhornReg, sinkhornTolerance,
                problem.start(), problem.keepStart(), problem.massesI(), problem.massesJ(), workspaces().get());
    }

    @Override
    public String describe(double[][] images, Problem problem) {
        return "training samples #" + problem.sampleI() + " and #" + problem.sampleJ() + " (cohort order)";
    }

    /**
     * W_θ between two projected samples (masses null: uniform weights). Exact solvers give the same value,
     * whatever the start, so the choice changes only the time; it depends only on the pair's own
     * history, so results do not depend on threads. With AUTO or ASSIGNMENT and equal sizes, the
     * candidate-arc assignment, warm from {@code start} (updated in place) or cold when it is null
     * and {@code keepStart}; an assignment that could not prove its optimum is solved again by the
     * network simplex. Weighted points (summarised samples) go to the network simplex (AUTO's
     * choice for them), cold. Sinkhorn starts from the pair's last potentials and fails, naming nothing
     * but its numbers (the engine names the pair), when it does not reach its tolerance.
     */
    static Solution solve(double[] px, double[] py, int rank, Solver solver, double sinkhornReg,
                          double sinkhornTolerance, double[] start, boolean keepStart, double[] massesX,
                          double[] massesY, Map<Integer, CandidateArcAssignment> workspaces) {
        int n = px.length / rank;
        int m = py.length / rank;
        PointClouds problem = new PointClouds(px, n, py, m, rank, massesX != null ? massesX : OT.uniform(n),
                massesY != null ? massesY : OT.uniform(m), PointMetric.EUCLIDEAN);
        if (solver == Solver.SINKHORN) {
            return sinkhorn(problem, sinkhornReg, sinkhornTolerance, start, keepStart);
        }
        boolean uniform = massesX == null && massesY == null;
        Solver chosen = solver == Solver.AUTO && n == m && uniform ? Solver.ASSIGNMENT : solver.resolve(problem);
        if (chosen == Solver.ASSIGNMENT && workspaces != null && (start != null || keepStart)) {
            Transport t = workspaces.computeIfAbsent(n, size -> new CandidateArcAssignment(size, rank))
                    .solve(px, py, start);
            if (t.converged()) {
                return Solution.exact(t, px, py, rank, start != null ? start : t.v().clone(), start != null);
            }
        }
        Transport t = chosen == Solver.ASSIGNMENT ? Solver.ASSIGNMENT.solve(problem) : new NetworkSimplex().solve(problem);
        if (!t.converged()) {
            throw new IllegalStateException("the network simplex stopped at its pivot limit after " + t.iterations()
                    + " pivots without proving the optimum");
        }
        return Solution.exact(t, px, py, rank, keepStart && n == m && uniform ? t.v().clone() : null, false);
    }

    /** The entropic pair: reg = sinkhornReg × the mean cost, warm from the pair's last f, g. */
    private static Solution sinkhorn(PointClouds problem, double sinkhornReg, double tolerance, double[] start,
                                     boolean keepStart) {
        int n = problem.n();
        int m = problem.m();
        double[][] buffers = ENTROPIC_BUFFERS.get();
        if (buffers[0].length != n * m) {
            buffers[0] = new double[n * m];
            buffers[1] = new double[n * m];
        }
        CostMatrix cost = Costs.pairwise(problem.x(), n, problem.y(), m, problem.dim(), PointMetric.EUCLIDEAN,
                buffers[0]);
        double reg = sinkhornReg * Math.max(cost.mean(), Double.MIN_NORMAL);
        Sinkhorn sinkhorn = new Sinkhorn(reg, tolerance, SINKHORN_MAX_ITERATIONS);
        double[] a = problem.a();
        double[] b = problem.b();
        EntropicPlan t = start == null ? sinkhorn.solveDense(a, b, cost, null, null, buffers[1])
                : sinkhorn.solveDense(a, b, cost, java.util.Arrays.copyOfRange(start, 0, n),
                        java.util.Arrays.copyOfRange(start, n, n + m), buffers[1]);
        if (!t.converged()) {
            throw new IllegalStateException("Sinkhorn with a regulariser of " + sinkhornReg + " × the mean cost did"
                    + " not reach marginal error " + tolerance + " in " + t.iterations() + " sweeps (it reached "
                    + t.marginalError() + "); raise the Sinkhorn regulariser or train with an exact solver");
        }
        double[] potentials = null;
        if (keepStart) {
            potentials = java.util.Arrays.copyOf(t.f(), n + m);
            System.arraycopy(t.g(), 0, potentials, n, m);
        }
        double meanCostWeight = sinkhornReg * sinkhorn.objectiveDerivativeInReg(t, a, b);
        double[][] g = PairGradient.ofEntropicPlan(t, cost, meanCostWeight, problem.x(), problem.y(),
                problem.dim());
        return new Solution(sinkhorn.objective(t, a, b), g[0], g[1], potentials, start != null);
    }

    private synchronized ThreadLocal<Map<Integer, CandidateArcAssignment>> workspaces() {
        if (workspaces == null) {
            workspaces = ThreadLocal.withInitial(HashMap::new);
        }
        return workspaces;
    }
}
