package org.groundmetric.baseline;

/**
 * Neighbourhood Components Analysis (Goldberger et al. 2004) with metric-learn's semantics and
 * defaults: L (d×d) starts at the identity (metric-learn's "auto" initialisation when all d
 * components are kept), and L-BFGS maximises the expected number of points whose stochastic
 * nearest neighbour (softmax over −‖Lx_i − Lx_j‖², i ≠ j) has their class, for at most
 * {@code maxIterations} iterations (metric-learn's default 100; the fixture uses 200). M = LᵀL.
 *
 * <p>Memory: two n×n matrices per evaluation (checked against the budget, so NCA on many cells
 * reports OOM rather than exhausting the heap); time: checked at every evaluation.
 */
public final class Nca {
    private final int maxIterations;

    public Nca() {
        this(100);
    }

    public Nca(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("NCA's max iterations must be at least 1, got " + maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    public Mahalanobis fit(LabelledPoints p, Budget budget) {
        int n = p.n();
        int d = p.d();
        budget.requireMemory(Budget.doubles(n, n) * 2 + Budget.doubles(n, d), "NCA's n×n softmax for " + n + " points");
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            l[i * d + i] = 1;
        }
        double[] p2 = new double[n * n];
        double[] w = new double[n * n];
        double[] emb = new double[n * d];
        Lbfgs.Objective negLoss = (a, grad) -> -lossAndGradient(p, a, emb, p2, w, grad);
        new Lbfgs(maxIterations).minimize(negLoss, l, budget);
        return Mahalanobis.fromComponents(l, d, d);
    }

    /**
     * NCA's objective at L (d×d row-major): the expected number of points whose stochastic nearest
     * neighbour has their class, Σ_i p_i. It depends on M = LᵀL only.
     */
    static double expectedCorrect(LabelledPoints p, double[] l) {
        int n = p.n();
        int d = p.d();
        return lossAndGradient(p, l, new double[n * d], new double[n * n], new double[n * n], new double[d * d]);
    }

    /** Σ_i p_i and writes −∂/∂L into grad (so that grad is the gradient of the negated loss). */
    private static double lossAndGradient(LabelledPoints p, double[] l, double[] emb, double[] pij, double[] w, double[] grad) {
        int n = p.n();
        int d = p.d();
        double[] x = p.x();
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < d; r++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += x[i * d + a] * l[r * d + a];
                }
                emb[i * d + r] = s;
            }
        }
        double loss = 0;
        int[] y = p.y();
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double v;
                if (i == j) {
                    v = Double.NEGATIVE_INFINITY;
                } else {
                    double s = 0;
                    for (int r = 0; r < d; r++) {
                        double t = emb[i * d + r] - emb[j * d + r];
                        s += t * t;
                    }
                    v = -s;
                }
                pij[i * n + j] = v;
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double e = i == j ? 0 : Math.exp(pij[i * n + j] - max);
                pij[i * n + j] = e;
                sum += e;
            }
            double pi = 0;
            for (int j = 0; j < n; j++) {
                pij[i * n + j] /= sum;
                if (y[j] == y[i]) {
                    pi += pij[i * n + j];
                }
            }
            loss += pi;
            for (int j = 0; j < n; j++) {
                w[i * n + j] = (y[j] == y[i] && j != i ? pij[i * n + j] : 0) - pij[i * n + j] * pi;
            }
        }
        // S = W + Wᵀ with diagonal −colsum(W); gradient of the loss = 2 (Eᵀ S) X
        double[] es = new double[d * n]; // Eᵀ S, d×n
        for (int j = 0; j < n; j++) {
            double colSum = 0;
            for (int i = 0; i < n; i++) {
                colSum += w[i * n + j];
            }
            for (int i = 0; i < n; i++) {
                double sij = i == j ? -colSum : w[i * n + j] + w[j * n + i];
                if (sij == 0) {
                    continue;
                }
                for (int r = 0; r < d; r++) {
                    es[r * n + j] += emb[i * d + r] * sij;
                }
            }
        }
        java.util.Arrays.fill(grad, 0);
        for (int r = 0; r < d; r++) {
            for (int j = 0; j < n; j++) {
                double v = es[r * n + j];
                if (v == 0) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    grad[r * d + a] -= 2 * v * x[j * d + a];
                }
            }
        }
        return loss;
    }
}
