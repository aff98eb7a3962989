package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.ot.Solver;

/**
 * Solves the transport problems between projected training samples on a compute engine (this
 * JVM's threads or a cluster), each pair warm-started from its own last solve ({@link WarmStarts}).
 * A pair is named by its key (sample i &lt;&lt; 32 | sample j, i &lt; j in cohort order), so its
 * history, and with it the result, does not depend on which batch, thread or machine solved it.
 */
final class PairTransports {
    private final ComputeEngine engine;
    private final int rank;
    private final PairSolve task;
    private final WarmStarts starts;

    /**
     * @param rank        k, the coordinates per cell of the images
     * @param solver      the training's solver ({@link PairSolve})
     * @param sinkhornReg Sinkhorn's regulariser as a fraction of each pair's mean cost
     */
    PairTransports(ComputeEngine engine, int rank, Solver solver, double sinkhornReg, WarmStarts starts) {
        this(engine, rank, new PairSolve(rank, solver, sinkhornReg), starts);
    }

    /** Solving with the given task (e.g. one with a tighter Sinkhorn tolerance). */
    PairTransports(ComputeEngine engine, int rank, PairSolve task, WarmStarts starts) {
        this.engine = engine;
        this.rank = rank;
        this.task = task;
        this.starts = starts;
    }

    /** The key of the pair of training samples a and b (either order). */
    static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    static int first(long key) {
        return (int) (key >>> 32);
    }

    static int second(long key) {
        return (int) key;
    }

    WarmStarts starts() {
        return starts;
    }

    /**
     * Solves pair p between {@code images[from[p]]} and {@code images[to[p]]} (rank k images, n×k
     * row-major; the points' masses in {@code masses}, null for uniform) and keeps each pair's duals
     * for its next solve (uniform pairs only: weighted ones go to the solver every time).
     */
    PairSolve.Solution[] solve(long[] keys, int[] from, int[] to, double[][] images, double[][] masses) {
        long now = starts.step();
        List<PairSolve.Problem> problems = new ArrayList<>(keys.length);
        for (int p = 0; p < keys.length; p++) {
            int n = images[from[p]].length / rank;
            int m = images[to[p]].length / rank;
            double[] a = masses[from[p]];
            double[] b = masses[to[p]];
            boolean uniform = a == null && b == null;
            problems.add(new PairSolve.Problem(first(keys[p]), second(keys[p]), from[p], to[p],
                    uniform ? starts.recent(keys[p], n, m) : null, uniform && starts.keeps(keys[p], n, m), a, b));
        }
        List<PairSolve.Solution> solutions = engine.run(images, problems, task, Progress.NONE);
        PairSolve.Solution[] out = new PairSolve.Solution[keys.length];
        for (int p = 0; p < keys.length; p++) {
            out[p] = solutions.get(p);
            starts.remember(keys[p], solutions.get(p), now);
        }
        return out;
    }
}
