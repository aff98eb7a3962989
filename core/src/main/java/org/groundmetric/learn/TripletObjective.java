package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.LocalEngine;

/**
 * The GGML batch objective and its exact gradient.
 *
 * <p>Loss = mean over the batch of relu(W_θ(X_i,X_j) − W_θ(X_j,X_k) + α) + λ·R(V), where W = V·diag(s)
 * ({@link TrainingCells}) and W_θ is exact OT (uniform weights, or the centroid masses of
 * summarised samples) with ground cost
 * d_W(x,y) = ‖Wx − Wy‖. Because the plan π is optimal, ∂W_θ/∂W = Σ πᵢⱼ W(xᵢ−yⱼ)(xᵢ−yⱼ)ᵀ/d_W(xᵢ,yⱼ)
 * (terms with d = 0 give 0).
 *
 * <p>The fast way: project every sample of the batch once (X·Wᵀ), solve every distinct pair once
 * ({@link PairTransports}, costs in k dimensions), gather per-sample k×n coefficient matrices Gₛ
 * (column r gets ±coef·W(xᵣ−y)), and form the gradient as Σₛ Gₛ·Xₛ: one pass over each sample's
 * cells, never a k×D outer product per cell pair (the diagonal form keeps only the diagonal of Gₛ·Xₛ,
 * {@link MetricForm}). Per-sample partial gradients are summed in sample
 * order, so the result does not depend on the thread count ({@link TrainingCells#gradient}).
 */
final class TripletObjective {

    /**
     * Loss, gradient with respect to V, and how many triplets violated the margin; {@code tripletLoss}
     * is the hinge mean alone, {@code loss} adds λ·R(V) and any penalty on pulled pairs.
     */
    record Evaluation(double loss, double tripletLoss, double[] gradient, int activeTriplets) {
    }

    private final TrainingCells cells;
    private final double alpha;
    private final Regulariser regulariser;
    private final double lambda;
    /** Threads of this JVM for the projections and the gradient (the pairs go to {@link #pairs}' engine). */
    private final LocalEngine local;
    private final PairTransports pairs;

    TripletObjective(TrainingCells cells, double alpha, Regulariser regulariser, double lambda, LocalEngine local,
                     PairTransports pairs) {
        this.cells = cells;
        this.alpha = alpha;
        this.regulariser = regulariser;
        this.lambda = lambda;
        this.local = local;
        this.pairs = pairs;
    }

    Evaluation evaluate(double[] v, List<Triplet> batch) {
        return evaluate(v, batch, new long[0], 0);
    }

    /**
     * The batch objective plus {@code pullWeight} · mean W_θ over the {@code pulled} pairs (keys of
     * {@link PairTransports#key}; {@link BatchTransportPenalty}), each solved once with the triplets'
     * pairs and differentiated through its optimal plan as they are.
     */
    Evaluation evaluate(double[] v, List<Triplet> batch, long[] pulled, double pullWeight) {
        pairs.starts().nextStep();
        int rank = cells.rank();
        double[] w = cells.effectiveW(v);
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
        int[] pulledPairs = new int[pulled.length];
        for (int q = 0; q < pulled.length; q++) {
            int a = PairTransports.first(pulled[q]);
            int b = PairTransports.second(pulled[q]);
            slot.putIfAbsent(a, slot.size());
            slot.putIfAbsent(b, slot.size());
            pulledPairs[q] = pairIndex(pairSlot, a, b);
        }
        int[] sampleOfSlot = slot.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] keys = pairSlot.keySet().stream().mapToLong(Long::longValue).toArray();
        int[] from = new int[keys.length];
        int[] to = new int[keys.length];
        for (int p = 0; p < keys.length; p++) {
            from[p] = slot.get(PairTransports.first(keys[p]));
            to[p] = slot.get(PairTransports.second(keys[p]));
        }
        double[][] projected = cells.project(sampleOfSlot, w, local);
        PairSolve.Solution[] solved = pairs.solve(keys, from, to, projected, cells.masses(sampleOfSlot));

        // Hinge per triplet; active triplets give each of their two pairs a weight ±1/|batch|.
        double[] pairWeight = new double[keys.length];
        double hinge = 0;
        int active = 0;
        double inv = 1.0 / batch.size();
        for (int b = 0; b < batch.size(); b++) {
            double l = solved[tripletPairs[b][0]].objective() - solved[tripletPairs[b][1]].objective() + alpha;
            if (l > 0) {
                hinge += l;
                active++;
                pairWeight[tripletPairs[b][0]] += inv;
                pairWeight[tripletPairs[b][1]] -= inv;
            }
        }
        hinge *= inv;
        double pull = 0;
        if (pulled.length > 0 && pullWeight != 0) {
            double share = pullWeight / pulled.length;
            for (int p : pulledPairs) {
                pull += share * solved[p].objective();
                pairWeight[p] += share;
            }
        }

        // Pairs touching each slot, in pair order, so each slot's coefficients are built alone.
        List<List<Integer>> pairsOfSlot = new ArrayList<>();
        for (int a = 0; a < sampleOfSlot.length; a++) {
            pairsOfSlot.add(new ArrayList<>());
        }
        for (int p = 0; p < keys.length; p++) {
            if (pairWeight[p] != 0) {
                pairsOfSlot.get(from[p]).add(p);
                pairsOfSlot.get(to[p]).add(p);
            }
        }
        double[][] coefficients = new double[sampleOfSlot.length][];
        for (int a = 0; a < sampleOfSlot.length; a++) {
            if (pairsOfSlot.get(a).isEmpty()) {
                continue;
            }
            double[] g = new double[rank * cells.sample(sampleOfSlot[a]).rows()];
            for (int p : pairsOfSlot.get(a)) {
                double[] pointGradient = a == from[p] ? solved[p].sourceGradient() : solved[p].targetGradient();
                for (int e = 0; e < g.length; e++) {
                    g[e] += pairWeight[p] * pointGradient[e];
                }
            }
            coefficients[a] = g;
        }
        double[] grad = cells.gradient(sampleOfSlot, coefficients, local);
        cells.toOptimisationCoordinates(grad);
        regulariser.addGradient(v, rank, lambda, grad);
        return new Evaluation(hinge + pull + lambda * regulariser.value(v, rank), hinge, grad, active);
    }

    private static int pairIndex(Map<Long, Integer> pairSlot, int a, int b) {
        return pairSlot.computeIfAbsent(PairTransports.key(a, b), x -> pairSlot.size());
    }
}
