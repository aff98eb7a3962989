package org.groundmetric.ot;

import java.util.Arrays;

/**
 * Entropic optimal transport: min Σ πᵢⱼMᵢⱼ + reg·KL(π ‖ a⊗b) s.t. π1 = a, πᵀ1 = b (the plan and
 * transport cost of POT's {@code ot.sinkhorn}), by Sinkhorn's scaling with log-stabilised absorption
 * (Schmitzer): the plan is πᵢⱼ = uᵢ Kᵢⱼ vⱼ with the kernel Kᵢⱼ = exp((Fᵢ + Gⱼ − Mᵢⱼ)/reg) held in
 * one array ({@link Exp}'s vectorised exponential), so a sweep is two passes over the kernel (the
 * column products Σᵢ Kᵢⱼ uᵢ, which fit the columns exactly, then the row products Σⱼ Kᵢⱼ vⱼ), not
 * n·m exponentials. When a scaling leaves [e⁻⁵⁰, e⁵⁰] it is absorbed into the potentials F, G and
 * the kernel recomputed, so a small {@code reg} (e.g. 0.01 × the mean cost) never overflows or
 * underflows.
 *
 * <p>The row potentials are Anderson-accelerated ({@link AndersonMixing}, memory
 * {@link #ANDERSON_MEMORY}, from an over-relaxed step): plain scaling shrinks the marginal error by a
 * constant factor per sweep, so a loose start spends most sweeps on a slow tail; mixed, the error
 * about halves per sweep. A cold 1000-point pair of clustered clouds took 27 sweeps where plain
 * over-relaxed scaling took 95, and warm solves after small changes of its costs 5.5 where they took
 * 12.6 ({@code SinkhornAccelerationTest} checks the same on a smaller pair). The fixed point, so the
 * solution, is the same.
 *
 * <p>The kernel is held in double, not float: the JIT vectorises the double sweeps, and a float
 * kernel's conversions made them 1.5× slower (measured at 300 and 1000 points).
 *
 * <p>The result's potentials f = F + reg·log u, g = G + reg·log v give πᵢⱼ = exp((fᵢ + gⱼ − Mᵢⱼ)/reg)
 * (POT's log-domain convention); passed back as a start ({@link #solve(double[], double[], CostMatrix,
 * double[], double[])}) after the costs moved a little, they make the kernel nearly the new plan,
 * so few sweeps remain. After every sweep the columns are met exactly and the row error
 * Σᵢ|Σⱼπᵢⱼ − aᵢ| (from the row products the next step needs anyway) is the whole marginal error; the
 * iteration stops below {@code tolerance}.
 * When {@code maxIterations} is reached first the result says {@code converged=false} and carries the
 * error reached.
 *
 * <p>Instances are immutable and may be shared by threads.
 */
public final class Sinkhorn implements TransportSolver {

    /** POT's default stopping threshold on the marginal error. */
    public static final double DEFAULT_TOLERANCE = 1e-9;
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;
    /** Scalings beyond e^±50 are absorbed into the potentials. */
    private static final double ABSORB = 50;
    private static final double ABSORB_ABOVE = Math.exp(ABSORB);
    private static final double ABSORB_BELOW = Math.exp(-ABSORB);

    private final double reg;
    private final double tolerance;
    private final int maxIterations;
    private final int andersonMemory;

