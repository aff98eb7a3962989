package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegulariserTest {

    /** W = [[1, −2, 3], [−4, 5, −6]]: column sums 5, 7, 9; entries sum to 21; ‖W‖_F = √91 (by hand). */
    private static final double[] W = {1, -2, 3, -4, 5, -6};

    @Test
    void valuesAgreeWithHandComputedNorms() {
        assertEquals(9, Regulariser.MATRIX_L1.value(W, 2), 0); // numpy.linalg.norm(W, 1) = max column sum
        assertEquals(21, Regulariser.L1.value(W, 2), 0);
        assertEquals(Math.sqrt(91), Regulariser.FRO.value(W, 2), 1e-15);
        assertEquals(0, Regulariser.NONE.value(W, 2), 0);
        // Read as 3 rows × 2 columns the same numbers have column sums 1+3+5 = 9 and 2+4+6 = 12.
        assertEquals(12, Regulariser.MATRIX_L1.value(W, 3), 0);
    }

    @Test
    void matrixOneNormGradientTouchesOnlyTheLargestColumn() {
        double[] grad = new double[W.length];
        Regulariser.MATRIX_L1.addGradient(W, 2, 0.5, grad);
        assertEquals(java.util.List.of(0.0, 0.0, 0.5, 0.0, 0.0, -0.5),
                java.util.Arrays.stream(grad).boxed().toList());
    }

    /** Central differences of λ·R(W) agree with the analytic gradient at random W (no ties, no zeros). */
    @Test
    void everyGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        int rank = 3;
        double[] w = new double[rank * 5];
        for (int p = 0; p < w.length; p++) {
            w[p] = rng.nextDouble(-1, 1);
        }
        double lambda = 0.7;
        double h = 1e-6;
        for (Regulariser reg : Regulariser.values()) {
            double[] grad = new double[w.length];
            reg.addGradient(w, rank, lambda, grad);
            for (int p = 0; p < w.length; p++) {
                double[] plus = w.clone();
                double[] minus = w.clone();
                plus[p] += h;
                minus[p] -= h;
                double numeric = lambda * (reg.value(plus, rank) - reg.value(minus, rank)) / (2 * h);
                assertEquals(numeric, grad[p], 1e-7, reg + " grad[" + p + "]");
            }
        }
    }

    @Test
    void spellingsAreWhatTheyAre() {
        assertEquals("matrix-l1", Regulariser.MATRIX_L1.toString());
        assertEquals("l1", Regulariser.L1.toString());
    }
}
