package org.groundmetric.learn;

import java.util.List;
import org.groundmetric.data.Preprocessing;

/**
 * A model file for a metric GGML did not learn: any d(x, y) = ‖W(x − y)‖, such as the baselines'
 * (LMNN, NCA, ITML, LFDA, reduced to rank k) or the Euclidean metric (W = I). It is a
 * {@link TrainedMetric} of kind {@value #KIND}, without GGML's hyper-parameters (config null) or
 * training history, so every command that takes a model (embed, report, distances, predict, genes)
 * takes it too: the paper's Fig. 2b/c and Fig. 6 draw every method's cells and samples this way.
 */
public final class MahalanobisModel {

    /** The kind of a model file that holds a Mahalanobis map learned by another method (or none). */
    public static final String KIND = "mahalanobis";

    private MahalanobisModel() {
    }

    /**
     * @param w             W, rank × D row-major
     * @param featureNames  the D features W acts on
     * @param preprocessing the preprocessing to replay on new data before W
     * @param classNames    the class labels of the samples it was fitted on
     */
    public static TrainedMetric of(double[] w, int rank, List<String> featureNames, Preprocessing preprocessing,
                                   List<String> classNames) {
        int d = featureNames.size();
        if (rank < 1 || w.length != (long) rank * d) {
            throw new IllegalArgumentException("W must be k×D with D = " + d + " features; got " + w.length
                    + " values for k=" + rank);
        }
        double[][] rows = new double[rank][d];
        for (int r = 0; r < rank; r++) {
            System.arraycopy(w, r * d, rows[r], 0, d);
        }
        return new TrainedMetric(TrainedMetric.FORMAT_VERSION, KIND, rank, rows, featureNames, preprocessing,
                classNames, null, null, List.of());
    }

    /** The Euclidean metric on the features as a model: W = I (D × D). */
    public static TrainedMetric euclidean(List<String> featureNames, Preprocessing preprocessing,
                                          List<String> classNames) {
        int d = featureNames.size();
        double[] identity = new double[d * d];
        for (int j = 0; j < d; j++) {
            identity[j * d + j] = 1;
        }
        return of(identity, d, featureNames, preprocessing, classNames);
    }
}