    public Sinkhorn(double reg) {
        this(reg, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param reg           absolute entropic regulariser (&gt; 0), in the units of the cost
     * @param tolerance     stop when the marginal error falls below this (&gt; 0)
     * @param maxIterations stop after this many sweeps (≥ 1), reporting converged=false
     */
    public Sinkhorn(double reg, double tolerance, int maxIterations) {
        this(reg, tolerance, maxIterations, ANDERSON_MEMORY);
    }

    /** With another Anderson memory; 0 is plain over-relaxed scaling (tests compare the two). */
    Sinkhorn(double reg, double tolerance, int maxIterations, int andersonMemory) {
        if (!(reg > 0) || !Double.isFinite(reg)) {
            throw new IllegalArgumentException("Sinkhorn regulariser reg is " + reg
                    + "; expected a positive number in cost units, e.g. 0.05 × the mean cost");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("Sinkhorn tolerance is " + tolerance + "; expected a positive number, e.g. 1e-9");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("Sinkhorn maxIterations is " + maxIterations + "; expected at least 1");
        }
        this.reg = reg;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.andersonMemory = andersonMemory;
    }

    public double reg() {
        return reg;
    }

    @Override
    public Transport solve(double[] a, double[] b, CostMatrix cost) {
        return solve(a, b, cost, null, null);
    }

    /**
     * As {@link #solve(double[], double[], CostMatrix)}, starting from the potentials f, g of an
     * earlier solve of a similar problem (both null: a cold start).
     */
    public Transport solve(double[] a, double[] b, CostMatrix cost, double[] startF, double[] startG) {
        return solveDense(a, b, cost, startF, startG, null).transport();
    }

    /**
     * The same solve, its plan kept as the scalings and kernel (πᵢⱼ = uᵢ Kᵢⱼ vⱼ, never written out):
     * for callers that use every entry, e.g. a gradient through the plan, in one pass of their own.
     *
     * @param kernelBuffer an array of at least n·m entries the kernel is written into (its content
     *                     is overwritten; the result refers to it), or null to allocate one
     */
    public EntropicPlan solveDense(double[] a, double[] b, CostMatrix cost, double[] startF, double[] startG,
                            double[] kernelBuffer) {
        Weights.checkProblem(a, b, cost);
        int n = cost.rows();
        int m = cost.cols();
        if ((startF == null) != (startG == null) || startF != null && (startF.length != n || startG.length != m)) {
            throw new IllegalArgumentException("Sinkhorn start potentials must be both null or of lengths " + n
                    + " and " + m);
        }
        double[] kernel = kernelBuffer != null && kernelBuffer.length >= n * m ? kernelBuffer : new double[n * m];
        return new Run(a, b, cost.values(), n, m, startF, startG, kernel).solve();
    }

    /**
     * How many earlier sweeps Anderson acceleration combines ({@link AndersonMixing}, on fᵢ/reg,
     * weighted by the row masses). A clustered 1000-point pair, warm after small cost changes: memory
     * 2 took 5.9 sweeps per solve, 3 took 5.7, 5 took 5.5, 8 took 5.3 but 33 cold where 5 took 27.
     */
    static final int ANDERSON_MEMORY = 5;

    /**
     * The step Anderson acceleration starts from is over-relaxed: fᵢ/reg moves ω times as far as
     * plain scaling would take it (Thibault et al., "Overrelaxed Sinkhorn–Knopp", 2021; the same
     * fixed point). In a paper-scale training epoch (131 × 1000 cells, reg = 0.05 × the mean cost,
     * marginal error 1e-2; counted once) ω = 1.5 took 6.27 sweeps per first solve of a pair and 3.44
     * per warm one, Anderson from a plain step 6.73 and 3.68; 1.7 was no better (6.23, 3.42).
     */
    static final double OVERRELAXATION = 1.5;

    /** The working state of one solve. */
    private final class Run {
        private final double[] a;
        private final double[] b;
        private final double[] c;
        private final int n;
        private final int m;
        private final double[] f;      // absorbed potentials F (−∞ where the weight is 0)
        private final double[] g;
        private final double[] u;      // scalings on top of them
        private final double[] v;
        private final double[] kernel;  // exp((F + G − M)/reg), row-major
        private final double[] sumsN;
        private final double[] sumsM;
        private boolean shiftRows;
        private double value;          // the plan's transport cost, or NaN until a pass sums it

        Run(double[] a, double[] b, double[] c, int n, int m, double[] startF, double[] startG, double[] kernel) {
            this.a = a;
            // masses agree to 1e-9; fit the columns to b rescaled to a's mass so both can be met
            double scale = Weights.total(a) / Weights.total(b);
            this.b = new double[m];
            for (int j = 0; j < m; j++) {
                this.b[j] = b[j] * scale;
            }
            this.c = c;
            this.n = n;
            this.m = m;
            f = new double[n];
            g = new double[m];
            u = new double[n];
            v = new double[m];
            this.kernel = kernel;
            sumsN = new double[n];
            sumsM = new double[m];
            if (startF != null) {
                System.arraycopy(startF, 0, f, 0, n);
                System.arraycopy(startG, 0, g, 0, m);
            }
            // a cold start (f = g = 0) shifts each row as its kernel is first computed, so the row's
            // cheapest entry gets kernel value 1 and no row starts all zero
            shiftRows = startF == null;
            for (int i = 0; i < n; i++) {
                if (a[i] == 0 || f[i] == Double.NEGATIVE_INFINITY) {
                    f[i] = Double.NEGATIVE_INFINITY;
                }
            }
            for (int j = 0; j < m; j++) {
                if (this.b[j] == 0 || g[j] == Double.NEGATIVE_INFINITY || !Double.isFinite(g[j])) {
                    g[j] = this.b[j] == 0 ? Double.NEGATIVE_INFINITY : 0;
                }
            }
            Arrays.fill(u, 1);
            Arrays.fill(v, 1);
        }

        EntropicPlan solve() {
            columnPass(true);
            shiftRows = false;
            scaleColumns();
            double[] x = new double[n];
            double[] tx = new double[n];
            AndersonMixing mixing = new AndersonMixing(andersonMemory, a);
            double inv = 1 / reg;
            for (int i = 0; i < n; i++) {
                x[i] = a[i] == 0 ? 0 : f[i] * inv;   // the row potentials fᵢ/reg (u is still 1)
            }
            int it = 0;
            boolean converged = false;
            double previous = Double.POSITIVE_INFINITY;
            while (true) {
                // The plan diag(u) K diag(v) meets its columns exactly; measure its rows. The error
                // about halves per sweep, so once it is below twice the tolerance this pass is
                // likely the last and sums the transport cost too (else result() does).
                rowProducts(previous < 2 * tolerance);
                previous = rowError();
                if (previous < tolerance) {
                    converged = true;
                    break;
                }
                if (it >= maxIterations) {
                    break;
                }
                boolean restarted = false;
                for (int i = 0; i < n; i++) {
                    if (a[i] == 0) {
                        continue;
                    }
                    double p = sumsN[i];
                    if (!(p > 0)) {
                        // The row's kernel underflowed (a start far from this problem): restart it
                        // from its c-transform, where its best entry is exp(0)·vⱼ.
                        restartRow(i);
                        restarted = true;
                        p = rowProduct(i * m);
                    }
                    tx[i] = x[i] + OVERRELAXATION * (f[i] * inv + Math.log(a[i] / p) - x[i]);
                }
                if (restarted) {
                    mixing.reset();
                }
                mixing.step(x, tx);
                for (int i = 0; i < n; i++) {
                    u[i] = a[i] == 0 ? 0 : Math.exp(x[i] - f[i] * inv);
                }
                it++;
                columnPass(false);
                scaleColumns();
                if (needsAbsorbing()) {
                    absorb();
                    columnPass(false);
                    scaleColumns();
                }
            }
            return result(it, converged);
        }

        /** Row i of K = exp((F + G − M)/reg) ({@link Exp}: e^−256 where a potential is −∞). */
        private void kernelRow(int i) {
            double inv = 1 / reg;
            double[] k = kernel;
            double fi = f[i];
            int row = i * m;
            for (int j = 0; j < m; j++) {
                k[row + j] = (fi + g[j] - c[row + j]) * inv;
            }
            if (shiftRows && fi != Double.NEGATIVE_INFINITY) {
                shiftRow(i, row);
            }
            Exp.expInPlace(k, row, row + m);
        }

        /** Fᵢ −= reg·maxⱼ (its exponents), applied to the exponents of row i held in the kernel. */
        private void shiftRow(int i, int row) {
            double[] k = kernel;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                max = Math.max(max, k[row + j]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                return;
            }
            for (int j = 0; j < m; j++) {
                k[row + j] -= max;
            }
            f[i] -= reg * max;
        }

        /**
         * sumsN[i] = Σⱼ Kᵢⱼ vⱼ for every row; {@code withCost}: also the transport cost
         * Σᵢ uᵢ Σⱼ Kᵢⱼ vⱼ Mᵢⱼ of the plan those rows measure, in the same pass (each kernel row is
         * read once from memory, then from cache).
         */
        private void rowProducts(boolean withCost) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                int row = i * m;
                sumsN[i] = rowProduct(row);
                if (withCost && u[i] != 0) {
                    total += u[i] * rowCost(row);
                }
            }
            value = withCost ? total : Double.NaN;
        }

        /** Σⱼ Kᵢⱼ vⱼ Mᵢⱼ for the row starting at {@code row}. */
        private double rowCost(int row) {
            double[] k = kernel;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < m; j += 4) {
                s0 += k[row + j] * v[j] * c[row + j];
                s1 += k[row + j + 1] * v[j + 1] * c[row + j + 1];
                s2 += k[row + j + 2] * v[j + 2] * c[row + j + 2];
                s3 += k[row + j + 3] * v[j + 3] * c[row + j + 3];
            }
            for (; j < m; j++) {
                s0 += k[row + j] * v[j] * c[row + j];
            }
            return (s0 + s1) + (s2 + s3);
        }

