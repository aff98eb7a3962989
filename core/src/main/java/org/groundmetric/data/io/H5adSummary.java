package org.groundmetric.data.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code groundmetric inspect} shows about an .h5ad file, read without any matrix values.
 *
 * @param obs             the cell table (its columns are the candidate --sample-key / --label-key)
 * @param var             the feature table
 * @param x               X's storage, or null when the file has no X
 * @param rawX            raw/X's storage, or null
 * @param layers          each layer's storage
 * @param obsm            each embedding's storage
 * @param unsKeys         top-level uns keys
 * @param encodingVersion the root group's anndata encoding-version (null for anndata 0.7 files)
 */
public record H5adSummary(Path file, DataFrame obs, DataFrame var, MatrixInfo x, MatrixInfo rawX,
                          Map<String, MatrixInfo> layers, Map<String, MatrixInfo> obsm, List<String> unsKeys,
                          String encodingVersion) {

    /**
     * How one matrix is stored.
     *
     * @param path          HDF5 path, e.g. /X or /layers/counts
     * @param format        dense, csr or csc
     * @param valueType     float32, float64, int32, …
     * @param storedEntries non-zeros for sparse, rows·cols for dense
     * @param compression   the HDF5 filters (e.g. deflate) or "uncompressed"
     */
    public record MatrixInfo(String path, String format, String valueType, long rows, long cols,
                             long storedEntries, String compression) {

        /** Stored entries over rows·cols. */
        public double density() {
            double size = (double) rows * cols;
            return size == 0 ? 0 : storedEntries / size;
        }
    }
}
