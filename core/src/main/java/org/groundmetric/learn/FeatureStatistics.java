package org.groundmetric.learn;

import java.util.List;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/** Per-feature mean and standard deviation over all cells of some samples (sparse-aware, double sums). */
final class FeatureStatistics {
    private final double[] mean;
    private final double[] std;
    private final long cells;

    private FeatureStatistics(double[] mean, double[] std, long cells) {
        this.mean = mean;
        this.std = std;
        this.cells = cells;
    }

    static FeatureStatistics of(List<CellMatrix> samples) {
        int d = samples.get(0).cols();
        double[] sum = new double[d];
        long n = 0;
        for (CellMatrix x : samples) {
            n += x.rows();
            forEachEntry(x, (j, value) -> sum[j] += value);
        }
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / n;
        }
        // Second pass about the mean (stable for features far from zero, e.g. Synth2D's ×1000 axis).
        double[] sq = new double[d];
        long[] stored = new long[d];
        for (CellMatrix x : samples) {
            forEachEntry(x, (j, value) -> {
                double c = value - mean[j];
                sq[j] += c * c;
                stored[j]++;
            });
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            // Cells that store no entry for j hold 0: each adds mean² to the sum of squares.
            sq[j] += (n - stored[j]) * mean[j] * mean[j];
            std[j] = Math.sqrt(sq[j] / n);
        }
        return new FeatureStatistics(mean, std, n);
    }

    /** 1/σ per feature; 1 for constant features (no scale to correct). */
    double[] inverseScales() {
        double[] s = new double[std.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = std[j] > 0 ? 1 / std[j] : 1;
        }
        return s;
    }

    private interface EntryConsumer {
        void accept(int column, double value);
    }

    private static void forEachEntry(CellMatrix x, EntryConsumer f) {
        if (x instanceof DenseMatrix dense) {
            float[] data = dense.data();
            int d = dense.cols();
            for (int p = 0; p < data.length; p++) {
                f.accept(p % d, data[p]);
            }
        } else {
            CsrMatrix csr = (CsrMatrix) x;
            int[] idx = csr.columnIndices();
            float[] val = csr.values();
            for (int i = 0; i < csr.rows(); i++) {
                for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                    f.accept(idx[p], val[p]);
                }
            }
        }
    }
}
