package org.groundmetric.baseline;

/**
 * Limited-memory BFGS minimisation (Nocedal & Wright, algorithm 7.4) with the Moré–Thuente line
 * search of L-BFGS-B (for an unconstrained problem L-BFGS-B takes the same steps), and the stopping rules of scipy's L-BFGS-B as metric-learn's NCA calls it: at most
 * {@code maxIterations} iterations, history m = 10, stop when the relative decrease of f is below
 * ftol = 2.2·10⁻⁹ or the largest gradient entry is below gtol = 10⁻⁵. The first step has length
 * 1/‖g‖, as L-BFGS-B. The budget is checked at every function evaluation.
 */
final class Lbfgs {

    /** A differentiable function: returns f(x) and writes ∇f(x) into grad. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    private static final int HISTORY = 10;
    private static final double FTOL = 2.220446049250313e-09;
    private static final double GTOL = 1e-5;
    private static final double C1 = 1e-3;
    private static final double C2 = 0.9;

    private final int maxIterations;
    private int iterations;

    Lbfgs(int maxIterations) {
        this.maxIterations = maxIterations;
    }

    int iterations() {
        return iterations;
    }

    /** Minimises from x (overwritten with the result). */
    double minimize(Objective f, double[] x, Budget budget) {
        int n = x.length;
        double[] g = new double[n];
        budget.checkTime();
        double fx = f.evaluate(x, g);
        double[][] s = new double[HISTORY][];
        double[][] y = new double[HISTORY][];
        double[] rho = new double[HISTORY];
        int stored = 0;
        int head = 0;
        double[] dir = new double[n];
        double[] alpha = new double[HISTORY];
        for (iterations = 0; iterations < maxIterations; iterations++) {
            if (maxAbs(g) <= GTOL) {
                break;
            }
            // two-loop recursion: dir = −H g
            System.arraycopy(g, 0, dir, 0, n);
            for (int i = 0; i < stored; i++) {
                int j = Math.floorMod(head - 1 - i, HISTORY);
                alpha[j] = rho[j] * dot(s[j], dir);
                axpy(-alpha[j], y[j], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, HISTORY);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(dir, gamma);
            }
            for (int i = stored - 1; i >= 0; i--) {
                int j = Math.floorMod(head - 1 - i, HISTORY);
                double beta = rho[j] * dot(y[j], dir);
                axpy(alpha[j] - beta, s[j], dir);
            }
            scale(dir, -1);
            double slope = dot(g, dir);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                System.arraycopy(g, 0, dir, 0, n);
                scale(dir, -1);
                slope = dot(g, dir);
            }
            double step = iterations == 0 ? 1.0 / Math.sqrt(dot(g, g)) : 1.0; // L-BFGS-B: 1/‖g‖ only at the start
            double[] xNew = new double[n];
            double[] gNew = new double[n];
            double fNew = lineSearch(f, x, fx, g, dir, slope, step, xNew, gNew, budget);
            if (Double.isNaN(fNew)) {
                if (stored == 0) {
                    break; // no acceptable step even along −g: the current point is as good as we can do
                }
                stored = 0; // as L-BFGS-B: forget the curvature pairs and retry along −g
                iterations--;
                continue;
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 2.220446049250313e-16 * dot(yk, yk)) { // L-BFGS-B's curvature test
                s[head] = sk;
                y[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % HISTORY;
                stored = Math.min(stored + 1, HISTORY);
            }
            double decrease = (fx - fNew) / Math.max(Math.max(Math.abs(fx), Math.abs(fNew)), 1);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (decrease <= FTOL) {
                iterations++;
                break;
            }
        }
        return fx;
    }

