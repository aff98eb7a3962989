package org.groundmetric.learn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.groundmetric.ComputeEngine;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.ProjectedCosts;
import org.groundmetric.ot.CandidateArcAssignment;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Transport;
import org.groundmetric.ot.TransportPlan;
import org.groundmetric.ot.SolverFactory;
import org.groundmetric.ot.TransportSolver;

/**
 * The GGML batch objective and its exact gradient.
 *
 * <p>Loss = mean over the batch of relu(W_θ(X_i,X_j) − W_θ(X_j,X_k) + α) + λ·R(V), where W = V·diag(s)
 * (s = 1/σ under feature standardisation, else all ones) and W_θ is exact OT with uniform weights
 * and ground cost d_W(x,y) = ‖Wx − Wy‖. Because the plan π is optimal, ∂W_θ/∂W = Σ πᵢⱼ
 * W(xᵢ−yⱼ)(xᵢ−yⱼ)ᵀ/d_W(xᵢ,yⱼ) (terms with d = 0 give 0).
 *
 * <p>The fast way: project every sample of the batch once (X·Wᵀ), build costs in k dimensions,
 * solve every distinct pair once, gather per-sample k×n coefficient matrices Gₛ (column r gets
 * ±coef·W(xᵣ−y)), and form the gradient as Σₛ Gₛ·Xₛ: one pass over each sample's cells, never a k×D
 * outer product per cell pair. Per-sample partial gradients are summed in sample order, so the
 * result does not depend on the thread count.
 */
final class TripletObjective {

    /** Loss, gradient with respect to V, and how many triplets violated the margin. */
    record Evaluation(double loss, double tripletLoss, double[] gradient, int activeTriplets) {
    }

    private final List<CellMatrix> samples;
    private final int rank;
    private final int features;
    private final double alpha;
    private final Regularizer regularizer;
    private final double lambda;
    private final double[] columnScale;
    private final Parallel parallel;
    private final ThreadLocal<TransportSolver> solvers;
    /** Exact solves of equal-size pairs go through the candidate-arc assignment (null: use the solver). */
    private final ThreadLocal<Map<Integer, CandidateArcAssignment>> assignments;
    /** Column potentials left by the last solve of each pair, and the step of that solve: the next solve's warm start. */
    private final Map<Long, PairStart> potentials = new ConcurrentHashMap<>();
    /** Steps (evaluations) so far; a pair's potentials are "recent" if at most {@link #MAX_START_AGE} steps old. */
    private long step;

    /**
     * How many steps old a pair's potentials may be and still warm-start the assignment. In a
     * paper-scale epoch (131 × 1000 cells, k = 5, 2 threads; bench org.groundmetric.learn.StartAgeCpu)
     * a warm solve costs about 7 ms from last step's potentials and 2–3 ms more per step of age,
     * while a cold solve (auction start) costs about 25 ms; older starts are solved cold.
     */
    static final int MAX_START_AGE = 8;
    /** {@link #MAX_START_AGE} unless a benchmark sets another (0 = warm starts only from the previous step). */
    int maxStartAge = MAX_START_AGE;

    /** Solves that took the warm-started assignment (for tests and profiling). */
    final java.util.concurrent.atomic.AtomicLong warmSolves = new java.util.concurrent.atomic.AtomicLong();

    private record PairStart(double[] columnPotentials, long step) {
    }

    /** Where pairs are solved when not on this JVM's threads (null: {@link #parallel}). */
    private final ComputeEngine engine;
    private final PairSolve pairSolve;

    TripletObjective(List<CellMatrix> samples, int rank, double alpha, Regularizer regularizer, double lambda,
                     double[] columnScale, Parallel parallel, Supplier<TransportSolver> solverFactory,
                     boolean warmStartAssignment) {
        this(samples, rank, alpha, regularizer, lambda, columnScale, parallel, solverFactory, warmStartAssignment, null);
    }

    TripletObjective(List<CellMatrix> samples, int rank, double alpha, Regularizer regularizer, double lambda,
                     double[] columnScale, Parallel parallel, Supplier<TransportSolver> solverFactory,
                     boolean warmStartAssignment, ComputeEngine engine) {
        this.engine = engine;
        this.pairSolve = new PairSolve(rank, SolverFactory.of(solverFactory));
        this.samples = samples;
        this.rank = rank;
        this.features = samples.get(0).cols();
        this.alpha = alpha;
        this.regularizer = regularizer;
        this.lambda = lambda;
        this.columnScale = columnScale;
        this.parallel = parallel;
        this.solvers = ThreadLocal.withInitial(solverFactory);
        this.assignments = warmStartAssignment ? ThreadLocal.withInitial(HashMap::new) : null;
    }

