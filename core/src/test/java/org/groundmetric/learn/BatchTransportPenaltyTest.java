package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.LocalEngine;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.Solver;
import org.junit.jupiter.api.Test;

/**
 * The transport penalty on batches within a class: which pairs of a mini-batch it takes, its value
 * (γ · mean W_θ, each W_θ solved independently by the network simplex) and its gradient against
 * central differences of the whole loss.
 */
class BatchTransportPenaltyTest {

    // samples 0..5: classes 0 0 0 1 1 1, batches 0 1 1 0 1 0
    private static final int[] CLASS = {0, 0, 0, 1, 1, 1};
    private static final int[] BATCH = {0, 1, 1, 0, 1, 0};

    @Test
    void takesTheMiniBatchsPairsOfOneClassAndDifferentBatches() {
        BatchTransportPenalty penalty = new BatchTransportPenalty(0.5, CLASS, BATCH);
        // samples in order of appearance: 1, 0, 3, 4, 5 (2 is absent)
        long[] keys = penalty.pairs(List.of(new Triplet(1, 0, 3), new Triplet(4, 5, 0)));
        assertArrayEquals(new long[] {PairTransports.key(0, 1), PairTransports.key(3, 4), PairTransports.key(4, 5)},
                keys);
        assertEquals(0, new BatchTransportPenalty(0, CLASS, BATCH).pairs(List.of(new Triplet(1, 0, 3))).length,
                "γ = 0 adds no pairs");
    }

    @Test
    void valueIsGammaTimesTheMeanTransportDistanceAndTheGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(23);
        List<CellMatrix> samples = new ArrayList<>();
        for (int s = 0; s < CLASS.length; s++) {
            samples.add(TripletObjectiveTest.randomCells(rng, 6, 4, CLASS[s] + 0.3 * BATCH[s]));
        }
        double[] scale = {1, 0.5, 2, 0.1};
        double[] v = Ggml.uniformV(2, 4, 3);
        List<Triplet> batch = List.of(new Triplet(1, 0, 3), new Triplet(4, 5, 2), new Triplet(0, 2, 4));
        double gamma = 0.7;
        long[] pulled = new BatchTransportPenalty(gamma, CLASS, BATCH).pairs(batch);
        assertEquals(4, pulled.length, "pairs 0-1, 0-2, 3-4, 4-5: one class, different batches");
        try (LocalEngine local = new LocalEngine(1)) {
            TripletObjective objective = TripletObjectiveTest.objective(samples, 2, 30, Regulariser.FRO, 0.1, scale,
                    local, new WarmStarts(false, WarmStarts.MAX_AGE));
            TripletObjective.Evaluation plain = objective.evaluate(v, batch);
            TripletObjective.Evaluation penalised = objective.evaluate(v, batch, pulled, gamma);

            // the value: γ · mean W_θ over the pairs, each solved alone
            TrainingCells cells = new TrainingCells(samples, null, MetricForm.LOW_RANK, 2, scale);
            double[] w = cells.effectiveW(v);
            double sum = 0;
            for (long key : pulled) {
                double[] pa = MetricForm.LOW_RANK.project(samples.get(PairTransports.first(key)), w, 2);
                double[] pb = MetricForm.LOW_RANK.project(samples.get(PairTransports.second(key)), w, 2);
                sum += PairSolve.solve(pa, pb, 2, Solver.NETWORK_SIMPLEX, 0, 0, null, false, null, null, null).objective();
            }
            assertEquals(gamma * sum / pulled.length, penalised.loss() - plain.loss(), 1e-9);
            assertEquals(plain.tripletLoss(), penalised.tripletLoss(), 0.0);

            // the gradient: central differences of the penalised loss, and it differs from the plain one
            double h = 1e-6;
            double moved = 0;
            for (int p = 0; p < v.length; p++) {
                double[] plus = v.clone();
                double[] minus = v.clone();
                plus[p] += h;
                minus[p] -= h;
                double fd = (objective.evaluate(plus, batch, pulled, gamma).loss()
                        - objective.evaluate(minus, batch, pulled, gamma).loss()) / (2 * h);
                assertEquals(fd, penalised.gradient()[p], 1e-5 * Math.max(1, Math.abs(fd)), "grad[" + p + "]");
                moved = Math.max(moved, Math.abs(penalised.gradient()[p] - plain.gradient()[p]));
            }
            assertTrue(moved > 1e-3, "the penalty must move the gradient: " + moved);
        }
    }
}
