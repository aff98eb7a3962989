package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernel's exponential against {@link Math#exp}: within 2e-13 relative on [−256, 256], clamped beyond. */
class ExpTest {

    @Test
    void withinTwoTenThousandBillionthsOfMathExpOverTheClampedRange() {
        Random rnd = new Random(5);
        int n = 200_000;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t % 2 == 0 ? -80 + 100 * rnd.nextDouble() : -256 + 512 * rnd.nextDouble();
        }
        double[] e = x.clone();
        Exp.expInPlace(e, 0, n);
        double worst = 0;
        for (int t = 0; t < n; t++) {
            worst = Math.max(worst, Math.abs(e[t] / Math.exp(x[t]) - 1));
        }
        assertTrue(worst < 2e-13, "worst relative error " + worst);
        assertTrue(worst > 1e-16, "the squarings make it coarser than one ulp: " + worst);
    }

    @Test
    void onlyTheGivenRunIsTouchedAndEdgesAreClamped() {
        double[] v = {7, 0, -0.0, Double.NEGATIVE_INFINITY, -1000, 1000, Double.NaN, 7};
        Exp.expInPlace(v, 1, 7);
        assertEquals(7.0, v[0]);
        assertEquals(7.0, v[7]);
        assertEquals(1.0, v[1]);
        assertEquals(1.0, v[2]);
        assertEquals(Math.exp(-256), v[3], 1e-12 * Math.exp(-256));
        assertEquals(Math.exp(-256), v[4], 1e-12 * Math.exp(-256));
        assertEquals(Math.exp(256), v[5], 1e-12 * Math.exp(256));
        assertTrue(Double.isNaN(v[6]));
        for (double x : new double[] {1e-300, -1e-300, Math.log(2), 50, -50, -255.9}) {
            double[] one = {x};
            Exp.expInPlace(one, 0, 1);
            assertEquals(Math.exp(x), one[0], 2e-13 * Math.exp(x), "x = " + x);
        }
    }
}
