package org.groundmetric.data;

import java.util.List;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/** What a step for counts (log1p normalisation) asks of its input: no value below zero. */
final class Counts {

    private Counts() {
    }

    /** log1p normalisation is for counts: a negative value (already normalised or scaled data) would give NaN. */
    static void requireNonNegative(Sample s, List<String> features) {
        CellMatrix m = s.cells();
        float[] v = m instanceof CsrMatrix csr ? csr.values() : ((DenseMatrix) m).data();
        for (int p = 0; p < v.length; p++) {
            if (v[p] < 0) {
                int row;
                int col;
                if (m instanceof CsrMatrix csr) {
                    int[] ptr = csr.rowPointers();
                    row = 0;
                    while (ptr[row + 1] <= p) {
                        row++;
                    }
                    col = csr.columnIndices()[p];
                } else {
                    row = p / m.cols();
                    col = p % m.cols();
                }
                throw new IllegalParameterException("Preprocessing.normalize", "log1p normalisation needs counts"
                        + " (≥ 0), but sample '" + s.id() + "', cell '" + s.cellIds().get(row) + "' holds " + v[p]
                        + " for feature '" + features.get(col) + "'; are these values already normalised or scaled?"
                        + " Read the raw counts (e.g. a counts layer) or leave normalisation off");
            }
        }
    }
}
