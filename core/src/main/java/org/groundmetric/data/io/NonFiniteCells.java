package org.groundmetric.data.io;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * NaN and ±Inf in the cell matrix, found where the data enters: refused naming the first one's
 * cell and feature, or (when asked) the cells holding any are left out with a warning saying how
 * many. Downstream every distance, cost and transport plan assumes finite numbers.
 */
final class NonFiniteCells {

    private NonFiniteCells() {
    }

    /**
     * @param data    what a reader read
     * @param policy  refuse, leave the cells out, or keep (for describing a file only)
     * @param rowName how the file names row i (e.g. "obs row 17", "line 19"), for messages
     */
    static AnnData apply(AnnData data, CellDataReader.NonFiniteValues policy, IntFunction<String> rowName,
                         Consumer<String> warnings) {
        if (policy == CellDataReader.NonFiniteValues.KEEP) {
            return data;
        }
        int rows = data.cells();
        boolean[] bad = new boolean[rows];
        long values = 0;
        int firstRow = -1;
        int firstCol = -1;
        float firstValue = 0;
        if (data.x() instanceof CsrMatrix csr) {
            float[] v = csr.values();
            for (int i = 0; i < rows; i++) {
                for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                    if (!Float.isFinite(v[p])) {
                        if (values++ == 0) {
                            firstRow = i;
                            firstCol = csr.columnIndices()[p];
                            firstValue = v[p];
                        }
                        bad[i] = true;
                    }
                }
            }
        } else {
            float[] v = ((DenseMatrix) data.x()).data();
            int cols = data.features();
            for (int p = 0; p < v.length; p++) {
                if (!Float.isFinite(v[p])) {
                    if (values++ == 0) {
                        firstRow = p / cols;
                        firstCol = p % cols;
                        firstValue = v[p];
                    }
                    bad[p / cols] = true;
                }
            }
        }
        if (values == 0) {
            return data;
        }
        int badCells = 0;
        for (boolean b : bad) {
            badCells += b ? 1 : 0;
        }
        String first = rowName.apply(firstRow) + " (cell '" + data.obs().index().get(firstRow) + "'), feature "
                + firstCol + " ('" + data.var().index().get(firstCol) + "') holds " + describe(firstValue);
        String count = values == 1 ? "" : String.format(Locale.ROOT, "; %d values in %d of %d cells are not finite",
                values, badCells, rows);
        if (policy == CellDataReader.NonFiniteValues.REFUSE) {
            throw new IllegalParameterException("CellDataReader.Request.nonFinite", first + count
                    + "; cells need finite numbers: fix the file, or leave such cells out");
        }
        if (badCells == rows) {
            throw new IllegalArgumentException("every cell holds a non-finite value (" + first + "); nothing is left");
        }
        int[] keep = new int[rows - badCells];
        for (int i = 0, n = 0; i < rows; i++) {
            if (!bad[i]) {
                keep[n++] = i;
            }
        }
        warnings.accept(String.format(Locale.ROOT, "left out %d of %d cells holding non-finite values (%d %s;"
                + " the first: %s)", badCells, rows, values, values == 1 ? "value" : "values", first));
        return data.selectCells(keep);
    }

    private static String describe(float v) {
        return Float.isNaN(v) ? "NaN" : v > 0 ? "+Inf (or a number beyond float32's ±3.4e38)" : "-Inf (or a number"
                + " beyond float32's ±3.4e38)";
    }
}
