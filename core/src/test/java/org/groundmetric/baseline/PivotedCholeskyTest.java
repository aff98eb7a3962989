package org.groundmetric.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.groundmetric.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

class PivotedCholeskyTest {

    /** M = BᵀB for a random r×d B: rank r exactly. */
    private static Mahalanobis lowRank(int r, int d, long seed) {
        Random rnd = new Random(seed);
        double[] b = new double[r * d];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        return Mahalanobis.fromComponents(b, r, d);
    }

    @Test
    void recoversALowRankMatrixExactlyAndStopsAtItsRank() {
        Mahalanobis m = lowRank(3, 8, 1);
        PivotedCholesky pc = PivotedCholesky.of(m, 5, 1e-12);
        assertEquals(3, pc.rows(), "the trace-error rule stops once the remainder vanishes");
        Mahalanobis back = pc.product();
        for (int i = 0; i < 64; i++) {
            assertEquals(m.m()[i], back.m()[i], 1e-9);
        }
    }

    @Test
    void traceErrorIsTheRemainingTraceAndShrinksWithRank() {
        Mahalanobis m = lowRank(10, 10, 2);
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 10; k++) {
            PivotedCholesky pc = PivotedCholesky.of(m, k, 0);
            Mahalanobis approx = pc.product();
            double remaining = 0;
            for (int i = 0; i < 10; i++) {
                remaining += m.get(i, i) - approx.get(i, i);
            }
            assertEquals(remaining, pc.traceError(), 1e-8);
            assertTrue(pc.traceError() <= previous + 1e-12);
            // the remainder M − WᵀW stays positive semi-definite
            double[] diff = new double[100];
            for (int i = 0; i < 100; i++) {
                diff[i] = m.m()[i] - approx.m()[i];
            }
            assertTrue(SymmetricEigen.of(diff, 10).values()[0] > -1e-8);
            previous = pc.traceError();
        }
        assertEquals(0, previous, 1e-8);
    }

    @Test
    void firstPivotIsTheLargestDiagonal() {
        Mahalanobis m = new Mahalanobis(new double[] {1, 0, 0, 0, 9, 0, 0, 0, 4}, 3);
        PivotedCholesky pc = PivotedCholesky.of(m, 1, 0);
        assertEquals(3.0, pc.w()[1], 1e-15);
        assertEquals(5.0, pc.traceError(), 1e-15);
    }
}
