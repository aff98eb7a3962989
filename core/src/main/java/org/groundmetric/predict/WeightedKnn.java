package org.groundmetric.predict;

import org.groundmetric.data.ClassBalance;

/**
 * k-nearest-neighbour classification on precomputed distances, as scikit-learn's
 * {@code KNeighborsClassifier(n_neighbors=k, weights=..., metric="precomputed")}:
 * <ul>
 *   <li>the k training points with the smallest distances vote; among equal distances the lower
 *       training index is nearer (scikit-learn's argpartition leaves this unspecified; a stable
 *       order makes our results reproducible);</li>
 *   <li>{@code UNIFORM}: each neighbour has weight 1; {@code DISTANCE}: weight 1/d, except that when
 *       any neighbour is at distance 0 the zero-distance neighbours get weight 1 and all others 0;</li>
 *   <li>class-balanced ({@link Vote#BALANCED}): each weight is also multiplied by n / n_c, the
 *       inverse of the neighbour's class share in the training points (for leave-one-out, in the
 *       points other than the query);</li>
 *   <li>class probabilities are the weights per class divided by their sum; the prediction is the
 *       most probable class, the lowest class index on a tie.</li>
 * </ul>
 */
public final class WeightedKnn {

    /** How neighbours' votes are weighted (scikit-learn's {@code weights} parameter). */
    public enum Weights { UNIFORM, DISTANCE }

    /** Predicted class per query and its class probabilities (queries × classes). */
    public record Predictions(int[] labels, double[][] probabilities) { }

    private final int k;
    private final Weights weights;
    private final boolean classBalanced;

    public WeightedKnn(int k, Weights weights) {
        this(k, weights, false);
    }

    /** Distance weights, class-balanced for {@link Vote#BALANCED}. */
    public WeightedKnn(int k, Vote vote) {
        this(k, Weights.DISTANCE, vote == Vote.BALANCED);
    }

    private WeightedKnn(int k, Weights weights, boolean classBalanced) {
        if (k < 1) {
            throw new IllegalArgumentException("k (neighbours) must be at least 1, got " + k);
        }
        this.k = k;
        this.weights = weights;
        this.classBalanced = classBalanced;
    }

    public int k() {
        return k;
    }

    /**
     * Classifies queries from their distances to the training points.
     *
     * @param distances   queries × training points
     * @param trainLabels class index (0..numClasses−1) of each training point
     */
    public Predictions predict(double[][] distances, int[] trainLabels, int numClasses) {
        return predict(distances, trainLabels, numClasses, false);
    }

    /**
     * Leave-one-out classification of every point of a square distance matrix: point i is
     * classified by its k nearest other points.
     */
    public Predictions predictLeaveOneOut(double[][] distances, int[] labels, int numClasses) {
        if (distances.length != labels.length) {
            throw new IllegalArgumentException("leave-one-out needs a square distance matrix of " + labels.length
                    + " points, got " + distances.length + " rows");
        }
        return predict(distances, labels, numClasses, true);
    }

    private Predictions predict(double[][] distances, int[] trainLabels, int numClasses, boolean leaveOneOut) {
        int available = trainLabels.length - (leaveOneOut ? 1 : 0);
        if (available < k) {
            throw new IllegalArgumentException("k = " + k + " neighbours asked but only " + available
                    + " training points; lower k");
        }
        int[] labels = new int[distances.length];
        double[][] proba = new double[distances.length][];
        long[] sizes = classBalanced ? ClassBalance.sizes(trainLabels, numClasses) : null;
        for (int q = 0; q < distances.length; q++) {
            double[] row = distances[q];
            if (row.length != trainLabels.length) {
                throw new IllegalArgumentException("distance row " + q + " has " + row.length + " entries, expected one per "
                        + trainLabels.length + " training points");
            }
            int[] nearest = nearest(row, leaveOneOut ? q : -1);
            double[] d = new double[k];
            int[] y = new int[k];
            for (int j = 0; j < k; j++) {
                d[j] = row[nearest[j]];
                y[j] = trainLabels[nearest[j]];
            }
            double[] classFactor = null;
            if (classBalanced) {
                long[] own = sizes.clone();
                if (leaveOneOut && trainLabels[q] >= 0 && trainLabels[q] < numClasses) {
                    own[trainLabels[q]]--;
                }
                classFactor = inverseShares(own);
            }
            proba[q] = vote(d, y, numClasses, weights, classFactor);
            labels[q] = argmax(proba[q]);
        }
        return new Predictions(labels, proba);
    }

