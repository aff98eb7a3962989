package org.groundmetric.ot;

import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Cost matrices between two point clouds under a {@link PointMetric}, in double precision, as
 * POT's {@code ot.dist} / SciPy's {@code cdist} (differences are formed per coordinate, not through
 * ‖x‖² + ‖y‖² − 2x·y, so identical points cost exactly 0).
 *
 * <p>Cosine follows SciPy: 1 − x·y / (‖x‖‖y‖), clipped to [0, 2] against rounding; SciPy returns
 * NaN for a zero vector, here a zero vector is at distance 1 from any non-zero vector and 0 from
 * another zero vector.
 */
public final class Costs {

    private Costs() {
    }

    /**
     * The n×m costs between row-major points {@code x} (n×dim) and {@code y} (m×dim). This is the
     * learner's hot path (projected cells, dim = rank k).
     */
    public static CostMatrix pairwise(double[] x, int n, double[] y, int m, int dim, PointMetric metric) {
        return pairwise(x, n, y, m, dim, metric, null);
    }

    /**
     * As {@link #pairwise(double[], int, double[], int, int, PointMetric)}, written into
     * {@code buffer} when it holds exactly n·m entries (the matrix then wraps it; a caller solving
     * many problems of one size reuses it), else into a new array. The mean cost is summed on the
     * way, and the costs, made from finite points, are not checked a second time.
     */
    public static CostMatrix pairwise(double[] x, int n, double[] y, int m, int dim, PointMetric metric,
                                      double[] buffer) {
        checkPoints("x", x, n, dim);
        checkPoints("y", y, m, dim);
        double[] out = buffer != null && buffer.length == (long) n * m ? buffer : new double[n * m];
        RowCosts rows = new RowCosts(y, m, dim, metric);
        double[] row = new double[m];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            rows.row(x, i, row);
            double s0 = 0;
            double s1 = 0;
            int j = 0;
            for (; j + 1 < m; j += 2) {
                s0 += row[j];
                s1 += row[j + 1];
            }
            for (; j < m; j++) {
                s0 += row[j];
            }
            sum += s0 + s1;
            System.arraycopy(row, 0, out, i * m, m);
        }
        if (!Double.isFinite(sum)) {
            return new CostMatrix(n, m, out);   // a cost overflowed: refused, naming the entry
        }
        return new CostMatrix(n, m, out, sum / ((double) n * m));
    }

    /** The costs between points given as rows of two arrays (each row one point). */
    public static CostMatrix pairwise(double[][] x, double[][] y, PointMetric metric) {
        int dim = dimension("x", x);
        int dimY = dimension("y", y);
        if (dim != dimY) {
            throw new IllegalArgumentException("points x have " + dim + " coordinates but points y have " + dimY
                    + "; both clouds must live in the same space");
        }
        return pairwise(flatten(x, dim), x.length, flatten(y, dim), y.length, dim, metric);
    }

    /**
     * The costs between the cells (rows) of two cell matrices, dense or sparse, in double precision.
     * Sparse rows are merged by column index, so a sparse matrix is never densified.
     */
    public static CostMatrix pairwise(CellMatrix x, CellMatrix y, PointMetric metric) {
        if (x.cols() != y.cols()) {
            throw new IllegalArgumentException("cells x have " + x.cols() + " features but cells y have " + y.cols()
                    + "; both samples must use the same features (genes)");
        }
        if (x instanceof DenseMatrix dx && y instanceof DenseMatrix dy) {
            return pairwise(toDouble(dx.data()), dx.rows(), toDouble(dy.data()), dy.rows(), dx.cols(), metric);
        }
        SparseRows sx = SparseRows.of(x, "x");
        SparseRows sy = SparseRows.of(y, "y");
        int n = x.rows();
        int m = y.rows();
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = sparseDistance(sx, i, sy, j, metric);
            }
        }
        return new CostMatrix(n, m, out);
    }

    private static double sparseDistance(SparseRows x, int i, SparseRows y, int j, PointMetric metric) {
        int p = x.ptr[i];
        int pEnd = x.ptr[i + 1];
        int q = y.ptr[j];
        int qEnd = y.ptr[j + 1];
        double dot = 0;
        double l1 = 0;
        double l2 = 0;
        while (p < pEnd || q < qEnd) {
            int kx = p < pEnd ? x.idx[p] : Integer.MAX_VALUE;
            int ky = q < qEnd ? y.idx[q] : Integer.MAX_VALUE;
            double vx = 0;
            double vy = 0;
            if (kx <= ky) {
                vx = x.val[p++];
            }
            if (ky <= kx) {
                vy = y.val[q++];
            }
            double diff = vx - vy;
            dot += vx * vy;
            l1 += Math.abs(diff);
            l2 += diff * diff;
        }
        return switch (metric) {
            case EUCLIDEAN -> Math.sqrt(l2);
            case SQEUCLIDEAN -> l2;
            case CITYBLOCK -> l1;
            case COSINE -> RowCosts.cosineDistance(dot, x.norm[i], y.norm[j]);
        };
    }

    /** Rows as (column index, value) lists sorted by column, zeros left out, with Euclidean norms. */
    private record SparseRows(int[] ptr, int[] idx, double[] val, double[] norm) {
        static SparseRows of(CellMatrix cells, String name) {
            int rows = cells.rows();
            int[] ptr = new int[rows + 1];
            int[] idx;
            double[] val;
            if (cells instanceof CsrMatrix csr) {
                int[] ci = csr.columnIndices();
                float[] v = csr.values();
                idx = new int[(int) csr.storedEntries()];
                val = new double[idx.length];
                int k = 0;
                for (int r = 0; r < rows; r++) {
                    // order each row by column (CSR rows are usually sorted already)
                    int start = csr.rowStart(r);
                    int end = csr.rowEnd(r);
                    long[] keyed = new long[end - start];
                    for (int p = start; p < end; p++) {
                        keyed[p - start] = ((long) ci[p] << 32) | (p & 0xffffffffL);
                    }
                    java.util.Arrays.sort(keyed);
                    for (long kp : keyed) {
                        int p = (int) kp;
                        if (v[p] != 0) {
                            idx[k] = ci[p];
                            val[k] = checkFinite(v[p], name, r, ci[p]);
                            k++;
                        }
                    }
                    ptr[r + 1] = k;
                }
            } else {
                DenseMatrix dense = (DenseMatrix) cells;
                float[] data = dense.data();
                int cols = dense.cols();
                int nz = 0;
                for (float f : data) {
                    if (f != 0) {
                        nz++;
                    }
                }
                idx = new int[nz];
                val = new double[nz];
                int k = 0;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        float f = data[r * cols + c];
                        if (f != 0) {
                            idx[k] = c;
                            val[k] = checkFinite(f, name, r, c);
                            k++;
                        }
                    }
                    ptr[r + 1] = k;
                }
            }
            double[] norm = new double[rows];
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                    s += val[p] * val[p];
                }
                norm[r] = Math.sqrt(s);
            }
            return new SparseRows(ptr, idx, val, norm);
        }
    }

    private static double checkFinite(float f, String name, int row, int col) {
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException("cells " + name + " have " + f + " at cell " + row + ", feature " + col
                    + "; points must be finite numbers");
        }
        return f;
    }

    static void checkPoints(String name, double[] p, int count, int dim) {
        if (count <= 0) {
            throw new IllegalArgumentException("points " + name + " are empty; expected at least one point");
        }
        if (dim <= 0) {
            throw new IllegalArgumentException("points " + name + " have dimension " + dim + "; expected at least 1");
        }
        if (p.length != (long) count * dim) {
            throw new IllegalArgumentException("points " + name + " hold " + p.length + " numbers, expected "
                    + count + " points × " + dim + " dimensions = " + ((long) count * dim));
        }
        for (int k = 0; k < p.length; k++) {
            if (!Double.isFinite(p[k])) {
                throw new IllegalArgumentException("points " + name + " have " + p[k] + " at point " + (k / dim)
                        + ", coordinate " + (k % dim) + "; points must be finite numbers");
            }
        }
    }

    static int dimension(String name, double[][] points) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("points " + name + " are empty; expected at least one point");
        }
        int dim = points[0].length;
        for (int i = 1; i < points.length; i++) {
            if (points[i].length != dim) {
                throw new IllegalArgumentException("points " + name + ": point " + i + " has " + points[i].length
                        + " coordinates but point 0 has " + dim + "; all points need the same dimension");
            }
        }
        return dim;
    }

    static double[] flatten(double[][] points, int dim) {
        double[] out = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, out, i * dim, dim);
        }
        return out;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return d;
    }
}
