package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The transport distance between batches within a class, as a penalty on each mini-batch:
 * P(V) = γ · mean over pairs (a, b) of W_θ(X_a, X_b), the pairs being the samples of the mini-batch's
 * triplets that share a class but not a batch. A metric that ignores the batch is not pulled
 * towards anything by it beyond what the class already asks; one that separates batches within a
 * class pays for it. {@link TripletObjective} adds it with the exact gradient through each pair's
 * optimal plan (the pairs are solved with the triplets' own, once each). Without such a pair in a
 * mini-batch it adds nothing.
 */
final class BatchTransportPenalty {
    private final double gamma;
    private final int[] classOf;
    private final int[] batchOf;

    /**
     * @param gamma   γ ≥ 0 (0: no penalty, no extra pairs)
     * @param classOf class index of every training sample
     * @param batchOf batch index of every training sample
     */
    BatchTransportPenalty(double gamma, int[] classOf, int[] batchOf) {
        this.gamma = gamma;
        this.classOf = classOf.clone();
        this.batchOf = batchOf.clone();
    }

    double gamma() {
        return gamma;
    }

    /**
     * The penalised pairs of a mini-batch, as {@link PairTransports#key} keys: every two of its
     * samples (in order of first appearance in the triplets) of one class and different batches.
     * Empty when γ = 0.
     */
    long[] pairs(List<Triplet> batch) {
        if (gamma == 0) {
            return new long[0];
        }
        Set<Integer> seen = new LinkedHashSet<>();
        for (Triplet t : batch) {
            seen.add(t.i());
            seen.add(t.j());
            seen.add(t.k());
        }
        int[] samples = seen.stream().mapToInt(Integer::intValue).toArray();
        List<Long> keys = new ArrayList<>();
        for (int x = 0; x < samples.length; x++) {
            for (int y = x + 1; y < samples.length; y++) {
                int a = samples[x];
                int b = samples[y];
                if (classOf[a] == classOf[b] && batchOf[a] != batchOf[b]) {
                    keys.add(PairTransports.key(a, b));
                }
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }
}