    /**
     * Leave-one-out accuracy of a cohort's samples from their distance matrix: each sample is
     * classified by its k nearest others (the paper's evaluation of held-out samples).
     */
    public double leaveOneOutAccuracy(double[][] distances, int[] labels, int numClasses) {
        int[] predicted = predictLeaveOneOut(distances, labels, numClasses).labels();
        return ClassificationScores.of(labels, predicted, numClasses).accuracy();
    }

    /** Indices of the k smallest entries of row (skipping {@code exclude}), nearest first, ties by index. */
    int[] nearest(double[] row, int exclude) {
        int[] best = new int[k];
        double[] bestD = new double[k];
        int size = 0;
        for (int i = 0; i < row.length; i++) {
            if (i == exclude) {
                continue;
            }
            double v = row[i];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("distance to training point " + i + " is NaN");
            }
            if (size == k && !(v < bestD[k - 1])) {
                continue; // equal distance: the earlier index stays nearer
            }
            int pos = size == k ? k - 1 : size++;
            while (pos > 0 && bestD[pos - 1] > v) {
                bestD[pos] = bestD[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            bestD[pos] = v;
            best[pos] = i;
        }
        return best;
    }

    /** Class probabilities from the neighbours' distances and labels, with scikit-learn's weighting. */
    public static double[] vote(double[] neighbourDistances, int[] neighbourLabels, int numClasses, Weights weights) {
        return vote(neighbourDistances, neighbourLabels, numClasses, weights, null);
    }

    /** n / n_c per class (0 for a class without points). */
    static double[] inverseShares(long[] sizes) {
        long total = 0;
        for (long n : sizes) {
            total += n;
        }
        double[] f = new double[sizes.length];
        for (int c = 0; c < f.length; c++) {
            f[c] = sizes[c] > 0 ? (double) total / sizes[c] : 0;
        }
        return f;
    }

    /**
     * As {@link #vote(double[], int[], int, Weights)}, each neighbour's weight also multiplied by
     * {@code classFactor[its class]} (null: by 1).
     */
    public static double[] vote(double[] neighbourDistances, int[] neighbourLabels, int numClasses, Weights weights,
                                double[] classFactor) {
        double[] w = new double[neighbourDistances.length];
        boolean anyZero = false;
        for (double d : neighbourDistances) {
            anyZero |= d == 0.0;
        }
        for (int j = 0; j < w.length; j++) {
            if (weights == Weights.UNIFORM) {
                w[j] = 1.0;
            } else if (anyZero) {
                w[j] = neighbourDistances[j] == 0.0 ? 1.0 : 0.0;
            } else {
                w[j] = 1.0 / neighbourDistances[j];
            }
        }
        double[] p = new double[numClasses];
        double total = 0;
        for (int j = 0; j < w.length; j++) {
            int c = neighbourLabels[j];
            if (c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("class label " + c + " outside 0.." + (numClasses - 1));
            }
            double wj = classFactor == null ? w[j] : w[j] * classFactor[c];
            p[c] += wj;
            total += wj;
        }
        if (total == 0) {
            total = 1; // scikit-learn's normaliser guard
        }
        for (int c = 0; c < numClasses; c++) {
            p[c] /= total;
        }
        return p;
    }

    /** Index of the largest entry, the lowest index on ties (numpy's argmax). */
    public static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
