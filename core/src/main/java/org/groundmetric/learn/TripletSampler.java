package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the triplets of one epoch as the paper does: for every sample j, t samples i of j's class
 * (i ≠ j) and, for every other class, t samples k of that class; every (i, k) combination is a
 * triplet, so |T| = n·t²·(C−1). Draws are without replacement unless a class has fewer than t
 * candidates.
 */
public final class TripletSampler {
    private final int[] classOf;
    private final int classes;
    private final int t;
    private final int[][] members;

    /**
     * @param classOf class index (0..C−1) of every sample
     * @param t       neighbours per class
     */
    public TripletSampler(int[] classOf, int t) {
        if (t <= 0) {
            throw new IllegalArgumentException("neighbours t = " + t + " must be ≥ 1");
        }
        this.classOf = classOf.clone();
        this.t = t;
        int c = 0;
        for (int label : classOf) {
            if (label < 0) {
                throw new IllegalArgumentException("every training sample needs a class label (got index " + label + ")");
            }
            c = Math.max(c, label + 1);
        }
        this.classes = c;
        int[] counts = new int[c];
        for (int label : classOf) {
            counts[label]++;
        }
        members = new int[c][];
        for (int k = 0; k < c; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("class index " + k + " has no samples; class indices must be 0..C−1 without gaps");
            }
            members[k] = new int[counts[k]];
        }
        int[] fill = new int[c];
        for (int s = 0; s < classOf.length; s++) {
            members[classOf[s]][fill[classOf[s]]++] = s;
        }
        if (classes < 2) {
            throw new IllegalArgumentException("triplets need at least 2 classes, got " + classes);
        }
        for (int k = 0; k < c; k++) {
            if (members[k].length < 2) {
                throw new IllegalArgumentException("class index " + k + " has a single sample: every sample needs"
                        + " another sample of its class to form triplets (drop the class or add samples)");
            }
        }
    }

    /** n·t²·(C−1). */
    public int tripletsPerEpoch() {
        return classOf.length * t * t * (classes - 1);
    }

    /** The paper's random draw. */
    public List<Triplet> random(SplittableRandom rng) {
        List<Triplet> out = new ArrayList<>(tripletsPerEpoch());
        for (int j = 0; j < classOf.length; j++) {
            int[] same = without(members[classOf[j]], j);
            int[] positives = draw(same, rng);
            for (int c = 0; c < classes; c++) {
                if (c == classOf[j]) {
                    continue;
                }
                int[] negatives = draw(members[c], rng);
                add(out, positives, j, negatives);
            }
        }
        return out;
    }

    /**
     * Hard triplets: the t nearest samples of j's class and the t nearest of every other class,
     * by the given sample distances (n×n row-major, under the current metric).
     */
    public List<Triplet> nearest(double[] distances) {
        int n = classOf.length;
        if (distances.length != n * n) {
            throw new IllegalArgumentException("nearest triplets need an " + n + "×" + n + " distance matrix, got "
                    + distances.length + " values");
        }
        List<Triplet> out = new ArrayList<>(tripletsPerEpoch());
        for (int j = 0; j < n; j++) {
            int[] positives = closest(without(members[classOf[j]], j), distances, j);
            for (int c = 0; c < classes; c++) {
                if (c != classOf[j]) {
                    add(out, positives, j, closest(members[c], distances, j));
                }
            }
        }
        return out;
    }

    private static void add(List<Triplet> out, int[] positives, int j, int[] negatives) {
        for (int i : positives) {
            for (int k : negatives) {
                out.add(new Triplet(i, j, k));
            }
        }
    }

    /** t candidates without replacement, or with replacement when there are fewer than t. */
    private int[] draw(int[] candidates, SplittableRandom rng) {
        int[] out = new int[t];
        if (candidates.length >= t) {
            int[] pool = candidates.clone();
            for (int a = 0; a < t; a++) {
                int b = a + rng.nextInt(pool.length - a);
                int tmp = pool[a];
                pool[a] = pool[b];
                pool[b] = tmp;
                out[a] = pool[a];
            }
        } else {
            for (int a = 0; a < t; a++) {
                out[a] = candidates[rng.nextInt(candidates.length)];
            }
        }
        return out;
    }

    /** The t closest candidates to j (ties by index), cycling when there are fewer than t. */
    private int[] closest(int[] candidates, double[] distances, int j) {
        int n = classOf.length;
        Integer[] order = new Integer[candidates.length];
        for (int a = 0; a < order.length; a++) {
            order[a] = candidates[a];
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(distances[j * n + x], distances[j * n + y]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] out = new int[t];
        for (int a = 0; a < t; a++) {
            out[a] = order[a % order.length];
        }
        return out;
    }

    private static int[] without(int[] members, int j) {
        int[] out = new int[members.length - 1];
        int p = 0;
        for (int s : members) {
            if (s != j) {
                out[p++] = s;
            }
        }
        return out;
    }
}
