package org.groundmetric.linalg;

/**
 * The cells × features matrix of one sample, dense or CSR-sparse, stored as float32.
 *
 * <p>The two operations GGML needs on the hot path are here so each storage can do them its own
 * way: the projection X·Wᵀ (cells into the k-dimensional image of W) and the accumulation
 * G·X of per-cell gradient coefficients. Neither ever densifies a sparse matrix.
 */
public sealed interface CellMatrix extends java.io.Serializable permits DenseMatrix, CsrMatrix {

    /** Number of cells (rows). */
    int rows();

    /** Number of features (columns). */
    int cols();

    /** One entry; O(1) for dense, O(log nnz(row)) for sparse. */
    float get(int row, int col);

    /** Stored entries: rows·cols for dense, the non-zeros for sparse. */
    long storedEntries();

    /**
     * The image of the rows under W: returns the n×k row-major matrix X·Wᵀ,
     * where {@code w} is k×D row-major (D = {@link #cols()}). Accumulates in double.
     */
    double[] projectRows(double[] w, int k);

    /**
     * {@code acc += G·X} where G is k×n row-major (n = {@link #rows()}) and acc is k×D row-major.
     * This is how per-cell gradient coefficients become a gradient in feature space.
     */
    void accumulateLeftProduct(double[] g, int k, double[] acc);

    /** The given rows, in the given order (a copy). */
    CellMatrix selectRows(int[] rowIndices);

    /**
     * The given rows, in the given order, without copying their entries where the storage allows
     * (CSR: a view sharing this matrix's arrays, {@link CsrMatrix#viewRows}); dense rows are copied.
     */
    default CellMatrix viewRows(int[] rowIndices) {
        return selectRows(rowIndices);
    }

    /** The given columns, in the given order (a copy). */
    CellMatrix selectColumns(int[] colIndices);

    /** One row as a dense float array (a copy). */
    float[] row(int row);
}
