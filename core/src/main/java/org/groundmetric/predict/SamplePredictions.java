package org.groundmetric.predict;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * What {@link Predictor} says about new samples: per sample the predicted class, the
 * class probabilities of the distance-weighted kNN vote and the nearest reference samples; the
 * W_θ matrix new × reference behind them; and, for new samples with known labels, the scores.
 *
 * @param classNames the model's classes, in the order of every {@code probabilities} array
 * @param distances  W_θ from every new sample (rows) to every reference sample (columns)
 * @param rows       one per new sample, in the cohort's order
 * @param scores     confusion over the labelled new samples (classes: classNames, then any label the
 *                   model has never seen, which is always counted wrong); null when none is labelled
 * @param vote       the vote that gave the probabilities
 */
public record SamplePredictions(List<String> classNames, WassersteinMatrix distances, List<Row> rows,
                                ClassificationScores scores, Vote vote) {

    /** A reference sample near a new one. */
    public record Neighbour(String id, String classLabel, double distance) {
    }

    /**
     * @param sampleId       the new sample
     * @param trueClass      its label in the new data, or null
     * @param predictedClass the most probable class (the first in classNames on a tie)
     * @param probabilities  one per class of classNames
     * @param nearest        the nearest reference samples, nearest first (ties: reference order)
     */
    public record Row(String sampleId, String trueClass, String predictedClass, double[] probabilities,
                      List<Neighbour> nearest) {
    }

    public SamplePredictions {
        classNames = List.copyOf(classNames);
        rows = List.copyOf(rows);
    }

    /** Fraction of labelled new samples predicted right; NaN without labels. */
    public double accuracy() {
        return scores == null ? Double.NaN : scores.accuracy();
    }

    /** Mean recall over the true classes present; NaN without labels. */
    public double balancedAccuracy() {
        return scores == null ? Double.NaN : scores.balancedAccuracy();
    }

    /**
     * ROC AUC of the class probabilities over the labelled new samples whose label the model knows
     * ({@link RocAuc}); NaN when they do not cover two classes.
     */
    public double auc() {
        List<int[]> truth = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        for (Row r : rows) {
            int c = r.trueClass() == null ? -1 : classNames.indexOf(r.trueClass());
            if (c >= 0) {
                truth.add(new int[] {c});
                p.add(r.probabilities());
            }
        }
        return RocAuc.of(truth.stream().mapToInt(t -> t[0]).toArray(), p.toArray(new double[0][]), classNames.size());
    }

    /** Number of new samples with a known label. */
    public int labelled() {
        return scores == null ? 0 : (int) scores.total();
    }

    /** The predicted class of every new sample, in order. */
    public List<String> predictedClasses() {
        List<String> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.predictedClass());
        }
        return out;
    }
}
