package org.groundmetric.linalg;

import java.util.Arrays;

/**
 * A compressed-sparse-row float32 matrix: the storage of single-cell data, which is ~90% zeros.
 * Column indices within a row are strictly increasing.
 *
 * <p>A matrix either owns its arrays (row i's entries at rowPointers[i] .. rowPointers[i+1]−1) or
 * is a view of some rows of another matrix ({@link #viewRows}): then it shares that matrix's index
 * and value arrays, and row i's entries lie at {@link #rowStart}(i) .. {@link #rowEnd}(i)−1. A
 * view is how a sample holds its cells without a second copy of X; {@link #compact} copies one out.
 */
public final class CsrMatrix implements CellMatrix {
    private static final long serialVersionUID = 1L;
    private final int rows;
    private final int cols;
    /** Row i begins at starts[i]. */
    private final int[] starts;
    /** Row i ends before ends[i + endOffset]: the row pointers shifted by one, or a view's own ends. */
    private final int[] ends;
    private final int endOffset;
    private final int[] columnIndices;
    private final float[] values;

    /**
     * Wraps (does not copy) the CSR arrays: row i's entries are at positions
     * rowPointers[i] (inclusive) to rowPointers[i+1] (exclusive).
     */
    public CsrMatrix(int rows, int cols, int[] rowPointers, int[] columnIndices, float[] values) {
        if (rowPointers.length != rows + 1) {
            throw new IllegalArgumentException("CSR row pointers must have rows+1 = " + (rows + 1)
                    + " entries, got " + rowPointers.length);
        }
        if (columnIndices.length != values.length) {
            throw new IllegalArgumentException("CSR indices (" + columnIndices.length + ") and values ("
                    + values.length + ") must have the same length");
        }
        if (rowPointers[0] != 0 || rowPointers[rows] != values.length) {
            throw new IllegalArgumentException("CSR row pointers must start at 0 and end at nnz = " + values.length);
        }
        for (int i = 0; i < rows; i++) {
            if (rowPointers[i + 1] < rowPointers[i]) {
                throw new IllegalArgumentException("CSR row pointers decrease at row " + i);
            }
            for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++) {
                int c = columnIndices[p];
                if (c < 0 || c >= cols) {
                    throw new IllegalArgumentException("CSR column index " + c + " in row " + i
                            + " is outside 0.." + (cols - 1));
                }
                if (p > rowPointers[i] && c <= columnIndices[p - 1]) {
                    throw new IllegalArgumentException("CSR column indices in row " + i
                            + " must be strictly increasing (sort them first)");
                }
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.starts = rowPointers;
        this.ends = rowPointers;
        this.endOffset = 1;
        this.columnIndices = columnIndices;
        this.values = values;
    }

    /** A view: rows of an already checked matrix, sharing its arrays. */
    private CsrMatrix(int rows, int cols, int[] starts, int[] ends, int[] columnIndices, float[] values) {
        this.rows = rows;
        this.cols = cols;
        this.starts = starts;
        this.ends = ends;
        this.endOffset = 0;
        this.columnIndices = columnIndices;
        this.values = values;
    }

    @Override public int rows() { return rows; }
    @Override public int cols() { return cols; }

    @Override
    public long storedEntries() {
        if (!isView()) {
            return values.length;
        }
        long n = 0;
        for (int i = 0; i < rows; i++) {
            n += ends[i] - starts[i];
        }
        return n;
    }

    /** True for a view of another matrix's rows (its arrays are shared and hold other rows too). */
    public boolean isView() {
        return endOffset == 0;
    }

    /** Where row i's entries begin in {@link #columnIndices()} and {@link #values()}. */
    public int rowStart(int i) {
        return starts[i];
    }

    /** Where row i's entries end (exclusive). */
    public int rowEnd(int i) {
        return ends[i + endOffset];
    }

    /**
     * The row pointers (rows + 1, from 0 to nnz) of a matrix that owns its arrays.
     *
     * @throws IllegalStateException for a view, whose rows are not one run of the arrays: use
     *                               {@link #rowStart}/{@link #rowEnd}, or {@link #compact} first
     */
    public int[] rowPointers() {
        if (isView()) {
            throw new IllegalStateException("this CSR matrix is a view of another matrix's rows; read its rows with"
                    + " rowStart/rowEnd, or compact() it first");
        }
        return starts;
    }

    /** The column indices; a view shares them with the matrix it views (read rows by {@link #rowStart}/{@link #rowEnd}). */
    public int[] columnIndices() { return columnIndices; }

    /** The stored values; a view shares them with the matrix it views (read rows by {@link #rowStart}/{@link #rowEnd}). */
    public float[] values() { return values; }

    /**
     * The given rows, in the given order, without copying their entries: the view shares this
     * matrix's arrays (keeping all of them alive), so a sample can hold its cells of X without a
     * second copy.
     */
    @Override
    public CsrMatrix viewRows(int[] rowIndices) {
        int[] s = new int[rowIndices.length];
        int[] e = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException("row " + r + " is outside 0.." + (rows - 1));
            }
            s[i] = rowStart(r);
            e[i] = rowEnd(r);
        }
        return new CsrMatrix(rowIndices.length, cols, s, e, columnIndices, values);
    }

    /** A matrix owning exactly its own entries: this one, or for a view a copy of its rows. */
    public CsrMatrix compact() {
        if (!isView()) {
            return this;
        }
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        return selectRows(all);
    }

    /** A view travels (Java serialisation, e.g. to Spark executors) as a copy of its own rows only. */
    private Object writeReplace() {
        return compact();
    }

    @Override
    public float get(int row, int col) {
        int p = Arrays.binarySearch(columnIndices, rowStart(row), rowEnd(row), col);
        return p >= 0 ? values[p] : 0f;
    }

    @Override
    public double[] projectRows(double[] w, int k) {
        if (k <= 0 || w.length != (long) k * cols) {
            throw new IllegalArgumentException("W must be k×D = " + k + "×" + cols + " (" + ((long) k * cols)
                    + " values), got " + w.length + " values");
        }
        // W is laid out feature-major in blocks of 4 or 8 rows, so each stored entry reads its
        // weights from one cache line and feeds 4–8 independent sums: one running sum per row of
        // W would wait on the previous addition at every entry (latency-bound, ~1.5× slower).
        // Each sum still adds the entries in order, so the result is the same to the last bit.
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
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int p = starts[i], end = ends[i + endOffset]; p < end; p++) {
                double x = values[p];
                int b = columnIndices[p] << 3;
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
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int p = starts[i], end = ends[i + endOffset]; p < end; p++) {
                double x = values[p];
                int b = columnIndices[p] << 2;
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
        // As in projectRows: the sums are gathered feature-major in blocks of 4 or 8 directions, so
        // each stored entry updates one cache line, not k lines a row of acc apart (~1.5× faster).
        // Each entry sums its terms in row order before it is added to acc, so into a zero acc the
        // result is the same to the last bit.
        int width = k > 4 ? 8 : 4;
        double[] block = new double[cols * width];
        double[] c = new double[width];
        for (int first = 0; first < k; first += width) {
            int used = Math.min(width, k - first);
            if (first > 0) {
                Arrays.fill(block, 0);
            }
            for (int i = 0; i < rows; i++) {
                boolean any = false;
                for (int r = 0; r < width; r++) {
                    c[r] = r < used ? g[(first + r) * rows + i] : 0;
                    any |= c[r] != 0;
                }
                if (any) {
                    if (width == 8) {
                        accumulateRow8(i, c, block);
                    } else {
                        accumulateRow4(i, c, block);
                    }
                }
            }
            for (int r = 0; r < used; r++) {
                int ab = (first + r) * cols;
                for (int col = 0; col < cols; col++) {
                    acc[ab + col] += block[col * width + r];
                }
            }
        }
    }

    private void accumulateRow8(int i, double[] c, double[] block) {
        double c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7];
        for (int p = starts[i], end = ends[i + endOffset]; p < end; p++) {
            double x = values[p];
            int b = columnIndices[p] << 3;
            block[b] += c0 * x;
            block[b + 1] += c1 * x;
            block[b + 2] += c2 * x;
            block[b + 3] += c3 * x;
            block[b + 4] += c4 * x;
            block[b + 5] += c5 * x;
            block[b + 6] += c6 * x;
            block[b + 7] += c7 * x;
        }
    }

    private void accumulateRow4(int i, double[] c, double[] block) {
        double c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
        for (int p = starts[i], end = ends[i + endOffset]; p < end; p++) {
            double x = values[p];
            int b = columnIndices[p] << 2;
            block[b] += c0 * x;
            block[b + 1] += c1 * x;
            block[b + 2] += c2 * x;
            block[b + 3] += c3 * x;
        }
    }

    @Override
    public CsrMatrix selectRows(int[] rowIndices) {
        int[] ptr = new int[rowIndices.length + 1];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            ptr[i + 1] = ptr[i] + rowEnd(r) - rowStart(r);
        }
        int[] idx = new int[ptr[rowIndices.length]];
        float[] val = new float[idx.length];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            int len = rowEnd(r) - rowStart(r);
            System.arraycopy(columnIndices, rowStart(r), idx, ptr[i], len);
            System.arraycopy(values, rowStart(r), val, ptr[i], len);
        }
        return new CsrMatrix(rowIndices.length, cols, ptr, idx, val);
    }

    @Override
    public CsrMatrix selectColumns(int[] colIndices) {
        int[] newIndex = new int[cols];
        Arrays.fill(newIndex, -1);
        for (int j = 0; j < colIndices.length; j++) {
            newIndex[colIndices[j]] = j;
        }
        boolean sorted = true;
        for (int j = 1; j < colIndices.length; j++) {
            sorted &= colIndices[j] > colIndices[j - 1];
        }
        int[] ptr = new int[rows + 1];
        int stored = (int) storedEntries();
        int[] idx = new int[stored];
        float[] val = new float[stored];
        int nnz = 0;
        for (int i = 0; i < rows; i++) {
            int rowStart = nnz;
            for (int p = rowStart(i); p < rowEnd(i); p++) {
                int nj = newIndex[columnIndices[p]];
                if (nj >= 0) {
                    idx[nnz] = nj;
                    val[nnz] = values[p];
                    nnz++;
                }
            }
            if (!sorted) {
                sortRow(idx, val, rowStart, nnz);
            }
            ptr[i + 1] = nnz;
        }
        return new CsrMatrix(rows, colIndices.length, ptr, Arrays.copyOf(idx, nnz), Arrays.copyOf(val, nnz));
    }

    private static void sortRow(int[] idx, float[] val, int from, int to) {
        // Insertion sort by column: rows are short relative to the cost of boxing a comparator.
        for (int a = from + 1; a < to; a++) {
            int ci = idx[a];
            float cv = val[a];
            int b = a - 1;
            while (b >= from && idx[b] > ci) {
                idx[b + 1] = idx[b];
                val[b + 1] = val[b];
                b--;
            }
            idx[b + 1] = ci;
            val[b + 1] = cv;
        }
    }

    @Override
    public float[] row(int row) {
        float[] out = new float[cols];
        for (int p = rowStart(row); p < rowEnd(row); p++) {
            out[columnIndices[p]] = values[p];
        }
        return out;
    }
}
