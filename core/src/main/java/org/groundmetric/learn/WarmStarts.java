package org.groundmetric.learn;

import java.util.HashMap;
import java.util.Map;

/**
 * The warm-start cache of training: for each pair of training samples, the potentials left by its
 * last solve (the exact assignment's column potentials, or Sinkhorn's f and g) and the step (Adam
 * step) of that solve. A pair solved at most {@link #maxAge} steps ago starts from them; an older
 * or new pair is solved cold. For the assignment only pairs of equal-size samples are kept. The
 * cache is read and written on the caller's thread, between the batches' engine runs.
 */
final class WarmStarts {

    /**
     * How many steps old a pair's potentials may be and still warm-start the assignment. In a
     * paper-scale epoch (131 × 1000 cells, k = 5, 2 threads; bench org.groundmetric.bench.StartAgeCpu)
     * a warm solve costs about 7 ms from last step's potentials and 2–3 ms more per step of age,
     * while a cold solve (auction start) costs about 25 ms; older starts are solved cold.
     */
    static final int MAX_AGE = 8;

    private record Start(double[] columnPotentials, long step) {
    }

    private final boolean enabled;
    private final boolean equalSizesOnly;
    private final int maxAge;
    private final Map<Long, Start> starts = new HashMap<>();
    /** Steps (objective evaluations) so far. */
    private long step;
    private long warmSolves;

    /**
     * @param enabled whether equal-size pairs go through the (warm-started) assignment at all; when
     *                not, every pair goes to the solver and nothing is kept
     * @param maxAge  steps a pair's potentials may be old and still start it (0: only last step's)
     */
    WarmStarts(boolean enabled, int maxAge) {
        this(enabled, maxAge, true);
    }

    /** @param equalSizesOnly keep only pairs of equal sizes (the assignment's); false for Sinkhorn */
    WarmStarts(boolean enabled, int maxAge, boolean equalSizesOnly) {
        if (maxAge < 0) {
            throw new IllegalArgumentException("the start age limit is " + maxAge + "; expected ≥ 0");
        }
        this.enabled = enabled;
        this.maxAge = maxAge;
        this.equalSizesOnly = equalSizesOnly;
    }

    /**
     * A new step begins: potentials kept from now on are one step younger than those before. Those
     * that have grown too old to start a solve are dropped, so the cache holds at most the pairs
     * of the last maxAge + 1 steps (n doubles each), however many pairs an epoch visits.
     */
    void nextStep() {
        step++;
        starts.values().removeIf(start -> step - start.step() > maxAge);
    }

    /** How many pairs' potentials are kept now (a statistic for tests). */
    int kept() {
        return starts.size();
    }

    long step() {
        return step;
    }

    /** Whether this pair's potentials are kept as its next start (enabled, a real pair, of equal sizes if so asked). */
    boolean keeps(long pairKey, int n, int m) {
        return enabled && pairKey >= 0 && (n == m || !equalSizesOnly);
    }

    /** The pair's potentials if it may be warm-started now (kept, solved at most maxAge steps ago), else null. */
    double[] recent(long pairKey, int n, int m) {
        if (!keeps(pairKey, n, m)) {
            return null;
        }
        Start start = starts.get(pairKey);
        return start != null && step - start.step() <= maxAge ? start.columnPotentials() : null;
    }

    /** Keeps what a solve of this pair at step {@code solvedAt} left for its next start. */
    void remember(long pairKey, PairSolve.Solution solved, long solvedAt) {
        if (solved.potentials() != null) {
            starts.put(pairKey, new Start(solved.potentials(), solvedAt));
        }
        if (solved.warm()) {
            warmSolves++;
        }
    }

    /** How many solves started warm so far (a statistic for tests and benchmarks; results do not depend on it). */
    long warmSolves() {
        return warmSolves;
    }
}
