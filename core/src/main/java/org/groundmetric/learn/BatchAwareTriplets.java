package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The triplets of one epoch when samples carry a batch: as the paper's draw (for every sample j,
 * t samples i of j's class and t samples k of every other class; |T| = n·t²·(C−1)), but the
 * positive i comes from another batch than j and the negative k from j's batch wherever the cohort
 * has such samples. A metric then meets the constraint W_θ(X_i,X_j) + α ≤ W_θ(X_j,X_k) only by
 * what the class, not the batch, changes: the batch pulls the wrong way in every such triplet.
 * Where a class has no sample in the wanted batches, the candidates are the whole class, as the paper.
 */
public final class BatchAwareTriplets {
    private final int[] classOf;
    private final int[] batchOf;
    private final int classes;
    private final int t;

    /**
     * @param classOf class index (0..C−1) of every sample
     * @param batchOf batch index of every sample
     * @param t       neighbours per class
     */
    public BatchAwareTriplets(int[] classOf, int[] batchOf, int t) {
        new TripletSampler(classOf, t); // the paper's checks: labels, two classes, a class with a partner
        if (batchOf.length != classOf.length) {
            throw new IllegalArgumentException(classOf.length + " samples but " + batchOf.length + " batches");
        }
        this.classOf = classOf.clone();
        this.batchOf = batchOf.clone();
        this.t = t;
        this.classes = Arrays.stream(classOf).max().getAsInt() + 1;
    }

    /** The random draw. */
    public List<Triplet> random(SplittableRandom rng) {
        List<Triplet> out = new ArrayList<>();
        for (int j = 0; j < classOf.length; j++) {
            int[] same = positiveCandidates(j);
            if (same.length == 0) {
                continue; // a sample alone in its class anchors nothing, as in the paper's draw
            }
            int[] positives = pick(same, rng);
            for (int c = 0; c < classes; c++) {
                int[] negatives = negativeCandidates(j, c);
                if (c != classOf[j] && negatives.length > 0) {
                    add(out, positives, j, pick(negatives, rng));
                }
            }
        }
        return out;
    }

    /** Hard triplets: the t nearest candidates (as in the random draw) by the given n×n distances. */
    public List<Triplet> nearest(double[] distances) {
        int n = classOf.length;
        if (distances.length != n * n) {
            throw new IllegalArgumentException("nearest triplets need an " + n + "×" + n + " distance matrix");
        }
        List<Triplet> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            int[] same = positiveCandidates(j);
            if (same.length == 0) {
                continue;
            }
            int[] positives = nearestOf(same, distances, j);
            for (int c = 0; c < classes; c++) {
                int[] negatives = negativeCandidates(j, c);
                if (c != classOf[j] && negatives.length > 0) {
                    add(out, positives, j, nearestOf(negatives, distances, j));
                }
            }
        }
        return out;
    }

    /** Samples of j's class in another batch; all others of the class when there are none. */
    int[] positiveCandidates(int j) {
        int[] other = select(s -> s != j && classOf[s] == classOf[j] && batchOf[s] != batchOf[j]);
        return other.length > 0 ? other : select(s -> s != j && classOf[s] == classOf[j]);
    }

    /** Samples of class c in j's batch; the whole class when there are none. */
    int[] negativeCandidates(int j, int c) {
        int[] same = select(s -> classOf[s] == c && batchOf[s] == batchOf[j]);
        return same.length > 0 ? same : select(s -> classOf[s] == c);
    }

    private int[] select(java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, classOf.length).filter(keep).toArray();
    }

    private static void add(List<Triplet> out, int[] positives, int j, int[] negatives) {
        for (int i : positives) {
            for (int k : negatives) {
                out.add(new Triplet(i, j, k));
            }
        }
    }

    /** t distinct candidates in seeded random order, repeating the shuffled list when there are fewer than t. */
    private int[] pick(int[] candidates, SplittableRandom rng) {
        int[] shuffled = candidates.clone();
        for (int a = shuffled.length - 1; a > 0; a--) {
            int b = rng.nextInt(a + 1);
            int tmp = shuffled[a];
            shuffled[a] = shuffled[b];
            shuffled[b] = tmp;
        }
        int[] out = new int[t];
        for (int a = 0; a < t; a++) {
            out[a] = shuffled[a % shuffled.length];
        }
        return out;
    }

    private int[] nearestOf(int[] candidates, double[] distances, int j) {
        int n = classOf.length;
        int[] sorted = Arrays.stream(candidates).boxed()
                .sorted((x, y) -> Double.compare(distances[j * n + x], distances[j * n + y]))
                .mapToInt(Integer::intValue).toArray();
        int[] out = new int[t];
        for (int a = 0; a < t; a++) {
            out[a] = sorted[a % sorted.length];
        }
        return out;
    }
}
