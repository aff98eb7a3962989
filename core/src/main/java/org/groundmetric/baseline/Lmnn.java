package org.groundmetric.baseline;

import java.util.Arrays;

/**
 * Large Margin Nearest Neighbour (Weinberger &amp; Saul 2009) with metric-learn's semantics and
 * defaults: target neighbours are each point's k = 3 nearest same-class points in input space;
 * L starts at the identity (metric-learn's "auto" initialisation when all d components are kept);
 * the objective is reg·Σ pull + (1−reg)·Σ hinge over impostors (differently labelled points inside
 * a point's margin 1 + ‖L(x_i − x_target)‖²), reg = 0.5; gradient steps with learning rate 10⁻⁷
 * that halves until the objective does not rise and grows by 1 % after every accepted step; at
 * least 50 and at most 1000 iterations; stop when the objective changes by less than 10⁻³.
 *
 * <p>Impostors are found by scanning all differently labelled pairs at every evaluation (O(n²·d)
 * time, O(n·d) memory, checked against the budget); time is checked at every objective evaluation
 * and every million impostors, so LMNN on many cells ends as OOT rather than running on.
 */
public final class Lmnn {
    private final int neighbours;
    private final double regularization;
    private final double learnRate;
    private final int minIterations;
    private final int maxIterations;
    private final double convergenceTol;

    /** metric-learn's defaults. */
    public Lmnn() {
        this(3, 0.5, 1e-7, 50, 1000, 1e-3);
    }

