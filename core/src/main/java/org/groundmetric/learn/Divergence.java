package org.groundmetric.learn;

import java.util.List;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Stops a training run whose numbers leave the finite range, before anything is solved or saved
 * with them: a loss that is NaN or infinite, or a W so large that projecting a training cell could
 * overflow (a too-large learning rate such as 1e308 gets there in one Adam step). Projected
 * coordinates are bounded by max|W| · max over cells of ‖x‖₁; that bound must stay below
 * {@value #MAX_IMAGE}, so that squared distances between images stay finite in double precision.
 */
final class Divergence {

    /** Largest image coordinate allowed: its square, summed over k ≤ 10⁶ axes, stays far below Double.MAX_VALUE. */
    static final double MAX_IMAGE = 1e150;

    private final double[] scale;
    private final int rank;
    private final double maxCellL1;
    private final double learningRate;

    /**
     * @param cells     the training samples' cells
     * @param sampleIds their ids, for the message when a sample holds NaN or ±Inf (refused: readers
     *                  let none through, but a cohort built in code may hold them)
     * @param scale     W = V·diag(scale)
     */
    Divergence(List<CellMatrix> cells, List<String> sampleIds, double[] scale, int rank, double learningRate) {
        this.scale = scale;
        this.rank = rank;
        this.learningRate = learningRate;
        double max = 0;
        for (int s = 0; s < cells.size(); s++) {
            double l1 = maxRowL1(cells.get(s));
            if (!Double.isFinite(l1)) {
                throw new IllegalArgumentException("sample '" + sampleIds.get(s) + "' holds a value that is not a"
                        + " finite number (NaN or ±Inf); training needs finite cells");
            }
            max = Math.max(max, l1);
        }
        this.maxCellL1 = max;
    }

    /** Throws when the loss of the batch just taken or the new V is out of range; batch 0 is the start. */
    void check(double[] v, double loss, int epoch, int batch) {
        String where = batch == 0 ? "at the start" : "in epoch " + epoch + ", batch " + batch;
        if (!Double.isFinite(loss)) {
            throw diverged(where + " the loss became " + loss);
        }
        int d = scale.length;
        double maxW = 0;
        for (int r = 0; r < rank; r++) {
            for (int j = 0; j < d; j++) {
                double w = Math.abs(v[r * d + j] * scale[j]);
                if (!(w <= Double.MAX_VALUE)) {
                    throw diverged(where + " W took the value " + v[r * d + j] * scale[j]);
                }
                maxW = Math.max(maxW, w);
            }
        }
        if (maxW * maxCellL1 > MAX_IMAGE) {
            throw diverged(String.format(java.util.Locale.ROOT, "%s W grew to |w| = %.3g, large enough for projected"
                    + " cells to overflow", where, maxW));
        }
    }

    private IllegalParameterException diverged(String what) {
        return new IllegalParameterException("GgmlConfig.learningRate", "training diverged: " + what
                + " (learning rate " + learningRate + "); nothing was saved: lower the learning rate (the paper"
                + " uses 0.01)");
    }

    private static double maxRowL1(CellMatrix m) {
        double max = 0;
        if (m instanceof CsrMatrix csr) {
            float[] values = csr.values();
            for (int i = 0; i < csr.rows(); i++) {
                double sum = 0;
                for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                    sum += Math.abs(values[p]);
                }
                max = Math.max(max, sum);
            }
        } else {
            float[] data = ((DenseMatrix) m).data();
            int cols = m.cols();
            for (int i = 0; i < m.rows(); i++) {
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    sum += Math.abs(data[i * cols + j]);
                }
                max = Math.max(max, sum);
            }
        }
        return max;
    }
}
