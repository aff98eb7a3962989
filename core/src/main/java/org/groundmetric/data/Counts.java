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
        if (m instanceof CsrMatrix csr) {
            // row by row: a sample's cells may be a view of X's rows, sharing the arrays with other samples
            float[] v = csr.values();
            for (int i = 0; i < csr.rows(); i++) {
                for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                    if (v[p] < 0) {
                        throw negative(s, i, features.get(csr.columnIndices()[p]), v[p]);
                    }
                }
            }
            return;
        }
        float[] v = ((DenseMatrix) m).data();
        for (int p = 0; p < v.length; p++) {
            if (v[p] < 0) {
                throw negative(s, p / m.cols(), features.get(p % m.cols()), v[p]);
            }
        }
    }

    private static IllegalParameterException negative(Sample s, int row, String feature, float value) {
        return new IllegalParameterException("Preprocessing.normalize", "log1p normalisation needs counts"
                + " (≥ 0), but sample '" + s.id() + "', cell '" + s.cellIds().get(row) + "' holds " + value
                + " for feature '" + feature + "'; are these values already normalised or scaled?"
                + " Read the raw counts (e.g. a counts layer) or leave normalisation off");
    }
}
