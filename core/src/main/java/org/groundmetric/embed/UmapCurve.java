package org.groundmetric.embed;

/**
 * The similarity curve of a UMAP layout, 1 / (1 + a·d^(2b)): a and b fitted by least squares to
 * the target similarity (1 below minDist, then exp(−(x − minDist)/spread)) on 300 points in
 * [0, 3·spread], by a coarse grid, then refinement (umap-learn's find_ab_params does the same with
 * scipy's curve_fit).
 *
 * @param a the curve's scale
 * @param b the curve's exponent
 */
record UmapCurve(double a, double b) {

    static UmapCurve fit(double spread, double minDist) {
        double[] xs = new double[300];
        double[] ys = new double[300];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 3 * spread * i / (xs.length - 1);
            ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
        }
        double logA = Math.log(1.0);
        double bb = 1.0;
        double stepLogA = 2.0;
        double stepB = 0.5;
        for (int round = 0; round < 40; round++) {
            double bestErr = Double.POSITIVE_INFINITY;
            double bestLogA = logA;
            double bestB = bb;
            for (int p = -10; p <= 10; p++) {
                for (int q = -10; q <= 10; q++) {
                    double la = logA + stepLogA * p / 10;
                    double bq = bb + stepB * q / 10;
                    if (bq <= 0.05) {
                        continue;
                    }
                    double err = error(Math.exp(la), bq, xs, ys);
                    if (err < bestErr) {
                        bestErr = err;
                        bestLogA = la;
                        bestB = bq;
                    }
                }
            }
            logA = bestLogA;
            bb = bestB;
            stepLogA *= 0.5;
            stepB *= 0.5;
        }
        return new UmapCurve(Math.exp(logA), bb);
    }

    private static double error(double a, double b, double[] xs, double[] ys) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = 1 / (1 + a * Math.pow(xs[i], 2 * b)) - ys[i];
            s += r * r;
        }
        return s;
    }
}
