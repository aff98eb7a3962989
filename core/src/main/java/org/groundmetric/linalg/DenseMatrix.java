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
        // As CsrMatrix: W laid out feature-major in blocks of 4 or 8 rows, so each entry of a cell
        // feeds 4–8 independent sums (one running sum per row of W waits on its previous addition:
        // latency-bound, ~4× slower on the dense centroids of summarised samples). Each sum still
        // adds the features in order, so the result is the same to the last bit.
        double[] out = new double[rows * k];
        int width = k > 4 ? 8 : 4;
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
            if (width == 8) {
                projectBlock8(block, out, k, first, used);
            } else {
                projectBlock4(block, out, k, first, used);
            }
        }
        return out;
    }

    private void projectBlock8(double[] block, double[] out, int k, int first, int used) {
        double[] sums = new double[8];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int j = 0; j < cols; j++) {
                double x = data[base + j];
                int b = j << 3;
                s0 += x * block[b];
                s1 += x * block[b + 1];
                s2 += x * block[b + 2];
                s3 += x * block[b + 3];
                s4 += x * block[b + 4];
                s5 += x * block[b + 5];
                s6 += x * block[b + 6];
                s7 += x * block[b + 7];
            }
            sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3;
            sums[4] = s4; sums[5] = s5; sums[6] = s6; sums[7] = s7;
            System.arraycopy(sums, 0, out, i * k + first, used);
        }
    }

    private void projectBlock4(double[] block, double[] out, int k, int first, int used) {
        double[] sums = new double[4];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < cols; j++) {
                double x = data[base + j];
                int b = j << 2;
                s0 += x * block[b];
                s1 += x * block[b + 1];
                s2 += x * block[b + 2];
                s3 += x * block[b + 3];
            }
            sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3;
            System.arraycopy(sums, 0, out, i * k + first, used);
        }
    }

    @Override
    public void accumulateLeftProduct(double[] g, int k, double[] acc) {
        if (g.length != k * rows || acc.length != k * cols) {
            throw new IllegalArgumentException("accumulateLeftProduct: G must be " + k + "×" + rows
                    + " and acc " + k + "×" + cols);
        }
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int r = 0; r < k; r++) {
                double c = g[r * rows + i];
                if (c == 0) {
                    continue;
                }
                int ab = r * cols;
                for (int j = 0; j < cols; j++) {
                    acc[ab + j] += c * data[base + j];
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
