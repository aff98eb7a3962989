package org.groundmetric.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/** How each cell's counts are normalised before anything else looks at them. */
public enum Normalisation {
    /** The values as read. */
    NONE,
    /** Scale each cell to a total of 10⁴, then log(1 + x): scanpy's normalize_total(target_sum=1e4) + log1p. */
    LOG1P;

    /** The spelling of the command line and the model file: "none", "log1p". */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Scanpy's normalize_total target. */
    public static final double TARGET_SUM = 1e4;

    /** Every sample's cells normalised (the cohort itself for {@link #NONE}). */
    public Cohort apply(Cohort c) {
        if (this == NONE) {
            return c;
        }
        List<Sample> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            Counts.requireNonNegative(s, c.featureNames());
            out.add(s.withCells(log1p(s.cells())));
        }
        return new Cohort(out, c.featureNames());
    }

    /** x ↦ log(1 + x · 10⁴ / total(cell)); cells with no counts stay zero. Sparse stays sparse. */
    static CellMatrix log1p(CellMatrix m) {
        if (m instanceof CsrMatrix cells) {
            CsrMatrix csr = cells.compact();
            int[] ptr = csr.rowPointers();
            float[] v = csr.values();
            float[] out = new float[v.length];
            for (int i = 0; i < csr.rows(); i++) {
                double total = 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    total += v[p];
                }
                double scale = total > 0 ? TARGET_SUM / total : 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    out[p] = (float) Math.log1p(v[p] * scale);
                }
            }
            return new CsrMatrix(csr.rows(), csr.cols(), ptr, csr.columnIndices(), out);
        }
        DenseMatrix d = (DenseMatrix) m;
        float[] v = d.data();
        float[] out = new float[v.length];
        int cols = d.cols();
        for (int i = 0; i < d.rows(); i++) {
            double total = 0;
            for (int j = 0; j < cols; j++) {
                total += v[i * cols + j];
            }
            double scale = total > 0 ? TARGET_SUM / total : 0;
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) Math.log1p(v[i * cols + j] * scale);
            }
        }
        return new DenseMatrix(d.rows(), cols, out);
    }
}
