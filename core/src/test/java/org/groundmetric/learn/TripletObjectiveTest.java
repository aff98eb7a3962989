package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.LocalEngine;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.Transport;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;

class TripletObjectiveTest {

    /** fixtures/ggml_triplet_gradient.json: PyTorch autograd through POT emd2 (see the fixtures README). */
    @Test
    void lossValuesAndGradientMatchPyTorchAutogradThroughPot() {
        for (JsonNode c : Fixtures.load("ggml_triplet_gradient.json").get("cases")) {
            List<CellMatrix> samples = List.of(dense(c.get("Xi")), dense(c.get("Xj")), dense(c.get("Xk")));
            double[][] w = Fixtures.matrix(c.get("W"));
            int k = w.length;
            int d = w[0].length;
            double[] ones = new double[d];
            Arrays.fill(ones, 1);
            try (LocalEngine local = new LocalEngine(1)) {
                TripletObjective objective = objective(samples, k, c.get("alpha").asDouble(), Regulariser.NONE, 0,
                        ones, local, new WarmStarts(false, WarmStarts.MAX_AGE));
                double[] v = flatten(w);
                double[] pw = samples.get(0).projectRows(v, k);
                double[] pj = samples.get(1).projectRows(v, k);
                double[] pk = samples.get(2).projectRows(v, k);
                assertRelative(c.get("w_ij").asDouble(), solve(pw, pj, k), 1e-6, "w_ij");
                assertRelative(c.get("w_jk").asDouble(), solve(pj, pk, k), 1e-6, "w_jk");
                TripletObjective.Evaluation e = objective.evaluate(v, List.of(new Triplet(0, 1, 2)));
                assertRelative(c.get("loss").asDouble(), e.loss(), 1e-6, "loss");
                // Relative to the gradient's largest entry: cells are stored as float32 (the
                // fixture's inputs are float64), which moves a small entry by ~1e-6 of itself.
                double[] expected = flatten(Fixtures.matrix(c.get("grad")));
                double largest = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
                for (int p = 0; p < expected.length; p++) {
                    assertEquals(expected[p], e.gradient()[p], 1e-6 * largest, "grad[" + p + "]");
                }
            }
        }
    }

    /**
     * summary/weighted_triplet.json: POT's plans with the points' masses (summarised samples) and
     * the gradient through them; the trainer's weighted path (network simplex with the masses,
     * never the uniform assignment) gives the same W_θ, loss and gradient.
     */
    @Test
    void weightedPointsMatchPotPlansAndTheGradientThroughThem() {
        for (JsonNode c : Fixtures.resource("summary/weighted_triplet.json").get("cases")) {
            List<CellMatrix> samples = List.of(dense(c.get("Xi")), dense(c.get("Xj")), dense(c.get("Xk")));
            double[][] masses = {Fixtures.doubles(c.get("ai")), Fixtures.doubles(c.get("aj")), Fixtures.doubles(c.get("ak"))};
            double[][] w = Fixtures.matrix(c.get("W"));
            int k = w.length;
            double[] ones = new double[w[0].length];
            Arrays.fill(ones, 1);
            try (LocalEngine local = new LocalEngine(1)) {
                WarmStarts starts = new WarmStarts(true, WarmStarts.MAX_AGE);
                TripletObjective objective = new TripletObjective(new TrainingCells(samples, masses, MetricForm.LOW_RANK, k, ones),
                        c.get("alpha").asDouble(), Regulariser.NONE, 0, local,
                        new PairTransports(local, k, Solver.AUTO, 0.05, starts));
                double[] v = flatten(w);
                TripletObjective.Evaluation e = objective.evaluate(v, List.of(new Triplet(0, 1, 2)));
                assertRelative(c.get("loss").asDouble(), e.loss(), 1e-9, "loss " + c.get("name").asText());
                double[] expected = flatten(Fixtures.matrix(c.get("grad")));
                double largest = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
                for (int p = 0; p < expected.length; p++) {
                    assertEquals(expected[p], e.gradient()[p], 1e-9 * largest, "grad[" + p + "]");
                }
                objective.evaluate(v, List.of(new Triplet(0, 1, 2)));
                assertEquals(0, starts.warmSolves(), "weighted pairs never take the warm-started uniform assignment");
            }
        }
    }