        /** Σⱼ Kᵢⱼ vⱼ for the row starting at {@code row} (eight partial sums, so the adds overlap). */
        private double rowProduct(int row) {
            double[] k = kernel;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            int j = 0;
            for (; j + 7 < m; j += 8) {
                s0 += k[row + j] * v[j];
                s1 += k[row + j + 1] * v[j + 1];
                s2 += k[row + j + 2] * v[j + 2];
                s3 += k[row + j + 3] * v[j + 3];
                s4 += k[row + j + 4] * v[j + 4];
                s5 += k[row + j + 5] * v[j + 5];
                s6 += k[row + j + 6] * v[j + 6];
                s7 += k[row + j + 7] * v[j + 7];
            }
            for (; j < m; j++) {
                s0 += k[row + j] * v[j];
            }
            return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }

        /**
         * sumsM[j] = Σᵢ Kᵢⱼ uᵢ, row by row (each row's share added while it is in cache); the first
         * pass computes each kernel row just before it uses it.
         */
        private void columnPass(boolean computeKernel) {
            double[] s = sumsM;
            Arrays.fill(s, 0);
            double[] k = kernel;
            for (int i = 0; i < n; i++) {
                int row = i * m;
                if (computeKernel) {
                    kernelRow(i);
                }
                double w = u[i];
                if (w != 0) {
                    for (int j = 0; j < m; j++) {
                        s[j] += k[row + j] * w;
                    }
                }
            }
        }

