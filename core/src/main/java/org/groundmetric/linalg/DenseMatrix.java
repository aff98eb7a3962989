package org.groundmetric.linalg;

import java.util.Arrays;

/** A dense float32 matrix in row-major order. Immutable by convention: nothing here writes to it. */
public final class DenseMatrix implements CellMatrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    /** Wraps (does not copy) {@code data}, which must hold rows·cols values in row-major order. */
    public DenseMatrix(int rows, int cols, float[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "×" + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data holds " + data.length + " values, expected rows·cols = "
                    + rows + "·" + cols + " = " + ((long) rows * cols));
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Copies a rectangular array of rows. */
    public static DenseMatrix of(float[][] rowArrays) {
        int n = rowArrays.length;
        int d = n == 0 ? 0 : rowArrays[0].length;
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (rowArrays[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + rowArrays[i].length
                        + " values, expected " + d + " like row 0");
            }
            System.arraycopy(rowArrays[i], 0, data, i * d, d);
        }
        return new DenseMatrix(n, d, data);
    }

    /** Copies (and rounds to float) a rectangular array of double rows. */
    public static DenseMatrix of(double[][] rowArrays) {
        int n = rowArrays.length;
        int d = n == 0 ? 0 : rowArrays[0].length;
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (rowArrays[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + rowArrays[i].length
                        + " values, expected " + d + " like row 0");
            }
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) rowArrays[i][j];
            }
        }
        return new DenseMatrix(n, d, data);
    }

    @Override public int rows() { return rows; }
    @Override public int cols() { return cols; }
    @Override public float get(int row, int col) { return data[row * cols + col]; }
    @Override public long storedEntries() { return (long) rows * cols; }

    /** The backing array (row-major). Callers must not modify it. */
    public float[] data() { return data; }

    @Override
    public double[] projectRows(double[] w, int k) {
        checkW(w, k);
        // W is laid out feature-major in blocks of 4 or 5 of its rows, and two cells go through
        // the features together: each feature's weights are read once for both cells, and 8–10
        // independent running sums keep the adder busy (one sum per row of W would wait on its
        // previous addition: latency-bound, ~4× slower on the dense centroids of summarised
        // samples; one cell against 8 rows of W did 8 sums for k = 5, 1.4× the time of this).
        // Each sum still adds the features in order, so the result is the same to the last bit.
        double[] out = new double[rows * k];
        int width = k > 4 ? 5 : 4;
        double[] block = new double[cols * width];
        for (int first = 0; first < k; first += width) {
            int used = Math.min(width, k - first);
            if (first > 0) {
                Arrays.fill(block, 0);
            }
            for (int r = 0; r < used; r++) {
                int wb = (first + r) * cols;
                for (int c = 0; c < cols; c++) {
                    block[c * width + r] = w[wb + c];
                }
            }
            if (width == 5) {
                projectBlock5(block, out, k, first, used);
            } else {
                projectBlock4(block, out, k, first, used);
            }
        }
        return out;
    }

    /** Rows i and i + 1 against 5 rows of W (the block), then a last odd row alone. */
    private void projectBlock5(double[] block, double[] out, int k, int first, int used) {
        double[] sums = new double[10];
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int a = i * cols;
            int b = a + cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
            for (int j = 0; j < cols; j++) {
                double x = data[a + j];
                double y = data[b + j];
                int q = j * 5;
                double w0 = block[q], w1 = block[q + 1], w2 = block[q + 2], w3 = block[q + 3], w4 = block[q + 4];
                s0 += x * w0; s1 += x * w1; s2 += x * w2; s3 += x * w3; s4 += x * w4;
                t0 += y * w0; t1 += y * w1; t2 += y * w2; t3 += y * w3; t4 += y * w4;
            }
            sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3; sums[4] = s4;
            sums[5] = t0; sums[6] = t1; sums[7] = t2; sums[8] = t3; sums[9] = t4;
            System.arraycopy(sums, 0, out, i * k + first, used);
            System.arraycopy(sums, 5, out, (i + 1) * k + first, used);
        }
        if (i < rows) {
            int a = i * cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
            for (int j = 0; j < cols; j++) {
                double x = data[a + j];
                int q = j * 5;
                s0 += x * block[q]; s1 += x * block[q + 1]; s2 += x * block[q + 2];
                s3 += x * block[q + 3]; s4 += x * block[q + 4];
            }
            sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3; sums[4] = s4;
            System.arraycopy(sums, 0, out, i * k + first, used);
        }
    }

    /** Rows i and i + 1 against 4 rows of W (the block), then a last odd row alone. */
    private void projectBlock4(double[] block, double[] out, int k, int first, int used) {
        double[] sums = new double[8];
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int a = i * cols;
            int b = a + cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
            for (int j = 0; j < cols; j++) {
                double x = data[a + j];
                double y = data[b + j];
                int q = j << 2;
                double w0 = block[q], w1 = block[q + 1], w2 = block[q + 2], w3 = block[q + 3];
                s0 += x * w0; s1 += x * w1; s2 += x * w2; s3 += x * w3;
                t0 += y * w0; t1 += y * w1; t2 += y * w2; t3 += y * w3;
            }
            sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3;
            sums[4] = t0; sums[5] = t1; sums[6] = t2; sums[7] = t3;
            System.arraycopy(sums, 0, out, i * k + first, used);
            System.arraycopy(sums, 4, out, (i + 1) * k + first, used);
        }
        if (i < rows) {
            int a = i * cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < cols; j++) {
                double x = data[a + j];
                int q = j << 2;
                s0 += x * block[q]; s1 += x * block[q + 1]; s2 += x * block[q + 2]; s3 += x * block[q + 3];
            }
            sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3;
            System.arraycopy(sums, 0, out, i * k + first, used);
        }
    }

    @Override
    public void accumulateLeftProduct(double[] g, int k, double[] acc) {
        if (acc.length != k * cols) {
            throw new IllegalArgumentException("accumulateLeftProduct: G must be " + k + "×" + rows
                    + " and acc " + k + "×" + cols);
        }
        accumulateLeftProduct(g, k, acc, 0, cols);
    }

    /**
     * {@code acc += G·X[:, from:to]}: the features from {@code from} (inclusive) to {@code to}
     * (exclusive) of G·X, where G is k×n row-major and acc is k×(to − from) row-major. Every entry
     * adds its rows' terms in row order (rows whose coefficient is 0 are skipped), as the whole
     * product does, so a gradient gathered range by range is the same to the last bit. Four rows
     * go through a range together ((((a + c₀x₀) + c₁x₁) + c₂x₂) + c₃x₃, the same additions in the
     * same order), so each entry of acc is loaded and stored once per four rows.
     */
    public void accumulateLeftProduct(double[] g, int k, double[] acc, int from, int to) {
        int len = to - from;
        if (g.length != k * rows || from < 0 || to > cols || len < 0 || acc.length != k * len) {
            throw new IllegalArgumentException("accumulateLeftProduct: G must be " + k + "×" + rows + ", the features"
                    + " within 0.." + cols + " and acc " + k + "×(to − from); got G of " + g.length + " values, features "
                    + from + ".." + to + ", acc of " + acc.length);
        }
        int[] used = new int[rows];
        for (int r = 0; r < k; r++) {
            int m = 0;
            for (int i = 0; i < rows; i++) {
                if (g[r * rows + i] != 0) {
                    used[m++] = i;
                }
            }
            int ab = r * len;
            int p = 0;
            for (; p + 3 < m; p += 4) {
                int b0 = used[p] * cols + from;
                int b1 = used[p + 1] * cols + from;
                int b2 = used[p + 2] * cols + from;
                int b3 = used[p + 3] * cols + from;
                double c0 = g[r * rows + used[p]];
                double c1 = g[r * rows + used[p + 1]];
                double c2 = g[r * rows + used[p + 2]];
                double c3 = g[r * rows + used[p + 3]];
                for (int j = 0; j < len; j++) {
                    acc[ab + j] = acc[ab + j] + c0 * data[b0 + j] + c1 * data[b1 + j] + c2 * data[b2 + j]
                            + c3 * data[b3 + j];
                }
            }
            for (; p < m; p++) {
                int b0 = used[p] * cols + from;
                double c0 = g[r * rows + used[p]];
                for (int j = 0; j < len; j++) {
                    acc[ab + j] += c0 * data[b0 + j];
                }
            }
        }
    }

    @Override
    public DenseMatrix selectRows(int[] rowIndices) {
        float[] out = new float[rowIndices.length * cols];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(data, rowIndices[i] * cols, out, i * cols, cols);
        }
        return new DenseMatrix(rowIndices.length, cols, out);
    }

    @Override
    public DenseMatrix selectColumns(int[] colIndices) {
        float[] out = new float[rows * colIndices.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < colIndices.length; j++) {
                out[i * colIndices.length + j] = data[i * cols + colIndices[j]];
            }
        }
        return new DenseMatrix(rows, colIndices.length, out);
    }

    @Override
    public float[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    private void checkW(double[] w, int k) {
        if (k <= 0 || w.length != (long) k * cols) {
            throw new IllegalArgumentException("W must be k×D = " + k + "×" + cols + " (" + ((long) k * cols)
                    + " values), got " + w.length + " values");
        }
    }
}
