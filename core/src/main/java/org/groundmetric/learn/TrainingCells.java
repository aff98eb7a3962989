package org.groundmetric.learn;

import java.util.List;
import org.groundmetric.LocalEngine;
import org.groundmetric.linalg.CellMatrix;

/**
 * The training samples' cells (or their centroids, for summarised samples, with their masses), the
 * form of the metric and the coordinates W is optimised in: W = V·diag(s), with s = 1/σ per feature
 * under feature standardisation, else all ones. Projects samples to their images (X·Wᵀ, k
 * coordinates; x ⊙ w for the diagonal form), each sample alone, so the thread count cannot change
 * an image.
 */
final class TrainingCells {
    private final List<CellMatrix> samples;
    /** Per sample the masses of its rows, or null for uniform cells. */
    private final double[][] masses;
    private final MetricForm form;
    private final int rank;
    private final int features;
    private final double[] columnScale;

    /**
     * @param masses      per sample its rows' masses, or null (all, or that sample) for uniform
     * @param rank        coordinates of a cell's image ({@link MetricForm#imageDimension})
     * @param columnScale s, one per feature
     */
    TrainingCells(List<CellMatrix> samples, double[][] masses, MetricForm form, int rank, double[] columnScale) {
        this.samples = List.copyOf(samples);
        this.masses = masses != null ? masses.clone() : new double[samples.size()][];
        this.form = form;
        this.rank = rank;
        this.features = samples.get(0).cols();
        this.columnScale = columnScale;
    }

    int size() {
        return samples.size();
    }

    int rank() {
        return rank;
    }

    int features() {
        return features;
    }

    CellMatrix sample(int s) {
        return samples.get(s);
    }

    /** The masses of samples {@code which[0]}, {@code which[1]}, … (null entries: uniform). */
    double[][] masses(int[] which) {
        double[][] out = new double[which.length][];
        for (int a = 0; a < which.length; a++) {
            out[a] = masses[which[a]];
        }
        return out;
    }

    /** W = V·diag(s), k×D row-major (the diagonal form: w, D values). */
    double[] effectiveW(double[] v) {
        double[] w = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            w[p] = v[p] * columnScale[p % features];
        }
        return w;
    }

    /** A gradient with respect to W becomes one with respect to V (chain rule through W = V·diag(s)), in place. */
    void toOptimisationCoordinates(double[] gradient) {
        for (int p = 0; p < gradient.length; p++) {
            gradient[p] *= columnScale[p % features];
        }
    }

    /** The images (n×k row-major) of samples {@code which[0]}, {@code which[1]}, … */
    double[][] project(int[] which, double[] w, LocalEngine local) {
        double[][] images = new double[which.length][];
        local.forEach(which.length, a -> images[a] = form.project(samples.get(which[a]), w, rank));
        return images;
    }

    /** acc (the parameters' shape) += the gradient of sample s's cells from its k×n coefficients G. */
    void accumulateGradient(int s, double[] g, double[] acc) {
        form.accumulateGradient(samples.get(s), g, rank, acc);
    }
}
