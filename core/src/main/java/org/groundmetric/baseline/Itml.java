package org.groundmetric.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Information-Theoretic Metric Learning (Davis et al. 2007), supervised as metric-learn's
 * {@code ITML_Supervised}: from the labels it draws 20·C² similar pairs (same class, distinct
 * points) and as many dissimilar pairs (different classes) as metric-learn's {@code Constraints}
 * does (a random first point, a random partner, duplicates dropped, up to 10 rounds); the bounds
 * u, l are the 5th and 95th percentiles of the Euclidean distances between the points in the pairs;
 * starting from M = I it cycles Bregman projections onto each constraint with slack γ = 1 until the
 * dual variables change by less than 10⁻³ (relative) or 1000 sweeps. Like metric-learn it compares
 * squared Mahalanobis distances with bounds taken from unsquared distances.
 *
 * <p>The random stream (seeded) differs from numpy's, so the pairs differ from metric-learn's for
 * the same seed. Memory: the u×u distances of the constrained points; time: checked every sweep.
 */
public final class Itml {
    private final double gamma;
    private final int maxIterations;
    private final double convergenceThreshold;
    private final Integer numConstraints;
    private final long seed;

    /** metric-learn's defaults (γ = 1, 1000 sweeps, threshold 10⁻³, 20·C² constraints of each kind). */
    public Itml(long seed) {
        this(1.0, 1000, 1e-3, null, seed);
    }

