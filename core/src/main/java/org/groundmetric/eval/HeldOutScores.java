package org.groundmetric.eval;

import org.groundmetric.predict.ClassificationScores;
import org.groundmetric.predict.RocAuc;
import org.groundmetric.predict.WeightedKnn;

/**
 * Scores of one round's pooled held-out samples from their kNN class probabilities: the confusion
 * matrix of the most probable class (accuracy, balanced accuracy, per-class recall) and the ROC
 * AUC of the probabilities ({@link RocAuc}), which judges the ranking whatever the vote's threshold.
 *
 * @param classification confusion of true (rows) against predicted class
 * @param auc            ROC AUC; NaN when the held-out samples do not cover two classes
 */
public record HeldOutScores(ClassificationScores classification, double auc) {

    /** @param probabilities one row per held-out sample, one probability per class */
    public static HeldOutScores of(int[] truth, double[][] probabilities, int numClasses) {
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = WeightedKnn.argmax(probabilities[i]);
        }
        return new HeldOutScores(ClassificationScores.of(truth, predicted, numClasses),
                RocAuc.of(truth, probabilities, numClasses));
    }

    public double accuracy() {
        return classification.accuracy();
    }

    public double balancedAccuracy() {
        return classification.balancedAccuracy();
    }

    /** Recall of class c; NaN when none of the held-out samples is of class c. */
    public double recall(int c) {
        return classification.recall(c);
    }
}