    public Lmnn(int neighbours, double regularization, double learnRate, int minIterations, int maxIterations,
                double convergenceTol) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("LMNN's target neighbours must be at least 1, got " + neighbours);
        }
        if (!(regularization >= 0 && regularization <= 1)) {
            throw new IllegalArgumentException("LMNN's regularization must be in [0, 1], got " + regularization);
        }
        this.neighbours = neighbours;
        this.regularization = regularization;
        this.learnRate = learnRate;
        this.minIterations = minIterations;
        this.maxIterations = maxIterations;
        this.convergenceTol = convergenceTol;
    }

    private record Step(double[] gradient, double objective) { }

    public Mahalanobis fit(LabelledPoints p, Budget budget) {
        int d = p.d();
        int smallest = Arrays.stream(p.classCounts()).min().orElse(0);
        if (neighbours >= smallest) {
            throw new IllegalArgumentException("LMNN needs more than " + neighbours + " points in every class for "
                    + neighbours + " target neighbours; the smallest class has " + smallest + ". Lower the neighbours.");
        }
        budget.requireMemory(Budget.doubles(p.n(), d) * 2 + Budget.doubles(p.n(), neighbours), "LMNN's projected points");
        int[][] targets = targetNeighbours(p);
        double[] pull = new double[d * d]; // Σ (x_i − x_t)(x_i − x_t)ᵀ over target pairs
        for (int i = 0; i < p.n(); i++) {
            for (int t : targets[i]) {
                addOuter(pull, p, i, t, 1.0);
            }
        }
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            l[i * d + i] = 1;
        }
        double rate = learnRate;
        Step current = lossGrad(p, l, pull, targets, budget);
        for (int it = 2; it < maxIterations; it++) {
            double[] next;
            Step stepNext;
            double delta;
            while (true) {
                next = new double[d * d];
                for (int i = 0; i < next.length; i++) {
                    next[i] = l[i] - rate * current.gradient()[i];
                }
                stepNext = lossGrad(p, next, pull, targets, budget);
                delta = stepNext.objective() - current.objective();
                if (delta > 0) {
                    rate /= 2;
                } else {
                    break;
                }
            }
            l = next;
            current = stepNext;
            rate *= 1.01;
            if (it > minIterations && Math.abs(delta) < convergenceTol) {
                break;
            }
        }
        return Mahalanobis.fromComponents(l, d, d);
    }

    /** Each point's k nearest same-class points (squared Euclidean, ties by index). */
    private int[][] targetNeighbours(LabelledPoints p) {
        int[][] out = new int[p.n()][];
        for (int c = 0; c < p.numClasses(); c++) {
            int[] idx = Lfda.members(p, c);
            for (int i : idx) {
                Integer[] others = new Integer[idx.length];
                double[] dist = new double[p.n()];
                for (int j = 0; j < idx.length; j++) {
                    others[j] = idx[j];
                    dist[idx[j]] = idx[j] == i ? Double.POSITIVE_INFINITY : squared(p, i, idx[j]);
                }
                Arrays.sort(others, (a, b) -> a.equals(b) ? 0
                        : dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
                out[i] = new int[neighbours];
                for (int t = 0; t < neighbours; t++) {
                    out[i][t] = others[t];
                }
            }
        }
        return out;
    }

    private Step lossGrad(LabelledPoints p, double[] l, double[] pull, int[][] targets, Budget budget) {
        budget.checkTime();
        int n = p.n();
        int d = p.d();
        int k = neighbours;
        double[] lx = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < d; r++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += l[r * d + a] * p.get(i, a);
                }
                lx[i * d + r] = s;
            }
        }
        double[] ni = new double[n * k]; // 1 + squared distance to each target neighbour
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < k; t++) {
                double v = 1 + squaredRows(lx, d, i, targets[i][t]);
                ni[i * k + t] = v;
                max = Math.max(max, v);
            }
            radius[i] = max;
        }
        double[] df = new double[d * d];
        long totalActive = 0;
        long impostors = 0;
        int[] y = p.y();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (y[b] <= y[a]) {
                    continue; // pairs (in, out) with label(out) > label(in), as metric-learn enumerates them
                }
                double g0 = squaredRows(lx, d, a, b);
                if (!(g0 < radius[a] || g0 < radius[b])) {
                    continue;
                }
                if (++impostors % 1_000_000 == 0) {
                    budget.checkTime();
                }
                for (int t = 0; t < k; t++) {
                    if (g0 < ni[a * k + t]) { // b is inside a's margin for target t
                        totalActive++;
                        addOuter(df, p, a, targets[a][t], 1.0);
                        addOuter(df, p, a, b, -1.0);
                    }
                    if (g0 < ni[b * k + t]) { // a is inside b's margin
                        totalActive++;
                        addOuter(df, p, b, targets[b][t], 1.0);
                        addOuter(df, p, a, b, -1.0);
                    }
                }
            }
        }
        double reg = regularization;
        double[] gm = new double[d * d];
        for (int i = 0; i < gm.length; i++) {
            gm[i] = pull[i] * reg + df[i] * (1 - reg);
        }
        double[] g = new double[d * d]; // L·gm
        for (int r = 0; r < d; r++) {
            for (int a = 0; a < d; a++) {
                double lra = l[r * d + a];
                if (lra == 0) {
                    continue;
                }
                for (int c = 0; c < d; c++) {
                    g[r * d + c] += lra * gm[a * d + c];
                }
            }
        }
        double objective = totalActive * (1 - reg);
        for (int i = 0; i < g.length; i++) {
            objective += g[i] * l[i];
            g[i] *= 2;
        }
        return new Step(g, objective);
    }

    private static double squaredRows(double[] z, int d, int i, int j) {
        double s = 0;
        for (int r = 0; r < d; r++) {
            double t = z[i * d + r] - z[j * d + r];
            s += t * t;
        }
        return s;
    }

    private static double squared(LabelledPoints p, int i, int j) {
        return squaredRows(p.x(), p.d(), i, j);
    }

    /** acc += w (x_i − x_j)(x_i − x_j)ᵀ. */
    private static void addOuter(double[] acc, LabelledPoints p, int i, int j, double w) {
        int d = p.d();
        double[] x = p.x();
        for (int r = 0; r < d; r++) {
            double dr = w * (x[i * d + r] - x[j * d + r]);
            if (dr == 0) {
                continue;
            }
            for (int c = 0; c < d; c++) {
                acc[r * d + c] += dr * (x[i * d + c] - x[j * d + c]);
            }
        }
    }
}