        /** Fᵢ = minⱼ (Mᵢⱼ − Gⱼ − reg·log vⱼ) over the columns with weight, and row i's kernel again. */
        private void restartRow(int i) {
            int row = i * m;
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (v[j] > 0) {
                    min = Math.min(min, c[row + j] - g[j] - reg * Math.log(v[j]));
                }
            }
            f[i] = min;
            kernelRow(i);
        }

        /** vⱼ = bⱼ / Σᵢ Kᵢⱼ uᵢ (the column products from {@link #columnPass}). */
        private void scaleColumns() {
            double[] s = sumsM;
            for (int j = 0; j < m; j++) {
                // a column whose kernel underflowed everywhere gets its rows' mass next sweep
                v[j] = b[j] == 0 ? 0 : s[j] > 0 ? b[j] / s[j] : Math.exp(ABSORB);
            }
        }

        private boolean needsAbsorbing() {
            return outOfRange(u) || outOfRange(v);
        }

        private boolean outOfRange(double[] scalings) {
            for (double s : scalings) {
                if (s != 0 && (s > ABSORB_ABOVE || s < ABSORB_BELOW)) {
                    return true;
                }
            }
            return false;
        }

        /** F += reg·log u, G += reg·log v, u = v = 1, and the kernel recomputed. */
        private void absorb() {
            for (int i = 0; i < n; i++) {
                f[i] = u[i] == 0 ? Double.NEGATIVE_INFINITY : f[i] + reg * Math.log(u[i]);
                u[i] = 1;
            }
            for (int j = 0; j < m; j++) {
                g[j] = v[j] == 0 ? Double.NEGATIVE_INFINITY : g[j] + reg * Math.log(v[j]);
                v[j] = 1;
            }
            for (int i = 0; i < n; i++) {
                kernelRow(i);
            }
        }

        /** Σᵢ |Σⱼ πᵢⱼ − aᵢ| with π = diag(u) K diag(v) (the products from {@link #rowProducts}). */
        private double rowError() {
            double err = 0;
            for (int i = 0; i < n; i++) {
                err += Math.abs(u[i] * sumsN[i] - a[i]);
            }
            return err;
        }

        /**
         * The transport cost of the plan πᵢⱼ = uᵢ Kᵢⱼ vⱼ (with the kernel as stored, so its marginals
         * are the ones the iteration reached), its marginal error (the rows' — the columns are met),
         * and the potentials f = F + reg·log u, g = G + reg·log v, in one pass that reads the kernel
         * and writes nothing n·m.
         */
        private EntropicPlan result(int it, boolean converged) {
            if (Double.isNaN(value)) {   // the last row pass did not sum the costs
                value = 0;
                for (int i = 0; i < n; i++) {
                    value += u[i] == 0 ? 0 : u[i] * rowCost(i * m);
                }
            }
            double error = rowError();
            double[] fOut = new double[n];
            double[] gOut = new double[m];
            for (int i = 0; i < n; i++) {
                fOut[i] = u[i] == 0 ? Double.NEGATIVE_INFINITY : f[i] + reg * Math.log(u[i]);
            }
            for (int j = 0; j < m; j++) {
                gOut[j] = v[j] == 0 ? Double.NEGATIVE_INFINITY : g[j] + reg * Math.log(v[j]);
            }
            return new EntropicPlan(kernel, u, v, n, m, value, fOut, gOut, it, converged, error);
        }
    }

    /**
     * The entropic objective this solver minimises, Σπᵢⱼ Mᵢⱼ + reg·Σπᵢⱼ(log πᵢⱼ − 1), at a result
     * {@code t} for weights a and b: its dual value Σ aᵢfᵢ + Σ bⱼgⱼ − reg·Σ aᵢ (equal to the primal
     * at convergence). Its derivative in Mᵢⱼ is πᵢⱼ; in reg, see {@link #objectiveDerivativeInReg}.
     */
    public double objective(Transport t, double[] a, double[] b) {
        return dualPart(t.u(), t.v(), a, b) - reg * Weights.total(a);
    }

    /** As {@link #objective(Transport, double[], double[])} for a dense solve. */
    public double objective(EntropicPlan t, double[] a, double[] b) {
        return dualPart(t.f(), t.g(), a, b) - reg * Weights.total(a);
    }

    /** ∂objective/∂reg = Σπᵢⱼ(log πᵢⱼ − 1) = (Σ aᵢfᵢ + Σ bⱼgⱼ − Σπᵢⱼ Mᵢⱼ)/reg − Σ aᵢ. */
    public double objectiveDerivativeInReg(Transport t, double[] a, double[] b) {
        return (dualPart(t.u(), t.v(), a, b) - t.value()) / reg - Weights.total(a);
    }

    /** As {@link #objectiveDerivativeInReg(Transport, double[], double[])} for a dense solve. */
    public double objectiveDerivativeInReg(EntropicPlan t, double[] a, double[] b) {
        return (dualPart(t.f(), t.g(), a, b) - t.value()) / reg - Weights.total(a);
    }

    /** Σ aᵢfᵢ + Σ bⱼgⱼ (zero-weight points, whose potentials are −∞, add nothing). */
    private static double dualPart(double[] f, double[] g, double[] a, double[] b) {
        double scale = Weights.total(a) / Weights.total(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0) {
                s += a[i] * f[i];
            }
        }
        for (int j = 0; j < b.length; j++) {
            if (b[j] != 0) {
                s += b[j] * scale * g[j];
            }
        }
        return s;
    }
}
