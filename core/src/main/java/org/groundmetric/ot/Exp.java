package org.groundmetric.ot;

/**
 * e^x over a run of an array, for Sinkhorn's kernel, which takes n·m of them per solve, written so
 * the JIT turns it into vector instructions: 1.6 ms for 10⁶ arguments where a loop of
 * {@link Math#exp} takes 5.6 ms (JDK 17, AVX-512) — a lookup table or the exponent bits of a
 * double would keep the loop scalar.
 *
 * <p>e^x = (e^(x/512))^512: x/512 is at most 1/2 in magnitude, where the Taylor polynomial of
 * degree 14 is within 3e-17, and nine squarings raise it back. Each squaring doubles the relative
 * error, so the result is within 2e-13 of e^x (1.1e-13 the largest measured over 10⁶ arguments in
 * [−256, 10]) — far below any marginal tolerance Sinkhorn is run at, and below POT's 1e-9.
 * Arguments are clamped to [−256, 256] first (e^−256 ≈ 7e-112 stands for anything smaller, including
 * −∞, so a kernel entry is never exactly 0; points of weight 0 get scaling 0, which keeps their plan
 * entries at 0). The three passes are separate loops because C2 does not vectorise one loop this
 * long. NaN stays NaN.
 */
final class Exp {
    /** Arguments beyond ±LIMIT are clamped. */
    static final double LIMIT = 256;
    private static final double SCALE = 1.0 / 512;

    private Exp() {
    }

    /** values[i] = e^values[i] for from ≤ i &lt; to, each argument clamped to [−{@link #LIMIT}, {@link #LIMIT}]. */
    static void expInPlace(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = Math.min(Math.max(values[i], -LIMIT), LIMIT) * SCALE;
        }
        for (int i = from; i < to; i++) {
            double y = values[i];
            values[i] = Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y,
                    Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y, Math.fma(y,
                    1.0 / 87178291200.0, 1.0 / 6227020800.0), 1.0 / 479001600.0), 1.0 / 39916800.0),
                    1.0 / 3628800.0), 1.0 / 362880.0), 1.0 / 40320.0), 1.0 / 5040.0), 1.0 / 720.0), 1.0 / 120.0),
                    1.0 / 24.0), 1.0 / 6.0), 0.5), 1.0), 1.0);
        }
        for (int i = from; i < to; i++) {
            double p = values[i];
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            values[i] = p;
        }
    }
}
