package org.groundmetric.learn;

import java.util.List;
import org.groundmetric.LocalEngine;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;

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

    /**
     * The gradient with respect to the parameters from per-sample k×n coefficient matrices:
     * Σₐ (the gradient of sample {@code which[a]}'s cells from {@code coefficients[a]}), each
     * sample's part formed alone and the parts added in the order of {@code which} (null
     * coefficients: the sample adds nothing), so neither the threads nor the route changes a bit.
     * Dense cells under the low-rank form (summarised samples' centroids) go feature range by
     * feature range ({@link #gradientByFeatureRange}); anything else sample by sample.
     */
    double[] gradient(int[] which, double[][] coefficients, LocalEngine local) {
        boolean dense = form == MetricForm.LOW_RANK;
        for (int a = 0; a < which.length && dense; a++) {
            dense = coefficients[a] == null || samples.get(which[a]) instanceof DenseMatrix;
        }
        return dense ? gradientByFeatureRange(which, coefficients, local) : gradientBySample(which, coefficients, local);
    }

    /** Each sample's part in a gradient-sized array of its own (in parallel), then the parts added in order. */
    double[] gradientBySample(int[] which, double[][] coefficients, LocalEngine local) {
        int parameters = form.parameters(rank, features);
        double[][] partial = new double[which.length][];
        local.forEach(which.length, a -> {
            if (coefficients[a] != null) {
                double[] acc = new double[parameters];
                form.accumulateGradient(samples.get(which[a]), coefficients[a], rank, acc);
                partial[a] = acc;
            }
        });
        double[] grad = new double[parameters];
        for (double[] acc : partial) {
            if (acc != null) {
                for (int p = 0; p < grad.length; p++) {
                    grad[p] += acc[p];
                }
            }
        }
        return grad;
    }

    /**
     * The low-rank form over dense cells, split by features instead of samples: each of
     * {@code ranges} feature ranges forms every sample's part in a k×range array of its own and adds
     * it to the gradient before the next sample's, in the order of {@code which}: the same additions
     * in the same order as {@link #gradientBySample} whatever the ranges, without a k×D array per
     * sample and without summing them on one thread afterwards. Two ranges per thread balance the
     * threads; longer ranges stream each centroid's row faster than short ones (ranges of 512
     * features took 1.2× the time of whole rows).
     */
    double[] gradientByFeatureRange(int[] which, double[][] coefficients, LocalEngine local) {
        int ranges = Math.min(features, local.threads() == 1 ? 1 : 2 * local.threads());
        int size = (features + ranges - 1) / ranges;
        double[] grad = new double[rank * features];
        local.forEach(ranges, range -> {
            int from = Math.min(features, range * size);
            int to = Math.min(features, from + size);
            int len = to - from;
            double[] part = new double[rank * len];
            for (int a = 0; a < which.length; a++) {
                if (coefficients[a] == null) {
                    continue;
                }
                java.util.Arrays.fill(part, 0);
                ((DenseMatrix) samples.get(which[a])).accumulateLeftProduct(coefficients[a], rank, part, from, to);
                for (int r = 0; r < rank; r++) {
                    for (int j = 0; j < len; j++) {
                        grad[r * features + from + j] += part[r * len + j];
                    }
                }
            }
        });
        return grad;
    }
}