    /**
     * Moré–Thuente line search (MINPACK-2's dcsrch, the one L-BFGS-B uses) with ftol 10⁻³, gtol 0.9,
     * xtol 0.1 and at most 20 evaluations; returns f at the accepted point, NaN if none was found.
     */
    private static double lineSearch(Objective f, double[] x, double f0, double[] g0, double[] dir, double slope0,
                                     double step, double[] xOut, double[] gOut, Budget budget) {
        final double stpmin = 0;
        final double stpmax = 1e10;
        final double xtol = 0.1;
        double stp = step;
        double gtest = C1 * slope0;
        double width = stpmax - stpmin;
        double width1 = 2 * width;
        boolean[] brackt = {false};
        boolean stage1 = true;
        double[] sx = {0, f0, slope0}; // stx, fx, gx
        double[] sy = {0, f0, slope0}; // sty, fy, gy
        double stmin = 0;
        double stmax = stp + 4 * stp;
        double bestF = Double.NaN;
        for (int evals = 0; evals < 20; evals++) {
            double fv = evaluateAt(f, x, dir, stp, xOut, gOut, budget);
            double gv = dot(gOut, dir);
            if (!Double.isFinite(fv)) {
                fv = Double.MAX_VALUE;
                gv = Math.abs(slope0);
            }
            double ftest = f0 + stp * gtest;
            if (stage1 && fv <= ftest && gv >= 0) {
                stage1 = false;
            }
            boolean warning = (brackt[0] && (stp <= stmin || stp >= stmax))
                    || (brackt[0] && stmax - stmin <= xtol * stmax)
                    || (stp == stpmax && fv <= ftest && gv <= gtest)
                    || (stp == stpmin && (fv > ftest || gv >= gtest));
            if (fv <= ftest && Math.abs(gv) <= C2 * -slope0) {
                return fv;
            }
            if (warning) {
                bestF = fv;
                break;
            }
            if (stage1 && fv <= sx[1] && fv > ftest) {
                double[] mx = {sx[0], sx[1] - sx[0] * gtest, sx[2] - gtest};
                double[] my = {sy[0], sy[1] - sy[0] * gtest, sy[2] - gtest};
                double newStp = dcstep(mx, my, stp, fv - stp * gtest, gv - gtest, brackt, stmin, stmax);
                sx[0] = mx[0];
                sx[1] = mx[1] + mx[0] * gtest;
                sx[2] = mx[2] + gtest;
                sy[0] = my[0];
                sy[1] = my[1] + my[0] * gtest;
                sy[2] = my[2] + gtest;
                stp = newStp;
            } else {
                stp = dcstep(sx, sy, stp, fv, gv, brackt, stmin, stmax);
            }
            if (brackt[0]) {
                if (Math.abs(sy[0] - sx[0]) >= 0.66 * width1) {
                    stp = sx[0] + 0.5 * (sy[0] - sx[0]);
                }
                width1 = width;
                width = Math.abs(sy[0] - sx[0]);
                stmin = Math.min(sx[0], sy[0]);
                stmax = Math.max(sx[0], sy[0]);
            } else {
                stmin = stp + 1.1 * (stp - sx[0]);
                stmax = stp + 4.0 * (stp - sx[0]);
            }
            stp = Math.min(Math.max(stp, stpmin), stpmax);
            if ((brackt[0] && (stp <= stmin || stp >= stmax)) || (brackt[0] && stmax - stmin <= xtol * stmax)) {
                stp = sx[0];
            }
        }
        if (!Double.isNaN(bestF) && bestF < f0) {
            return bestF; // L-BFGS-B accepts a point at which the search ended with a warning
        }
        if (sx[0] > 0 && sx[1] < f0) {
            return evaluateAt(f, x, dir, sx[0], xOut, gOut, budget);
        }
        return Double.NaN;
    }

    /** MINPACK-2's dcstep: safeguarded cubic/quadratic step; updates the interval ends x and y in place. */
    private static double dcstep(double[] x, double[] y, double stp, double fp, double dp, boolean[] brackt,
                                 double stpmin, double stpmax) {
        double stx = x[0];
        double fx = x[1];
        double dx = x[2];
        double sty = y[0];
        double fy = y[1];
        double dy = y[2];
        double sgnd = dp * Math.signum(dx);
        double stpf;
        if (fp > fx) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double stpc = stx + p / q * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            brackt[0] = true;
        } else if (sgnd < 0) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double stpc = stp + p / q * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            brackt[0] = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stpmax;
            } else {
                stpc = stpmin;
            }
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (brackt[0]) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.max(stpmin, Math.min(stpmax, stpf));
            }
        } else {
            if (brackt[0]) {
                double theta = 3 * (fp - fy) / (sty - stp) + dy + dp;
                double s = Math.max(Math.abs(theta), Math.max(Math.abs(dy), Math.abs(dp)));
                double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
                if (stp > sty) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dy;
                stpf = stp + p / q * (sty - stp);
            } else {
                stpf = stp > stx ? stpmax : stpmin;
            }
        }
        if (fp > fx) {
            y[0] = stp;
            y[1] = fp;
            y[2] = dp;
        } else {
            if (sgnd < 0) {
                y[0] = stx;
                y[1] = fx;
                y[2] = dx;
            }
            x[0] = stp;
            x[1] = fp;
            x[2] = dp;
        }
        return stpf;
    }

    private static double evaluateAt(Objective f, double[] x, double[] dir, double a, double[] xOut, double[] gOut,
                                     Budget budget) {
        budget.checkTime();
        for (int i = 0; i < x.length; i++) {
            xOut[i] = x[i] + a * dir[i];
        }
        return f.evaluate(xOut, gOut);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
