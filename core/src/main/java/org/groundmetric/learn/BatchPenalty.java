package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.linalg.CellMatrix;

/**
 * How far W stretches the directions that separate batches within a class:
 * P(V) = γ · Σ_m w_m ‖V·u_m‖² / Σ_m w_m ‖u_m‖², where for every class c with samples in two or more
 * batches and every such batch b, u_m = s ⊙ (μ_cb − μ_c) is the offset of the batch's mean cell from
 * the class's mean cell (means over the samples' mean cells; s the feature scaling, so u is in the
 * coordinates V is optimised in) and w_m the number of samples of c in b. A metric that ignores the
 * batch has P = 0; the normalisation makes γ free of the batch effect's size. The gradient is
 * 2γ Σ_m w_m (V·u_m) u_mᵀ / Σ_m w_m ‖u_m‖².
 */
final class BatchPenalty {
    private final double gamma;
    private final List<double[]> directions;
    private final List<Double> weights;
    private final double norm;

    private BatchPenalty(double gamma, List<double[]> directions, List<Double> weights) {
        this.gamma = gamma;
        this.directions = directions;
        this.weights = weights;
        double total = 0;
        for (int m = 0; m < directions.size(); m++) {
            double sq = 0;
            for (double x : directions.get(m)) {
                sq += x * x;
            }
            total += weights.get(m) * sq;
        }
        this.norm = total;
    }

    /**
     * @param cells   every training sample's cells
     * @param classOf class index of every sample
     * @param batchOf batch index of every sample
     * @param scale   s, the feature scaling (W = V·diag(s))
     */
    static BatchPenalty of(double gamma, List<CellMatrix> cells, int[] classOf, int[] batchOf, double[] scale) {
        int d = scale.length;
        double[][] sampleMeans = new double[cells.size()][];
        for (int s = 0; s < cells.size(); s++) {
            sampleMeans[s] = meanCell(cells.get(s));
        }
        List<double[]> directions = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int classes = java.util.Arrays.stream(classOf).max().orElse(-1) + 1;
        int batches = java.util.Arrays.stream(batchOf).max().orElse(-1) + 1;
        for (int c = 0; c < classes; c++) {
            double[] classMean = new double[d];
            double[][] batchSum = new double[batches][d];
            int[] count = new int[batches];
            int n = 0;
            for (int s = 0; s < cells.size(); s++) {
                if (classOf[s] == c) {
                    n++;
                    count[batchOf[s]]++;
                    for (int j = 0; j < d; j++) {
                        classMean[j] += sampleMeans[s][j];
                        batchSum[batchOf[s]][j] += sampleMeans[s][j];
                    }
                }
            }
            long present = java.util.Arrays.stream(count).filter(x -> x > 0).count();
            if (present < 2) {
                continue;
            }
            for (int b = 0; b < batches; b++) {
                if (count[b] == 0) {
                    continue;
                }
                double[] u = new double[d];
                for (int j = 0; j < d; j++) {
                    u[j] = scale[j] * (batchSum[b][j] / count[b] - classMean[j] / n);
                }
                directions.add(u);
                weights.add((double) count[b]);
            }
        }
        return new BatchPenalty(gamma, directions, weights);
    }

    private static double[] meanCell(CellMatrix x) {
        double[] ones = new double[x.rows()];
        java.util.Arrays.fill(ones, 1.0 / x.rows());
        double[] mean = new double[x.cols()];
        x.accumulateLeftProduct(ones, 1, mean);
        return mean;
    }

    /** Adds P's gradient with respect to V (k×D row-major) to {@code gradient}; returns P(V). */
    double addGradient(double[] v, double[] gradient) {
        if (gamma == 0 || norm == 0) {
            return 0;
        }
        int d = directions.get(0).length;
        int k = v.length / d;
        double value = 0;
        for (int m = 0; m < directions.size(); m++) {
            double[] u = directions.get(m);
            double f = gamma * weights.get(m) / norm;
            for (int r = 0; r < k; r++) {
                double vu = 0;
                for (int j = 0; j < d; j++) {
                    vu += v[r * d + j] * u[j];
                }
                value += f * vu * vu;
                for (int j = 0; j < d; j++) {
                    gradient[r * d + j] += 2 * f * vu * u[j];
                }
            }
        }
        return value;
    }
}
