package org.groundmetric.learn;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.groundmetric.IllegalParameterException;
import java.util.Map;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.ProjectedMetric;

/**
 * A training sample as prediction needs it: its id, class and the k-dimensional images X·Wᵀ of its
 * (preprocessed) cells. W_θ to a new sample only needs these, so a model that keeps them predicts
 * without the training data. Stored in the model file under {@code reference}.
 *
 * @param id         sample id
 * @param classLabel the sample's class
 * @param cells      one row of k floats per cell (the layout of {@code obsm["X_ggml"]}), or per
 *                   centroid of a summarised sample
 * @param weights    the centroids' masses of a summarised sample; null (absent from the file) for
 *                   cells, which weigh 1/n each
 */
public record ReferenceSample(String id, String classLabel, float[][] cells,
                              @JsonInclude(JsonInclude.Include.NON_NULL) double[] weights) {

    public ReferenceSample {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a reference sample needs an id");
        }
        if (classLabel == null) {
            throw new IllegalArgumentException("reference sample '" + id + "' has no class; prediction needs labelled references");
        }
        if (cells == null || cells.length == 0) {
            throw new IllegalArgumentException("reference sample '" + id + "' has no cells");
        }
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                throw new IllegalArgumentException("reference sample '" + id + "': cells[" + i + "] is missing (null);"
                        + " expected the cell's k coordinates");
            }
        }
        int k = cells[0].length;
        for (float[] c : cells) {
            if (c.length != k) {
                throw new IllegalArgumentException("reference sample '" + id + "' has cells of " + k + " and "
                        + c.length + " projected coordinates; every cell needs the model's rank k");
            }
        }
        if (weights != null && weights.length != cells.length) {
            throw new IllegalArgumentException("reference sample '" + id + "' has " + cells.length + " centroids but "
                    + weights.length + " weights");
        }
    }

    /** A reference sample of equally weighted cells. */
    public ReferenceSample(String id, String classLabel, float[][] cells) {
        this(id, classLabel, cells, null);
    }

    /** The images of every sample of a preprocessed cohort under the metric (samples must be labelled). */
    public static List<ReferenceSample> project(Cohort cohort, ProjectedMetric metric) {
        return cohort.samples().stream().map(s -> project(s, metric)).toList();
    }

    static ReferenceSample project(Sample s, ProjectedMetric metric) {
        if (s.classLabel() == null) {
            throw new IllegalParameterException("CohortBuilder.Spec.labelKey", "reference sample '" + s.id()
                    + "' has no class label; read the reference with its label key");
        }
        return new ReferenceSample(s.id(), s.classLabel(), rows(metric.project(s.cells()), s.cellCount(), metric.rank()),
                s.cellWeights());
    }

    /** A new sample's image under the metric (its weights kept), rounded to float32 like a stored reference. */
    public static Sample rowsAsSample(Sample s, ProjectedMetric metric) {
        return imageSample(s.id(), s.classLabel(),
                DenseMatrix.of(rows(metric.project(s.cells()), s.cellCount(), metric.rank())), s.cellWeights());
    }

    /** n×k row-major doubles as n float rows. */
    static float[][] rows(double[] image, int n, int k) {
        float[][] out = new float[n][k];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                out[i][r] = (float) image[i * k + r];
            }
        }
        return out;
    }

    public int rank() {
        return cells[0].length;
    }

    /** The images as a cells × k sample (with its weights), so a Euclidean ground metric in k dimensions gives W_θ. */
    public Sample asSample() {
        return imageSample(id, classLabel, DenseMatrix.of(cells), weights);
    }

    private static Sample imageSample(String id, String classLabel, DenseMatrix image, double[] weights) {
        Sample plain = Sample.of(id, classLabel, image);
        return weights == null ? plain : new Sample(id, classLabel, image, plain.cellIds(), Map.of(), weights);
    }
}