    /**
     * Central differences of the whole batch loss (hinge mean + λ·‖V‖_F, standardised coordinates)
     * agree with the analytic gradient: the plan is locally constant, so the loss is smooth away from ties.
     */
    @Test
    void batchGradientMatchesFiniteDifferencesIncludingRegularizerAndScaling() {
        SplittableRandom rng = new SplittableRandom(7);
        List<CellMatrix> samples = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            samples.add(randomCells(rng, 6, 4, s));
        }
        double[] scale = {1, 0.5, 2, 0.01};
        double[] v = Ggml.uniformV(2, 4, 3);
        List<Triplet> batch = List.of(new Triplet(0, 1, 2), new Triplet(1, 0, 3), new Triplet(0, 1, 4),
                new Triplet(3, 4, 1));
        for (Regulariser reg : Regulariser.values()) {
            try (LocalEngine local = new LocalEngine(1)) {
                TripletObjective objective = objective(samples, 2, 30, reg, 0.1, scale, local,
                        new WarmStarts(reg == Regulariser.L1, WarmStarts.MAX_AGE));
                TripletObjective.Evaluation e = objective.evaluate(v, batch);
                assertTrue(e.activeTriplets() > 0, "the margin must make some triplets active");
                assertMatchesCentralDifferences(objective, v, batch, e.gradient(), reg.toString());
            }
        }
    }

    /**
     * The diagonal form's gradient (the diagonal of Gₛ·Xₛ, one pass over the cells) against central
     * differences of the loss, on dense and on sparse cells, with feature scaling and each regulariser.
     */
    @Test
    void diagonalGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        List<CellMatrix> dense = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            dense.add(randomCells(rng, 6, 4, s));
        }
        List<CellMatrix> sparse = new ArrayList<>();
        for (CellMatrix x : dense) {
            sparse.add(csr(sparsified((DenseMatrix) x)));
        }
        double[] scale = {1, 0.5, 2, 0.1};
        double[] v = Ggml.uniformV(1, 4, 9);
        List<Triplet> batch = List.of(new Triplet(0, 1, 2), new Triplet(1, 0, 3), new Triplet(0, 1, 4),
                new Triplet(3, 4, 1));
        for (List<CellMatrix> samples : List.of(dense, sparse)) {
            for (Regulariser reg : Regulariser.values()) {
                try (LocalEngine local = new LocalEngine(1)) {
                    TripletObjective objective = objective(samples, MetricForm.DIAGONAL, 4, 30, reg, 0.1, scale, local,
                            new WarmStarts(false, WarmStarts.MAX_AGE));
                    TripletObjective.Evaluation e = objective.evaluate(v, batch);
                    assertEquals(4, e.gradient().length, "one parameter per feature");
                    assertTrue(e.activeTriplets() > 0, "the margin must make some triplets active");
                    assertMatchesCentralDifferences(objective, v, batch, e.gradient(), reg.toString());
                }
            }
        }
    }

    /**
     * Sinkhorn training: the loss takes the entropic objective Sinkhorn minimises (its regulariser a
     * fraction of each pair's mean cost, so every cost moves it), and the analytic gradient — the
     * plan, plus the regulariser's share spread over all cell pairs — agrees with central
     * differences of that loss. Warm starts off, so each evaluation solves from the same start.
     */
    @Test
    void sinkhornGradientIsTheGradientOfTheEntropicObjective() {
        SplittableRandom rng = new SplittableRandom(17);
        List<CellMatrix> samples = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            samples.add(randomCells(rng, 7 + s, 3, s));
        }
        double[] scale = {1, 0.5, 2};
        double[] v = Ggml.uniformV(2, 3, 5);
        List<Triplet> batch = List.of(new Triplet(0, 1, 2), new Triplet(1, 0, 3), new Triplet(2, 3, 1));
        try (LocalEngine local = new LocalEngine(1)) {
            TripletObjective objective = objective(samples, 2, 30, Regulariser.FRO, 0.1, scale, local,
                    new WarmStarts(false, WarmStarts.MAX_AGE, false), Solver.SINKHORN, 0.2);
            TripletObjective.Evaluation e = objective.evaluate(v, batch);
            assertTrue(e.activeTriplets() > 0, "the margin must make some triplets active");
            double h = 1e-5;
            double largest = 0;
            for (double g : e.gradient()) {
                largest = Math.max(largest, Math.abs(g));
            }
            for (int p = 0; p < v.length; p++) {
                double[] plus = v.clone();
                double[] minus = v.clone();
                plus[p] += h;
                minus[p] -= h;
                double fd = (objective.evaluate(plus, batch).loss() - objective.evaluate(minus, batch).loss()) / (2 * h);
                assertEquals(fd, e.gradient()[p], 1e-6 * largest, "grad[" + p + "]");
            }
        }
    }

    /** Every entry of {@code gradient} against central differences (step 1e-6) of the batch loss at {@code v}. */
    private static void assertMatchesCentralDifferences(TripletObjective objective, double[] v, List<Triplet> batch,
            double[] gradient, String label) {
        double h = 1e-6;
        for (int p = 0; p < v.length; p++) {
            double[] plus = v.clone();
            double[] minus = v.clone();
            plus[p] += h;
            minus[p] -= h;
            double fd = (objective.evaluate(plus, batch).loss() - objective.evaluate(minus, batch).loss()) / (2 * h);
            assertEquals(fd, gradient[p], 1e-5 * Math.max(1, Math.abs(fd)), label + " grad[" + p + "]");
        }
    }

    private static CellMatrix csr(float[][] rows) {
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        int[] ptr = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                if (rows[i][j] != 0) {
                    idx.add(j);
                    val.add(rows[i][j]);
                }
            }
            ptr[i + 1] = idx.size();
        }
        float[] values = new float[val.size()];
        for (int p = 0; p < values.length; p++) {
            values[p] = val.get(p);
        }
        return new org.groundmetric.linalg.CsrMatrix(rows.length, rows[0].length, ptr,
                idx.stream().mapToInt(Integer::intValue).toArray(), values);
    }

    /** Every third entry set to zero, so the CSR path meets missing entries. */
    private static float[][] sparsified(DenseMatrix x) {
        float[][] rows = new float[x.rows()][x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                rows[i][j] = (i + j) % 3 == 0 ? 0 : x.get(i, j);
            }
        }
        return rows;
    }

    @Test
    void gradientDoesNotDependOnTheThreadCount() {
        SplittableRandom rng = new SplittableRandom(11);
        List<CellMatrix> samples = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            samples.add(randomCells(rng, 7, 5, s % 3));
        }
        double[] scale = {1, 1, 1, 1, 1};
        double[] v = Ggml.uniformV(3, 5, 1);
        List<Triplet> batch = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            batch.add(new Triplet(t % 8, (t + 3) % 8, (t + 5) % 8));
        }
        double[] one;
        try (LocalEngine p = new LocalEngine(1)) {
            one = objective(samples, 3, 10, Regulariser.FRO, 0.1, scale, p, new WarmStarts(true, WarmStarts.MAX_AGE))
                    .evaluate(v, batch).gradient();
        }
        try (LocalEngine p = new LocalEngine(4)) {
            double[] four = objective(samples, 3, 10, Regulariser.FRO, 0.1, scale, p,
                    new WarmStarts(true, WarmStarts.MAX_AGE)).evaluate(v, batch).gradient();
            assertArrayEquals(one, four, 0.0);
        }
    }

    /** The objective as Ggml builds it with the default solver: pairs on the same local threads. */
    static TripletObjective objective(List<CellMatrix> samples, int rank, double alpha, Regulariser reg, double lambda,
                                      double[] scale, LocalEngine local, WarmStarts starts) {
        return objective(samples, MetricForm.LOW_RANK, rank, alpha, reg, lambda, scale, local, starts, Solver.AUTO, 0.05);
    }

    /** The objective as Ggml builds it with the given solver. */
    static TripletObjective objective(List<CellMatrix> samples, int rank, double alpha, Regulariser reg, double lambda,
                                      double[] scale, LocalEngine local, WarmStarts starts, Solver solver,
                                      double sinkhornReg) {
        return objective(samples, MetricForm.LOW_RANK, rank, alpha, reg, lambda, scale, local, starts, solver, sinkhornReg);
    }

    /** As above for a form: {@code rank} is the image's coordinates (D for the diagonal form). */
    static TripletObjective objective(List<CellMatrix> samples, MetricForm form, int rank, double alpha, Regulariser reg,
                                      double lambda, double[] scale, LocalEngine local, WarmStarts starts) {
        return objective(samples, form, rank, alpha, reg, lambda, scale, local, starts, Solver.AUTO, 0.05);
    }

    /** The objective as Ggml builds it, for a form and a solver. */
    static TripletObjective objective(List<CellMatrix> samples, MetricForm form, int rank, double alpha, Regulariser reg,
                                      double lambda, double[] scale, LocalEngine local, WarmStarts starts, Solver solver,
                                      double sinkhornReg) {
        TrainingCells cells = new TrainingCells(samples, null, form, rank, scale);
        // Sinkhorn to a tight tolerance, so the gradient can be checked against the objective's differences
        return new TripletObjective(cells, alpha, reg, lambda, local,
                new PairTransports(local, rank, new PairSolve(rank, solver, sinkhornReg, 1e-12), starts));
    }

    /** W_θ between two projected samples by the network simplex, no warm start. */
    private static double solve(double[] px, double[] py, int rank) {
        return PairSolve.solve(px, py, rank, Solver.NETWORK_SIMPLEX, 0, 0, null, false, null, null, null).objective();
    }

    static CellMatrix randomCells(SplittableRandom rng, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian() + shift * (j == 0 ? 3 : 0);
            }
        }
        return DenseMatrix.of(x);
    }

    private static CellMatrix dense(JsonNode rows) {
        return DenseMatrix.of(Fixtures.matrix(rows));
    }

    private static double[] flatten(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * m[0].length, m[0].length);
        }
        return out;
    }

    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.max(Math.abs(expected), 1e-12), what);
    }
}
