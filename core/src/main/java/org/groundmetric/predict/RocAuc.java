package org.groundmetric.predict;

import java.util.Arrays;

/**
 * Area under the ROC curve of predicted class probabilities, as scikit-learn's
 * {@code roc_auc_score}: for two classes the AUC of p(second class) (which equals that of
 * p(first class) for the first class); for more classes the one-vs-rest macro average
 * ({@code multi_class="ovr", average="macro"}) over the classes that have both positive and
 * negative samples in the truth. The AUC is the probability that a random positive scores above
 * a random negative, ties counting one half (the trapezoidal area scikit-learn computes).
 * It measures the ranking, whatever the threshold the vote applies.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /**
     * @param truth         class index of every sample (0..numClasses−1)
     * @param probabilities per sample, one probability per class
     * @return NaN when no class has both positives and negatives
     */
    public static double of(int[] truth, double[][] probabilities, int numClasses) {
        if (truth.length != probabilities.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + probabilities.length
                    + " rows of probabilities");
        }
        if (numClasses == 2) {
            return binary(truth, column(probabilities, 1), 1);
        }
        double sum = 0;
        int scored = 0;
        for (int c = 0; c < numClasses; c++) {
            double auc = binary(truth, column(probabilities, c), c);
            if (!Double.isNaN(auc)) {
                sum += auc;
                scored++;
            }
        }
        return scored == 0 ? Double.NaN : sum / scored;
    }

    /**
     * AUC of {@code score} for "truth == positive" against the rest (Mann–Whitney U over the
     * counts, ties one half); NaN without positives or without negatives.
     */
    public static double binary(int[] truth, double[] score, int positive) {
        int n = truth.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(score[i])) {
                throw new IllegalArgumentException("score of sample " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        long positives = 0;
        for (int c : truth) {
            positives += c == positive ? 1 : 0;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // sum of the (mid-)ranks of the positives, ranks 1..n, tied scores sharing their mean rank
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int q = i; q <= j; q++) {
                if (truth[order[q]] == positive) {
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        double u = rankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    private static double[] column(double[][] p, int c) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i][c];
        }
        return out;
    }
}
