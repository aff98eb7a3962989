package org.groundmetric.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    private static double[] randomSymmetric(int d, Random rnd, boolean positiveDefinite) {
        double[] b = new double[d * d];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += positiveDefinite ? b[k * d + i] * b[k * d + j] : (b[i * d + k] + b[k * d + i]) * (j == k ? 1 : 0);
                }
                a[i * d + j] = s + (positiveDefinite && i == j ? 0.5 : 0);
            }
        }
        return a;
    }

    @Test
    void eigenpairsSatisfyAvEqualsLambdaV() {
        Random rnd = new Random(5);
        int d = 7;
        double[] a = randomSymmetric(d, rnd, false);
        SymmetricEigen e = SymmetricEigen.of(a, d);
        for (int c = 0; c < d; c++) {
            if (c > 0) {
                assertEquals(true, e.values()[c] >= e.values()[c - 1]);
            }
            for (int i = 0; i < d; i++) {
                double av = 0;
                for (int j = 0; j < d; j++) {
                    av += a[i * d + j] * e.vectors()[j * d + c];
                }
                assertEquals(e.values()[c] * e.vectors()[i * d + c], av, 1e-10);
            }
            // Av = λv holds for v = 0 too: the vectors must be orthonormal (VᵀV = I)
            for (int c2 = 0; c2 < d; c2++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += e.vectors()[i * d + c] * e.vectors()[i * d + c2];
                }
                assertEquals(c == c2 ? 1 : 0, dot, 1e-10, "column " + c + " · column " + c2);
            }
        }
        double trace = 0;
        double sum = 0;
        for (int c = 0; c < d; c++) {
            trace += a[c * d + c];
            sum += e.values()[c];
        }
        assertEquals(trace, sum, 1e-10, "the eigenvalues sum to the trace");
    }

    @Test
    void generalizedEigenvectorsAreBOrthonormal() {
        Random rnd = new Random(6);
        int d = 6;
        double[] a = randomSymmetric(d, rnd, false);
        double[] b = randomSymmetric(d, rnd, true);
        SymmetricEigen e = SymmetricEigen.generalized(a, b, d);
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                double av = 0;
                double bv = 0;
                for (int j = 0; j < d; j++) {
                    av += a[i * d + j] * e.vectors()[j * d + c];
                    bv += b[i * d + j] * e.vectors()[j * d + c];
                }
                assertEquals(e.values()[c] * bv, av, 1e-9);
            }
            for (int c2 = 0; c2 < d; c2++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        s += e.vectors()[i * d + c] * b[i * d + j] * e.vectors()[j * d + c2];
                    }
                }
                assertEquals(c == c2 ? 1 : 0, s, 1e-9);
            }
        }
    }

    @Test
    void largestFirstAccessorsOfAKnownMatrix() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertEquals(3, e.largestValue(0), 1e-12);
        assertEquals(1, e.largestValue(1), 1e-12);
        assertEquals(1 / Math.sqrt(2), Math.abs(e.largestVector(0)[0]), 1e-12);
        assertEquals(1 / Math.sqrt(2), Math.abs(e.largestVector(0)[1]), 1e-12);
        assertEquals(-Math.signum(e.largestVector(1)[0]), Math.signum(e.largestVector(1)[1]), "(1, −1)/√2 up to sign");
        assertEquals(1 / Math.sqrt(2), Math.abs(e.largestVector(1)[0]), 1e-12);
    }
}
