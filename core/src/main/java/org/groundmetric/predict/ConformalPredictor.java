package org.groundmetric.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Conformal prediction sets from distances to labelled reference samples: the set of classes that
 * cannot be excluded at a confidence level, instead of the kNN vote's probabilities, which are not
 * calibrated. The nonconformity of a sample with a candidate class y is a = d_y / (d_y + d_other),
 * d_y the mean distance to its k nearest reference samples of class y and d_other to its k nearest
 * of the other classes. Calibration is by leave-one-out on the reference: each reference sample's
 * score with its own label, computed without itself. A candidate's p-value is
 * p_y = (1 + #{calibration scores ≥ a_y}) / (n + 1), and the set at confidence 1 − ε holds every
 * class with p_y > ε, and never less than the class of the largest p-value (an empty set would
 * say nothing). For a new sample exchangeable with the reference samples, the set holds its
 * true class with probability about 1 − ε or more (leave-one-out calibration is the jackknife form
 * of conformal prediction: the guarantee is approximate, as each score is computed with n − 1 others).
 */
public final class ConformalPredictor {
    private final int[] referenceClass;
    private final int classes;
    private final int k;
    private final double[] calibration;

    /**
     * @param referenceDistances n×n distances among the reference samples
     * @param referenceClass     class index of every reference sample
     * @param classes            number of classes
     * @param k                  neighbours per class in the score
     */
    public ConformalPredictor(double[][] referenceDistances, int[] referenceClass, int classes, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("conformal scores need k ≥ 1 neighbours, got " + k);
        }
        int n = referenceClass.length;
        if (referenceDistances.length != n) {
            throw new IllegalArgumentException(n + " reference classes for " + referenceDistances.length + " rows");
        }
        this.referenceClass = referenceClass.clone();
        this.classes = classes;
        this.k = k;
        this.calibration = new double[n];
        for (int i = 0; i < n; i++) {
            calibration[i] = score(referenceDistances[i], referenceClass[i], i);
        }
    }

    /** The p-value of every class for a new sample, from its distances to the reference samples. */
    public double[] pValues(double[] toReference) {
        double[] p = new double[classes];
        for (int y = 0; y < classes; y++) {
            double a = score(toReference, y, -1);
            int atLeast = 0;
            for (double c : calibration) {
                atLeast += c >= a - 1e-12 ? 1 : 0;
            }
            p[y] = (1.0 + atLeast) / (calibration.length + 1.0);
        }
        return p;
    }

    /** The classes (indices, ascending) that cannot be excluded at {@code confidence} (e.g. 0.9). */
    public int[] set(double[] toReference, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence = " + confidence + "; expected a level in (0, 1), e.g. 0.9");
        }
        double[] p = pValues(toReference);
        List<Integer> out = new ArrayList<>();
        int best = 0;
        for (int y = 0; y < classes; y++) {
            if (p[y] > 1 - confidence + 1e-12) {
                out.add(y);
            }
            best = p[y] > p[best] ? y : best;
        }
        if (out.isEmpty()) {
            out.add(best); // never an empty set: the most conforming class stays (coverage can only rise)
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** a = d_y / (d_y + d_other), leaving out reference sample {@code self} (−1: none). */
    private double score(double[] row, int y, int self) {
        double same = meanNearest(row, y, true, self);
        double other = meanNearest(row, y, false, self);
        if (Double.isNaN(same)) {
            return 1;
        }
        if (Double.isNaN(other) || same + other == 0) {
            return 0;
        }
        return same / (same + other);
    }

    private double meanNearest(double[] row, int y, boolean inClass, int self) {
        double[] d = new double[row.length];
        int m = 0;
        for (int j = 0; j < row.length; j++) {
            if (j != self && (referenceClass[j] == y) == inClass) {
                d[m++] = row[j];
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        Arrays.sort(d, 0, m);
        int take = Math.min(k, m);
        double sum = 0;
        for (int t = 0; t < take; t++) {
            sum += d[t];
        }
        return sum / take;
    }
}
