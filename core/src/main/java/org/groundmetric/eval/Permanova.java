package org.groundmetric.eval;

import java.util.SplittableRandom;

/**
 * PERMANOVA (Anderson 2001; scikit-bio's {@code permanova}): do the groups (class labels) of a
 * distance matrix differ more than chance? With n samples in a groups, SS_T = (1/n)·Σ_{i<j} d_ij²,
 * SS_W = Σ_g (1/n_g)·Σ_{i<j in g} d_ij², SS_A = SS_T − SS_W and the pseudo-F statistic
 * F = (SS_A/(a−1)) / (SS_W/(n−a)). The p-value is the share of label permutations (a seeded
 * shuffle each) whose F reaches the observed one, counting the observed labelling:
 * p = (1 + #{F_perm ≥ F}) / (1 + permutations).
 */
public final class Permanova {

    /** pseudo-F, its permutation p-value and the number of permutations. */
    public record Result(double pseudoF, double pValue, int permutations) {
    }

    private Permanova() {
    }

    /**
     * @param distances    n×n symmetric distances
     * @param groups       group index of every sample (at least two groups; n greater than the group count)
     * @param permutations label permutations (0: no p-value, NaN)
     * @param seed         seed of the shuffles
     */
    public static Result test(double[][] distances, int[] groups, int permutations, long seed) {
        return test(new double[][][] {distances}, new int[][] {groups}, permutations, seed);
    }

    /**
     * The test on several blocks at once (e.g. held-out folds, each with its own distances): the
     * statistic is the sum of the blocks' pseudo-F and every permutation shuffles the labels within
     * each block; {@link Result#pseudoF} is the blocks' mean.
     */
    public static Result test(double[][][] blocks, int[][] groups, int permutations, long seed) {
        if (permutations < 0) {
            throw new IllegalArgumentException("permutations = " + permutations + "; expected ≥ 0");
        }
        double observed = 0;
        for (int b = 0; b < blocks.length; b++) {
            observed += pseudoF(blocks[b], groups[b]);
        }
        if (permutations == 0) {
            return new Result(observed / blocks.length, Double.NaN, 0);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] shuffled = new int[groups.length][];
        for (int b = 0; b < groups.length; b++) {
            shuffled[b] = groups[b].clone();
        }
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            double f = 0;
            for (int b = 0; b < blocks.length; b++) {
                shuffle(shuffled[b], rng);
                f += pseudoF(blocks[b], shuffled[b]);
            }
            // A tolerance for rounding: a permutation that only reorders equal groups gives the same F.
            if (f >= observed - 1e-9 * Math.abs(observed)) {
                atLeast++;
            }
        }
        return new Result(observed / blocks.length, (1.0 + atLeast) / (1.0 + permutations), permutations);
    }

    /** The pseudo-F statistic of one labelling. */
    public static double pseudoF(double[][] distances, int[] groups) {
        int n = groups.length;
        if (distances.length != n) {
            throw new IllegalArgumentException(n + " group labels for " + distances.length + " samples");
        }
        int a = 0;
        for (int g : groups) {
            if (g < 0) {
                throw new IllegalArgumentException("every sample needs a group (class label)");
            }
            a = Math.max(a, g + 1);
        }
        int[] size = new int[a];
        for (int g : groups) {
            size[g]++;
        }
        int present = 0;
        for (int s : size) {
            present += s > 0 ? 1 : 0;
        }
        if (present < 2 || n <= present) {
            throw new IllegalArgumentException("PERMANOVA needs at least two groups and more samples (" + n
                    + ") than groups (" + present + ")");
        }
        double total = 0;
        double[] within = new double[a];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d2 = distances[i][j] * distances[i][j];
                total += d2;
                if (groups[i] == groups[j]) {
                    within[groups[i]] += d2;
                }
            }
        }
        double ssT = total / n;
        double ssW = 0;
        for (int g = 0; g < a; g++) {
            if (size[g] > 0) {
                ssW += within[g] / size[g];
            }
        }
        double ssA = ssT - ssW;
        return (ssA / (present - 1)) / (ssW / (n - present));
    }

    private static void shuffle(int[] x, SplittableRandom rng) {
        for (int i = x.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}