    public Itml(double gamma, int maxIterations, double convergenceThreshold, Integer numConstraints, long seed) {
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("ITML's gamma must be positive, got " + gamma);
        }
        this.gamma = gamma;
        this.maxIterations = maxIterations;
        this.convergenceThreshold = convergenceThreshold;
        this.numConstraints = numConstraints;
        this.seed = seed;
    }

    public Mahalanobis fit(LabelledPoints p, Budget budget) {
        int d = p.d();
        int nc = numConstraints != null ? numConstraints : 20 * p.numClasses() * p.numClasses();
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] pos = pairs(p.y(), nc, true, rng);
        int[][] neg = pairs(p.y(), nc, false, rng);
        double[] bounds = bounds(p, pos, neg, budget);
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = 1;
        }
        int numPos = pos.length;
        int numNeg = neg.length;
        double[] lambda = new double[numPos + numNeg];
        double[] lambdaOld = new double[lambda.length];
        double gammaProj = Double.isInfinite(gamma) ? 1.0 : gamma / (gamma + 1.0);
        double[] posBhat = new double[numPos];
        Arrays.fill(posBhat, bounds[0]);
        double[] negBhat = new double[numNeg];
        Arrays.fill(negBhat, bounds[1]);
        double[] v = new double[d];
        double[] av = new double[d];
        for (int it = 0; it < maxIterations; it++) {
            budget.checkTime();
            for (int i = 0; i < numPos; i++) {
                double wtw = quadratic(p, pos[i], a, v, av);
                double alpha = Math.min(lambda[i], gammaProj * (1.0 / wtw - 1.0 / posBhat[i]));
                lambda[i] -= alpha;
                double beta = alpha / (1 - alpha * wtw);
                posBhat[i] = 1.0 / ((1 / posBhat[i]) + (alpha / gamma));
                rankOneUpdate(a, av, beta, d);
            }
            for (int i = 0; i < numNeg; i++) {
                double wtw = quadratic(p, neg[i], a, v, av);
                double alpha = Math.min(lambda[i + numPos], gammaProj * (1.0 / negBhat[i] - 1.0 / wtw));
                lambda[i + numPos] -= alpha;
                double beta = -alpha / (1 + alpha * wtw);
                negBhat[i] = 1.0 / ((1 / negBhat[i]) - (alpha / gamma));
                rankOneUpdate(a, av, beta, d);
            }
            double normSum = norm(lambda) + norm(lambdaOld);
            if (normSum == 0) {
                break;
            }
            double change = 0;
            for (int i = 0; i < lambda.length; i++) {
                change += Math.abs(lambdaOld[i] - lambda[i]);
            }
            if (change / normSum < convergenceThreshold) {
                break;
            }
            System.arraycopy(lambda, 0, lambdaOld, 0, lambda.length);
        }
        return new Mahalanobis(a, d);
    }

    /** vᵀAv for v = x_a − x_b; leaves v and Av in the scratch arrays. */
    private static double quadratic(LabelledPoints p, int[] pair, double[] a, double[] v, double[] av) {
        int d = p.d();
        for (int k = 0; k < d; k++) {
            v[k] = p.get(pair[0], k) - p.get(pair[1], k);
        }
        double s = 0;
        for (int r = 0; r < d; r++) {
            double t = 0;
            for (int c = 0; c < d; c++) {
                t += a[r * d + c] * v[c];
            }
            av[r] = t;
            s += v[r] * t;
        }
        return s;
    }

    /** A += β (Av)(Av)ᵀ. */
    private static void rankOneUpdate(double[] a, double[] av, double beta, int d) {
        for (int r = 0; r < d; r++) {
            double br = av[r] * beta;
            for (int c = 0; c < d; c++) {
                a[r * d + c] += av[c] * br;
            }
        }
    }

    /** metric-learn's Constraints._pairs: distinct (a, b) pairs of same or different label. */
    static int[][] pairs(int[] labels, int wanted, boolean sameLabel, SplittableRandom rng) {
        int n = labels.length;
        LinkedHashSet<Long> chosen = new LinkedHashSet<>();
        int[] choices = new int[n];
        for (int round = 0; round < 10 && chosen.size() < wanted; round++) {
            int draws = wanted - chosen.size();
            for (int t = 0; t < draws; t++) {
                int a = rng.nextInt(n);
                int count = 0;
                for (int b = 0; b < n; b++) {
                    if (sameLabel ? labels[b] == labels[a] && b != a : labels[b] != labels[a]) {
                        choices[count++] = b;
                    }
                }
                if (count > 0) {
                    chosen.add((long) a * n + choices[rng.nextInt(count)]);
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (long key : chosen) {
            if (out.size() == wanted) {
                break;
            }
            out.add(new int[] {(int) (key / n), (int) (key % n)});
        }
        return out.toArray(new int[0][]);
    }

    /** 5th and 95th percentiles (numpy's linear interpolation) of all pairwise distances of the constrained points. */
    private static double[] bounds(LabelledPoints p, int[][] pos, int[][] neg, Budget budget) {
        java.util.TreeSet<Integer> idx = new java.util.TreeSet<>();
        for (int[][] set : new int[][][] {pos, neg}) {
            for (int[] pair : set) {
                idx.add(pair[0]);
                idx.add(pair[1]);
            }
        }
        // metric-learn deduplicates by coordinates: equal points count once
        List<double[]> unique = new ArrayList<>();
        java.util.HashSet<List<Double>> seen = new java.util.HashSet<>();
        for (int i : idx) {
            double[] row = Arrays.copyOfRange(p.x(), i * p.d(), (i + 1) * p.d());
            List<Double> key = new ArrayList<>();
            for (double v : row) {
                key.add(v);
            }
            if (seen.add(key)) {
                unique.add(row);
            }
        }
        int u = unique.size();
        budget.requireMemory(Budget.doubles(u, u), "ITML's distances between " + u + " constrained points");
        double[] all = new double[u * u];
        for (int i = 0; i < u; i++) {
            for (int j = 0; j < u; j++) {
                double s = 0;
                for (int k = 0; k < p.d(); k++) {
                    double t = unique.get(i)[k] - unique.get(j)[k];
                    s += t * t;
                }
                all[i * u + j] = Math.sqrt(s);
            }
        }
        Arrays.sort(all);
        double[] b = {percentile(all, 5), percentile(all, 95)};
        for (int i = 0; i < 2; i++) {
            if (b[i] == 0) {
                b[i] = 1e-9;
            }
        }
        return b;
    }

    static double percentile(double[] sorted, double q) {
        double pos = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double norm(double[] v) {
        return Math.sqrt(Lbfgs.dot(v, v));
    }
}