    /** W = V·diag(s), k×D row-major. */
    double[] effectiveW(double[] v) {
        double[] w = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            w[p] = v[p] * columnScale[p % features];
        }
        return w;
    }

    Evaluation evaluate(double[] v, List<Triplet> batch) {
        step++;
        double[] w = effectiveW(v);
        // Distinct samples and pairs of the batch, in order of first appearance (deterministic).
        Map<Integer, Integer> slot = new LinkedHashMap<>();
        Map<Long, Integer> pairSlot = new LinkedHashMap<>();
        int[][] tripletPairs = new int[batch.size()][2];
        for (int b = 0; b < batch.size(); b++) {
            Triplet tr = batch.get(b);
            for (int s : new int[] {tr.i(), tr.j(), tr.k()}) {
                slot.putIfAbsent(s, slot.size());
            }
            tripletPairs[b][0] = pairIndex(pairSlot, tr.i(), tr.j());
            tripletPairs[b][1] = pairIndex(pairSlot, tr.j(), tr.k());
        }
        int[] sampleOfSlot = slot.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] pairs = pairSlot.keySet().stream().mapToLong(Long::longValue).toArray();

        double[][] projected = new double[sampleOfSlot.length][];
        parallel.forEach(sampleOfSlot.length, a -> projected[a] = samples.get(sampleOfSlot[a]).projectRows(w, rank));

        Transport[] solved = new Transport[pairs.length];
        if (engine != null) {
            int[] from = new int[pairs.length];
            int[] to = new int[pairs.length];
            for (int p = 0; p < pairs.length; p++) {
                from[p] = slot.get(first(pairs[p]));
                to[p] = slot.get(second(pairs[p]));
            }
            solveOnEngine(pairs, from, to, projected, solved);
        } else {
            parallel.forEach(pairs.length, p -> {
                int a = slot.get(first(pairs[p]));
                int b = slot.get(second(pairs[p]));
                solved[p] = solve(pairs[p], projected[a], projected[b]);
            });
        }

        // Hinge per triplet; active triplets give each of their two pairs a weight ±1/|batch|.
        double[] pairWeight = new double[pairs.length];
        double hinge = 0;
        int active = 0;
        double inv = 1.0 / batch.size();
        for (int b = 0; b < batch.size(); b++) {
            double l = solved[tripletPairs[b][0]].value() - solved[tripletPairs[b][1]].value() + alpha;
            if (l > 0) {
                hinge += l;
                active++;
                pairWeight[tripletPairs[b][0]] += inv;
                pairWeight[tripletPairs[b][1]] -= inv;
            }
        }
        hinge *= inv;

        // Pairs touching each slot, in pair order, so each slot's coefficients are built alone.
        List<List<Integer>> pairsOfSlot = new ArrayList<>();
        for (int a = 0; a < sampleOfSlot.length; a++) {
            pairsOfSlot.add(new ArrayList<>());
        }
        for (int p = 0; p < pairs.length; p++) {
            if (pairWeight[p] != 0) {
                pairsOfSlot.get(slot.get(first(pairs[p]))).add(p);
                pairsOfSlot.get(slot.get(second(pairs[p]))).add(p);
            }
        }
        double[][] partial = new double[sampleOfSlot.length][];
        parallel.forEach(sampleOfSlot.length, a -> {
            if (pairsOfSlot.get(a).isEmpty()) {
                return;
            }
            CellMatrix x = samples.get(sampleOfSlot[a]);
            double[] g = new double[rank * x.rows()];
            for (int p : pairsOfSlot.get(a)) {
                int src = slot.get(first(pairs[p]));
                int dst = slot.get(second(pairs[p]));
                addCoefficients(g, x.rows(), a == src, projected[src], projected[dst], solved[p].plan(), pairWeight[p]);
            }
            double[] acc = new double[rank * features];
            x.accumulateLeftProduct(g, rank, acc);
            partial[a] = acc;
        });
        double[] grad = new double[v.length];
        for (double[] acc : partial) {
            if (acc != null) {
                for (int p = 0; p < grad.length; p++) {
                    grad[p] += acc[p];
                }
            }
        }
        // Chain rule through W = V·diag(s).
        for (int p = 0; p < grad.length; p++) {
            grad[p] *= columnScale[p % features];
        }
        regularizer.addGradient(v, lambda, grad);
        return new Evaluation(hinge + lambda * regularizer.value(v), hinge, grad, active);
    }

    /**
     * Adds this sample's side of one pair: for plan entry (r, c, π), with diff = W(x_r − y_c) and
     * d = ‖diff‖, the source cell r gets +weight·π·diff/d and the target cell c gets the negative.
     */
    private void addCoefficients(double[] g, int n, boolean isSource, double[] px, double[] py, TransportPlan plan,
                                 double weight) {
        int[] rows = plan.rows();
        int[] cols = plan.cols();
        double[] mass = plan.mass();
        double[] diff = new double[rank];
        for (int e = 0; e < mass.length; e++) {
            if (mass[e] == 0) {
                continue;
            }
            int r = rows[e];
            int c = cols[e];
            double d2 = 0;
            for (int q = 0; q < rank; q++) {
                diff[q] = px[r * rank + q] - py[c * rank + q];
                d2 += diff[q] * diff[q];
            }
            if (d2 == 0) {
                continue;
            }
            double f = weight * mass[e] / Math.sqrt(d2);
            int cell = isSource ? r : c;
            double sign = isSource ? f : -f;
            for (int q = 0; q < rank; q++) {
                g[q * n + cell] += sign * diff[q];
            }
        }
    }

    /** W_θ between two projected samples (uniform weights), without warm start. */
    Transport solve(double[] px, double[] py) {
        return solve(-1, px, py);
    }

    /**
     * W_θ between two projected samples (uniform weights). When enabled, an equal-size pair is
     * solved by the candidate-arc assignment, warm-started from its potentials if they are recent
     * (solved at most {@link #maxStartAge} steps ago), else cold; its duals become the pair's next
     * start. Other pairs go to the solver (the network simplex). All are exact, so the choice
     * changes only the time; it depends only on the pair's own history, so results stay
     * independent of the thread count.
     */
    private Transport solve(long pairKey, double[] px, double[] py) {
        long now = step;
        PairSolution solved = solvePair(px, py, rank, recentStart(pairKey, px, py), keepsStart(pairKey, px, py),
                solvers.get(), assignments == null ? null : assignments.get());
        remember(pairKey, solved, now);
        return solved.transport();
    }

    /** The pair's potentials if it may be warm-started now (equal sizes, solved at most maxStartAge steps ago), else null. */
    private double[] recentStart(long pairKey, double[] px, double[] py) {
        if (!keepsStart(pairKey, px, py)) {
            return null;
        }
        PairStart start = potentials.get(pairKey);
        return start != null && step - start.step() <= maxStartAge ? start.columnPotentials() : null;
    }

    /** Whether this pair's duals are kept as its next warm start (equal sizes, warm start on, a real pair). */
    private boolean keepsStart(long pairKey, double[] px, double[] py) {
        return assignments != null && pairKey >= 0 && px.length == py.length;
    }

    private void remember(long pairKey, PairSolution solved, long now) {
        if (solved.potentials() != null) {
            potentials.put(pairKey, new PairStart(solved.potentials(), now));
        }
        if (solved.warm()) {
            warmSolves.incrementAndGet();
        }
    }

    /**
     * W_θ between two projected samples (uniform weights), the same here and in engine tasks. With
     * assignment workspaces and equal sizes, the candidate-arc assignment, warm from {@code start}
     * (updated in place) or cold when it is null and {@code keepStart}; otherwise the solver (the
     * network simplex). The duals (uᵢ + vⱼ ≤ cᵢⱼ, tight on the plan) become the pair's start when
     * {@code keepStart}. All are exact, so the choice changes only the time; it depends only on the
     * pair's own history, so results do not depend on threads.
     */
    static PairSolution solvePair(double[] px, double[] py, int rank, double[] start, boolean keepStart,
                                  TransportSolver solver, Map<Integer, CandidateArcAssignment> workspaces) {
        int n = px.length / rank;
        int m = py.length / rank;
        if (workspaces != null && n == m && (start != null || keepStart)) {
            Transport t = workspaces.computeIfAbsent(n, size -> new CandidateArcAssignment(size, rank)).solve(px, py, start);
            if (t.converged()) {
                return new PairSolution(t, start != null ? start : t.v().clone(), start != null);
            }
        }
        CostMatrix cost = ProjectedCosts.euclidean(px, n, py, m, rank);
        double[] a = new double[n];
        double[] b = new double[m];
        Arrays.fill(a, 1.0 / n);
        Arrays.fill(b, 1.0 / m);
        Transport t = solver.solve(a, b, cost);
        return new PairSolution(t, keepStart ? t.v().clone() : null, false);
    }

    /** The n×n matrix of W_θ between the given samples under V (used for hard-triplet mining). */
    double[] distanceMatrix(double[] v) {
        double[] w = effectiveW(v);
        int n = samples.size();
        double[][] projected = new double[n][];
        parallel.forEach(n, s -> projected[s] = samples.get(s).projectRows(w, rank));
        int pairCount = n * (n - 1) / 2;
        int[] pa = new int[pairCount];
        int[] pb = new int[pairCount];
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pa[p] = a;
                pb[p++] = b;
            }
        }
        double[] values = new double[pairCount];
        if (engine != null) {
            long[] keys = new long[pairCount];
            for (int q = 0; q < pairCount; q++) {
                keys[q] = ((long) pa[q] << 32) | pb[q];
            }
            Transport[] solved = new Transport[pairCount];
            solveOnEngine(keys, pa, pb, projected, solved);
            for (int q = 0; q < pairCount; q++) {
                values[q] = solved[q].value();
            }
        } else {
            parallel.forEach(pairCount, q -> values[q] = solve(((long) pa[q] << 32) | pb[q], projected[pa[q]],
                    projected[pb[q]]).value());
        }
        double[] out = new double[n * n];
        for (int q = 0; q < pairCount; q++) {
            out[pa[q] * n + pb[q]] = values[q];
            out[pb[q] * n + pa[q]] = values[q];
        }
        return out;
    }

    /**
     * Solves pair p between images {@code from[p]} and {@code to[p]} as engine tasks, exactly as
     * {@link #solve(long, double[], double[])} does here: each task carries its pair's warm-start
     * potentials and returns the updated ones, which are kept for the pair's next solve.
     */
    private void solveOnEngine(long[] keys, int[] from, int[] to, double[][] images, Transport[] out) {
        long now = step;
        List<PairProblem> problems = new ArrayList<>(keys.length);
        for (int p = 0; p < keys.length; p++) {
            double[] px = images[from[p]];
            double[] py = images[to[p]];
            problems.add(new PairProblem(first(keys[p]), second(keys[p]), from[p], to[p],
                    recentStart(keys[p], px, py), keepsStart(keys[p], px, py)));
        }
        List<PairSolution> solutions = engine.run(images, problems, pairSolve, org.groundmetric.Progress.NONE);
        for (int p = 0; p < keys.length; p++) {
            out[p] = solutions.get(p).transport();
            remember(keys[p], solutions.get(p), now);
        }
    }

    /** One transport problem: training samples i, j (cohort order), their images' slots, the warm start or null. */
    record PairProblem(int sampleI, int sampleJ, int from, int to, double[] start, boolean keepStart)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The solution, the potentials to start the pair's next solve from (or null), and whether it was warm. */
    record PairSolution(Transport transport, double[] potentials, boolean warm) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The engine task: W_θ between two projected samples, as {@link #solve(long, double[], double[])}. */
    static final class PairSolve implements ComputeEngine.Task<double[][], PairProblem, PairSolution> {
        private static final long serialVersionUID = 1L;
        private final int rank;
        private final SolverFactory solvers;
        private transient ThreadLocal<TransportSolver> solver;
        private transient ThreadLocal<Map<Integer, CandidateArcAssignment>> workspaces;

        PairSolve(int rank, SolverFactory solvers) {
            this.rank = rank;
            this.solvers = solvers;
        }

        @Override
        public PairSolution apply(double[][] images, PairProblem problem) {
            return solvePair(images[problem.from()], images[problem.to()], rank, problem.start(), problem.keepStart(),
                    solver().get(), workspaces().get());
        }

        @Override
        public String describe(double[][] images, PairProblem problem) {
            return "training samples #" + problem.sampleI() + " and #" + problem.sampleJ() + " (cohort order)";
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

    private static int pairIndex(Map<Long, Integer> pairSlot, int a, int b) {
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        return pairSlot.computeIfAbsent(key, x -> pairSlot.size());
    }

    private static int first(long key) {
        return (int) (key >>> 32);
    }

    private static int second(long key) {
        return (int) key;
    }
}
