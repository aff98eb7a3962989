package org.groundmetric.linalg;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The library's one principal component analysis: the leading principal axes of the cells of
 * several blocks stacked (all samples' cells), by randomized subspace iteration (Halko, Martinsson
 * &amp; Tropp 2011): a few passes of X·Ω and Xᵀ·Q over the sparse data, never a genes × genes
 * covariance, never a dense copy of X. Centring is applied implicitly. With few columns (at most
 * count + {@value #OVERSAMPLING}) the subspace is the whole space and the axes are exact.
 *
 * <p>Used for the preprocessing's {@code pca} step, GGML's principal-axes start (of the cells in
 * the optimisation coordinates x⊙s) and UMAP's start.
 *
 * @param mean       per-column mean of the cells (of x⊙s when fitted with a column scale s)
 * @param components count × columns, unit rows, each signed so its largest loading is positive
 */
public record PrincipalComponents(double[] mean, double[][] components) {

    private static final int OVERSAMPLING = 10;
    private static final int POWER_ITERATIONS = 3;

    /** The first {@code count} principal axes of the stacked blocks' cells; {@code seed} draws the test directions. */
    public static PrincipalComponents fit(List<CellMatrix> blocks, int count, long seed) {
        return fit(blocks, null, count, seed);
    }

    /**
     * The first {@code count} principal axes of the stacked blocks' cells with every column j
     * multiplied by {@code columnScale[j]} (null: as they are).
     */
    public static PrincipalComponents fit(List<CellMatrix> blocks, double[] columnScale, int count, long seed) {
        double[] mean = mean(blocks, blocks.get(0).cols());
        if (columnScale != null) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] *= columnScale[j];
            }
        }
        return new PrincipalComponents(mean, components(blocks, columnScale, mean, count, seed));
    }

    /** How many axes. */
    public int count() {
        return components.length;
    }

    /**
     * The cells' coordinates on the axes, centred: (X − 1μᵀ)·Cᵀ as cells × count row-major, for
     * cells in the coordinates the axes were fitted in.
     */
    public double[] project(CellMatrix cells) {
        int k = components.length;
        int g = mean.length;
        double[] w = new double[k * g];
        double[] shift = new double[k];
        for (int r = 0; r < k; r++) {
            System.arraycopy(components[r], 0, w, r * g, g);
            for (int j = 0; j < g; j++) {
                shift[r] += mean[j] * components[r][j];
            }
        }
        double[] y = cells.projectRows(w, k);
        for (int i = 0; i < y.length; i++) {
            y[i] -= shift[i % k];
        }
        return y;
    }

    /** Per-column mean over all cells. */
    private static double[] mean(List<CellMatrix> blocks, int genes) {
        double[] sum = new double[genes];
        long n = 0;
        for (CellMatrix m : blocks) {
            double[] ones = new double[m.rows()];
            Arrays.fill(ones, 1.0);
            m.accumulateLeftProduct(ones, 1, sum);
            n += m.rows();
        }
        for (int j = 0; j < genes; j++) {
            sum[j] /= n;
        }
        return sum;
    }

    /**
     * Returns {@code count} components, each a unit vector over the genes (row-major count × genes),
     * sign-fixed so each component's largest loading is positive (deterministic output).
     */
    private static double[][] components(List<CellMatrix> blocks, double[] scale, double[] mean, int count, long seed) {
        int genes = mean.length;
        int cells = 0;
        for (CellMatrix m : blocks) {
            cells += m.rows();
        }
        if (count > Math.min(cells, genes)) {
            throw new IllegalArgumentException("--pca " + count + " asks for more components than min(cells, genes) = "
                    + Math.min(cells, genes));
        }
        int l = Math.min(count + OVERSAMPLING, Math.min(cells, genes));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] omega = new double[l * genes]; // l × genes: the test directions, as rows
        for (int i = 0; i < omega.length; i++) {
            omega[i] = gaussian(rnd);
        }
        double[] q = multiplyCentred(blocks, scale, mean, omega, l, cells); // cells × l
        orthonormaliseColumns(q, cells, l);
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double[] z = transposeMultiplyCentred(blocks, scale, mean, q, l, genes); // l × genes
            orthonormaliseRows(z, l, genes);
            q = multiplyCentred(blocks, scale, mean, z, l, cells);
            orthonormaliseColumns(q, cells, l);
        }
        double[] b = transposeMultiplyCentred(blocks, scale, mean, q, l, genes); // B = Qᵀ(X − 1μᵀ), l × genes
        double[] bbt = new double[l * l];
        for (int i = 0; i < l; i++) {
            for (int j = i; j < l; j++) {
                double s = 0;
                for (int g = 0; g < genes; g++) {
                    s += b[i * genes + g] * b[j * genes + g];
                }
                bbt[i * l + j] = s;
                bbt[j * l + i] = s;
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(bbt, l);
        double[][] out = new double[count][genes];
        for (int c = 0; c < count; c++) {
            double sigma = Math.sqrt(Math.max(eig.largestValue(c), 0));
            double[] u = eig.largestVector(c);
            double maxAbs = 0;
            int argMax = 0;
            for (int g = 0; g < genes; g++) {
                double v = 0;
                for (int i = 0; i < l; i++) {
                    v += u[i] * b[i * genes + g];
                }
                v = sigma > 0 ? v / sigma : 0;
                out[c][g] = v;
                if (Math.abs(v) > maxAbs) {
                    maxAbs = Math.abs(v);
                    argMax = g;
                }
            }
            if (out[c][argMax] < 0) {
                for (int g = 0; g < genes; g++) {
                    out[c][g] = -out[c][g];
                }
            }
        }
        return out;
    }

    /** (X·diag(s) − 1μᵀ)·Aᵀ for A given as l × genes rows: cells × l (s null: no scaling). */
    private static double[] multiplyCentred(List<CellMatrix> blocks, double[] scale, double[] mean, double[] a, int l,
                                            int cells) {
        int genes = mean.length;
        double[] as = a;
        if (scale != null) { // X·diag(s)·Aᵀ = X·(A·diag(s))ᵀ
            as = new double[a.length];
            for (int p = 0; p < a.length; p++) {
                as[p] = a[p] * scale[p % genes];
            }
        }
        double[] shift = new double[l];
        for (int r = 0; r < l; r++) {
            double s = 0;
            for (int g = 0; g < genes; g++) {
                s += mean[g] * a[r * genes + g];
            }
            shift[r] = s;
        }
        double[] out = new double[cells * l];
        int offset = 0;
        for (CellMatrix m : blocks) {
            double[] part = m.projectRows(as, l);
            for (int i = 0; i < m.rows(); i++) {
                for (int r = 0; r < l; r++) {
                    out[(offset + i) * l + r] = part[i * l + r] - shift[r];
                }
            }
            offset += m.rows();
        }
        return out;
    }

    /** Qᵀ(X·diag(s) − 1μᵀ) for Q cells × l: l × genes (s null: no scaling). */
    private static double[] transposeMultiplyCentred(List<CellMatrix> blocks, double[] scale, double[] mean, double[] q,
                                                     int l, int genes) {
        double[] acc = new double[l * genes];
        double[] colSums = new double[l];
        int offset = 0;
        for (CellMatrix m : blocks) {
            int n = m.rows();
            double[] gT = new double[l * n];
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < l; r++) {
                    double v = q[(offset + i) * l + r];
                    gT[r * n + i] = v;
                    colSums[r] += v;
                }
            }
            m.accumulateLeftProduct(gT, l, acc);
            offset += n;
        }
        if (scale != null) { // Qᵀ·X·diag(s)
            for (int p = 0; p < acc.length; p++) {
                acc[p] *= scale[p % genes];
            }
        }
        for (int r = 0; r < l; r++) {
            for (int g = 0; g < genes; g++) {
                acc[r * genes + g] -= colSums[r] * mean[g];
            }
        }
        return acc;
    }

    /** Modified Gram–Schmidt on the columns of a rows × cols row-major matrix. */
    private static void orthonormaliseColumns(double[] m, int rows, int cols) {
        for (int c = 0; c < cols; c++) {
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int i = 0; i < rows; i++) {
                    dot += m[i * cols + c] * m[i * cols + p];
                }
                for (int i = 0; i < rows; i++) {
                    m[i * cols + c] -= dot * m[i * cols + p];
                }
            }
            double norm = 0;
            for (int i = 0; i < rows; i++) {
                norm += m[i * cols + c] * m[i * cols + c];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < rows; i++) {
                m[i * cols + c] = norm > 0 ? m[i * cols + c] / norm : 0;
            }
        }
    }

    private static void orthonormaliseRows(double[] m, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < r; p++) {
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += m[r * cols + j] * m[p * cols + j];
                }
                for (int j = 0; j < cols; j++) {
                    m[r * cols + j] -= dot * m[p * cols + j];
                }
            }
            double norm = 0;
            for (int j = 0; j < cols; j++) {
                norm += m[r * cols + j] * m[r * cols + j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < cols; j++) {
                m[r * cols + j] = norm > 0 ? m[r * cols + j] / norm : 0;
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller; one value per call keeps the stream simple and reproducible.
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
