package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernel's exponential against {@link Math#exp}: within 2 ulp everywhere, the same at the edges. */
class ExpTest {

    @Test
    void withinTwoUlpOfMathExpOverTheWholeRange() {
        Random rnd = new Random(5);
        double worst = 0;
        for (int t = 0; t < 200_000; t++) {
            double x = t % 2 == 0 ? -80 + 100 * rnd.nextDouble() : -760 + 1480 * rnd.nextDouble();
            double expected = Math.exp(x);
            double ulps = expected == 0 || Double.isInfinite(expected) ? (Exp.exp(x) == expected ? 0 : 99)
                    : Math.abs(Exp.exp(x) - expected) / Math.ulp(expected);
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
    }

    @Test
    void edgesBehaveAsMathExp() {
        assertEquals(1.0, Exp.exp(0));
        assertEquals(1.0, Exp.exp(-0.0));
        assertEquals(0.0, Exp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
        assertEquals(Math.exp(-740), Exp.exp(-740));
        assertEquals(Math.exp(709.5), Exp.exp(709.5));
        for (double x : new double[] {-699.99, 699.99, 1e-300, -1e-300, Math.log(2), 50, -50}) {
            assertEquals(Math.exp(x), Exp.exp(x), 2 * Math.ulp(Math.exp(x)), "x = " + x);
        }
    }
}
