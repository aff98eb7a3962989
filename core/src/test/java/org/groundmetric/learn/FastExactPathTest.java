package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.LocalEngine;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.Solver;
import org.junit.jupiter.api.Test;

/**
 * The fast exact path (network simplex for cold pairs, warm-started assignment for pairs solved in
 * the last few steps) learns the same W as the plain network simplex for every pair.
 */
class FastExactPathTest {

    @Test
    void learnsTheSameWAsThePlainNetworkSimplex() {
        // Sparse paper-like data, small: 12 samples of 40 cells, 120 genes; batches of 8 triplets so
        // that pairs recur within a few steps and the warm path is really taken.
        Cohort cohort = new PaperScaleCohort(12, 3, 40, 120, 3, 0.1, 4, 5).generate();
        List<CellMatrix> cells = new ArrayList<>();
        for (Sample s : cohort.samples()) {
            cells.add(s.cells());
        }
        double[] scale = FeatureStatistics.of(cells).inverseScales();
        TripletSampler sampler = new TripletSampler(cohort.classIndices(), 3);
        int k = 3;
        double[] fast = Ggml.uniformV(k, cohort.featureCount(), 9);
        double[] plain = fast.clone();
        try (LocalEngine local = new LocalEngine(2)) {
            WarmStarts fastStarts = new WarmStarts(true, WarmStarts.MAX_AGE);
            WarmStarts plainStarts = new WarmStarts(false, WarmStarts.MAX_AGE);
            TripletObjective fastObjective = TripletObjectiveTest.objective(cells, k, 10, Regulariser.FRO, 0.1, scale,
                    local, fastStarts);
            TripletObjective plainObjective = TripletObjectiveTest.objective(cells, k, 10, Regulariser.FRO, 0.1, scale,
                    local, plainStarts, Solver.NETWORK_SIMPLEX, 0);
            Adam fastAdam = new Adam(fast.length, 0.01, 0.9, 0.999, 1e-8);
            Adam plainAdam = new Adam(plain.length, 0.01, 0.9, 0.999, 1e-8);
            for (int epoch = 1; epoch <= 3; epoch++) {
                List<Triplet> triplets = sampler.random(new SplittableRandom(epoch));
                for (int b = 0; b < triplets.size(); b += 8) {
                    List<Triplet> batch = triplets.subList(b, Math.min(triplets.size(), b + 8));
                    TripletObjective.Evaluation f = fastObjective.evaluate(fast, batch);
                    TripletObjective.Evaluation p = plainObjective.evaluate(plain, batch);
                    assertEquals(p.loss(), f.loss(), 1e-9 * Math.abs(p.loss()), "loss at epoch " + epoch + " batch " + b);
                    fastAdam.step(fast, f.gradient());
                    plainAdam.step(plain, p.gradient());
                }
            }
            assertTrue(fastStarts.warmSolves() > 50, "warm path taken only " + fastStarts.warmSolves()
                    + " times; the test would not exercise it");
            assertEquals(0, plainStarts.warmSolves());
        }
        for (int p = 0; p < fast.length; p++) {
            assertEquals(plain[p], fast[p], 1e-9 * Math.max(1, Math.abs(plain[p])), "W entry " + p);
        }
    }
}
