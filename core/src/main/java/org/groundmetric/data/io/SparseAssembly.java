package org.groundmetric.data.io;

import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Turns sparse arrays as files store them (CSR with possibly unsorted indices, CSC, coordinate
 * triplets) into our {@link CsrMatrix}, whose rows have strictly increasing column indices.
 */
public final class SparseAssembly {
    private SparseAssembly() {
    }

    /** CSR arrays from a file: checked, rows sorted and duplicate entries summed (scipy's meaning) when needed. */
    public static CsrMatrix csr(int rows, int cols, int[] ptr, int[] idx, float[] val, String what) {
        checkPointers(ptr, rows, idx.length, val.length, what, "row");
        checkIndices(ptr, idx, rows, cols, what, "column", "row");
        boolean canonical = true;
        for (int i = 0; i < rows && canonical; i++) {
            for (int p = ptr[i] + 1; p < ptr[i + 1]; p++) {
                if (idx[p] <= idx[p - 1]) {
                    canonical = false;
                    break;
                }
            }
        }
        if (canonical) {
            return new CsrMatrix(rows, cols, ptr, idx, val);
        }
        // Rebuild through the transpose twice: a counting sort that also sorts each row.
        int[][] t = transpose(rows, cols, ptr, idx);
        float[] tv = permute(val, t[2]);
        int[][] back = transpose(cols, rows, t[0], t[1]);
        float[] bv = permute(tv, back[2]);
        return mergeDuplicates(rows, cols, back[0], back[1], bv);
    }

    /** CSC arrays (column pointers, row indices) to CSR. */
    public static CsrMatrix cscToCsr(int rows, int cols, int[] colPtr, int[] rowIdx, float[] val, String what) {
        checkPointers(colPtr, cols, rowIdx.length, val.length, what, "column");
        checkIndices(colPtr, rowIdx, cols, rows, what, "row", "column");
        int[][] t = transpose(cols, rows, colPtr, rowIdx);
        return mergeDuplicates(rows, cols, t[0], t[1], permute(val, t[2]));
    }

    /** Coordinate triplets (row, col, value), any order, to CSR; repeated coordinates are summed. */
    public static CsrMatrix fromTriplets(int rows, int cols, int[] r, int[] c, float[] v) {
        int[] ptr = new int[rows + 1];
        for (int x : r) {
            ptr[x + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] next = ptr.clone();
        int[] order = new int[r.length];
        for (int e = 0; e < r.length; e++) {
            order[next[r[e]]++] = e;
        }
        int[] idx = new int[r.length];
        float[] val = new float[r.length];
        for (int p = 0; p < order.length; p++) {
            idx[p] = c[order[p]];
            val[p] = v[order[p]];
        }
        return csr(rows, cols, ptr, idx, val, "coordinate matrix");
    }

    /** A dense copy (for small matrices such as obsm embeddings stored sparse). */
    public static DenseMatrix densify(CellMatrix m) {
        float[] out = new float[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.row(i), 0, out, i * m.cols(), m.cols());
        }
        return new DenseMatrix(m.rows(), m.cols(), out);
    }

    /**
     * Transposes the pattern of an n-row compressed matrix with m columns: returns the m+1 new
     * pointers, the new minor indices (sorted within each new row, as a counting sort gives) and
     * the source position of each new entry.
     */
    private static int[][] transpose(int n, int m, int[] ptr, int[] idx) {
        int nnz = ptr[n];
        int[] tPtr = new int[m + 1];
        for (int p = 0; p < nnz; p++) {
            tPtr[idx[p] + 1]++;
        }
        for (int j = 0; j < m; j++) {
            tPtr[j + 1] += tPtr[j];
        }
        int[] next = tPtr.clone();
        int[] tIdx = new int[nnz];
        int[] source = new int[nnz];
        for (int i = 0; i < n; i++) {
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                int q = next[idx[p]]++;
                tIdx[q] = i;
                source[q] = p;
            }
        }
        return new int[][] {tPtr, tIdx, source};
    }

    private static float[] permute(float[] val, int[] source) {
        float[] out = new float[source.length];
        for (int q = 0; q < source.length; q++) {
            out[q] = val[source[q]];
        }
        return out;
    }

    /** Rows are sorted; sum runs of equal column indices. */
    private static CsrMatrix mergeDuplicates(int rows, int cols, int[] ptr, int[] idx, float[] val) {
        boolean dup = false;
        for (int i = 0; i < rows && !dup; i++) {
            for (int p = ptr[i] + 1; p < ptr[i + 1]; p++) {
                if (idx[p] == idx[p - 1]) {
                    dup = true;
                    break;
                }
            }
        }
        if (!dup) {
            return new CsrMatrix(rows, cols, ptr, idx, val);
        }
        int[] nPtr = new int[rows + 1];
        int w = 0;
        for (int i = 0; i < rows; i++) {
            int rowStart = w;
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                if (w > rowStart && idx[w - 1] == idx[p]) {
                    val[w - 1] += val[p];
                } else {
                    idx[w] = idx[p];
                    val[w] = val[p];
                    w++;
                }
            }
            nPtr[i + 1] = w;
        }
        return new CsrMatrix(rows, cols, nPtr, java.util.Arrays.copyOf(idx, w), java.util.Arrays.copyOf(val, w));
    }

    /** Every minor index (a CSR column, a CSC row) must lie inside the declared shape. */
    private static void checkIndices(int[] ptr, int[] idx, int major, int minor, String what, String minorAxis,
                                     String majorAxis) {
        for (int i = 0; i < major; i++) {
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                if (idx[p] < 0 || idx[p] >= minor) {
                    throw new IllegalArgumentException(what + ": " + minorAxis + " index " + idx[p] + " of stored entry "
                            + p + " (" + majorAxis + " " + i + ") is outside 0.." + (minor - 1) + ", the "
                            + minorAxis + "s the matrix declares; the sparse matrix is damaged");
                }
            }
        }
    }

    private static void checkPointers(int[] ptr, int n, int idxLen, int valLen, String what, String axis) {
        if (ptr.length != n + 1) {
            throw new IllegalArgumentException(what + ": indptr has " + ptr.length + " entries, expected one per "
                    + axis + " plus one (" + (n + 1) + ")");
        }
        if (idxLen != valLen) {
            throw new IllegalArgumentException(what + ": indices (" + idxLen + ") and data (" + valLen
                    + ") differ in length");
        }
        if (ptr[0] != 0 || ptr[n] != valLen) {
            throw new IllegalArgumentException(what + ": indptr must run from 0 to the number of stored values ("
                    + valLen + "), got " + ptr[0] + ".." + ptr[n]);
        }
        for (int i = 0; i < n; i++) {
            if (ptr[i + 1] < ptr[i]) {
                throw new IllegalArgumentException(what + ": indptr decreases at " + axis + " " + i);
            }
        }
    }
}
