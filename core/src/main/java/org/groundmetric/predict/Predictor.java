package org.groundmetric.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.Progress;
import org.groundmetric.data.ClassBalance;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.learn.ReferenceSample;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * Places new samples among reference samples under a learned metric: W_θ (exact OT, uniform cell
 * Places new samples among reference samples under a learned metric: W_θ (exact OT, uniform cell
 * weights or a summarised sample's centroid masses) from each new sample to each reference sample,
 * then scikit-learn's {@code KNeighborsClassifier(n_neighbors=k, weights="distance", metric="precomputed")}
 * vote, class-balanced ({@link Vote#BALANCED}) when the reference's classes are imbalanced or the vote
 * says so.
 *
 * <p>Both sides are compared in the metric's k-dimensional image: new samples are projected with W
 * (and rounded to float32, as the stored reference is), costs are Euclidean distances there, so a
 * reference kept in the model file and one projected from the training data give the same result.
 *
 * @param neighbours k of the kNN vote
 * @param nearest    how many nearest reference samples to report per new sample
 * @param threads    threads for the OT problems (results do not depend on it)
 * @param progress   advances once per solved pair
 * @param vote       the vote; null: {@link Vote#automatic} from the reference's class sizes
 */
public record Predictor(int neighbours, int nearest, int threads, Progress progress, Vote vote) {

    /** scikit-learn's default n_neighbors. */
    public static final int DEFAULT_NEIGHBOURS = 5;

    public Predictor {
        if (neighbours < 1) {
            throw new IllegalParameterException("Predictor.neighbours", "k = " + neighbours
                    + " neighbours in the vote; expected at least 1");
        }
        if (nearest < 0) {
            throw new IllegalParameterException("Predictor.nearest", nearest + " nearest reference samples to list;"
                    + " expected 0 or more");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
        }
        progress = progress == null ? Progress.NONE : progress;
    }

    /** The automatic vote ({@link Vote#automatic} from the reference's class sizes). */
    public Predictor(int neighbours, int nearest, int threads, Progress progress) {
        this(neighbours, nearest, threads, progress, null);
    }

    /** k = 5, the 5 nearest listed, one thread, no progress. */
    public static Predictor defaults() {
        return new Predictor(DEFAULT_NEIGHBOURS, DEFAULT_NEIGHBOURS, 1, Progress.NONE);
    }

    /** Predicts new samples (raw) from the reference kept in the model. */
    public SamplePredictions predict(TrainedMetric model, Cohort newSamples) {
        return predict(model, newSamples, null, w -> { });
    }

    /**
     * Predicts new samples (raw: the model's preprocessing is replayed on them, and its sample
     * summary when it was trained on summarised samples) against a reference: the training cohort
     * if given (raw, labelled; preprocessed, summarised and projected here), else the reference
     * kept in the model.
     */
    public SamplePredictions predict(TrainedMetric model, Cohort newSamples, Cohort referenceCohort,
                                     Consumer<String> warnings) {
        List<ReferenceSample> ref;
        if (referenceCohort != null) {
            ref = ReferenceSample.project(model.summarised(model.prepare(referenceCohort, warnings), threads),
                    model.metric());
        } else if (model.hasReference()) {
            ref = model.reference();
        } else {
            throw new IllegalArgumentException("this model keeps no reference samples: keep them when training"
                    + " (withReference), or give the training data as the reference cohort");
        }
        return predict(model, model.summarised(model.prepare(newSamples, warnings), threads), ref);
    }

    /**
     * @param model     the trained metric (W and class names)
     * @param prepared  new samples, already preprocessed (and summarised) as the model was
     *                  ({@link TrainedMetric#prepare}, {@link TrainedMetric#summarised})
     * @param reference labelled reference samples in the metric's image
     */
    public SamplePredictions predict(TrainedMetric model, Cohort prepared, List<ReferenceSample> reference) {
        model.requireFeatures(prepared);
        if (reference == null || reference.isEmpty()) {
            throw new IllegalArgumentException("prediction needs reference samples: keep them in the model when"
                    + " training, or give the training data as the reference cohort");
        }
        if (reference.size() < neighbours) {
            throw new IllegalParameterException("Predictor.neighbours", "k = " + neighbours + " neighbours asked"
                    + " but the reference has only " + reference.size() + " samples; lower k");
        }
        List<String> classes = model.classNames();
        int[] referenceClass = new int[reference.size()];
        List<Sample> referenceImages = new ArrayList<>(reference.size());
        for (int j = 0; j < reference.size(); j++) {
            ReferenceSample r = reference.get(j);
            if (r.rank() != model.rank()) {
                throw new IllegalArgumentException("reference sample '" + r.id() + "' has " + r.rank()
                        + " coordinates per cell but the model's rank is " + model.rank());
            }
            referenceClass[j] = classes.indexOf(r.classLabel());
            if (referenceClass[j] < 0) {
                throw new IllegalArgumentException("reference sample '" + r.id() + "' has class '" + r.classLabel()
                        + "', which the model does not know (classes: " + classes + "); is its label key the training one?");
            }
            referenceImages.add(r.asSample());
        }
        ProjectedMetric metric = model.metric();
        List<Sample> newImages = new ArrayList<>(prepared.size());
        for (Sample s : prepared.samples()) {
            newImages.add(ReferenceSample.rowsAsSample(s, metric));
        }
        WassersteinMatrix d = WassersteinMatrix.between(newImages, referenceImages, FixedGroundMetric.parse("euclidean"),
                Solver.AUTO, threads, progress);
        Vote used = vote != null ? vote : Vote.automatic(ClassBalance.sizes(referenceClass, classes.size()));
        WeightedKnn.Predictions votes = new WeightedKnn(neighbours, used)
                .predict(d.distances(), referenceClass, classes.size());
        List<SamplePredictions.Row> rows = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            Sample s = prepared.sample(i);
            rows.add(new SamplePredictions.Row(s.id(), s.classLabel(), classes.get(votes.labels()[i]),
                    votes.probabilities()[i], nearest(d.distances()[i], reference)));
        }
        return new SamplePredictions(classes, d, rows, scores(rows, classes), used);
    }

    /** The {@code nearest} smallest distances, nearest first, ties in reference order. */
    private List<SamplePredictions.Neighbour> nearest(double[] row, List<ReferenceSample> reference) {
        Integer[] order = new Integer[row.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(row[a], row[b])); // stable: ties keep reference order
        int n = Math.min(nearest, row.length);
        List<SamplePredictions.Neighbour> out = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            ReferenceSample r = reference.get(order[t]);
            out.add(new SamplePredictions.Neighbour(r.id(), r.classLabel(), row[order[t]]));
        }
        return out;
    }

    /** Scores over the labelled rows; labels the model never saw get their own (never predicted) class. */
    private static ClassificationScores scores(List<SamplePredictions.Row> rows, List<String> classes) {
        List<String> all = new ArrayList<>(classes);
        List<int[]> pairs = new ArrayList<>();
        for (SamplePredictions.Row r : rows) {
            if (r.trueClass() == null) {
                continue;
            }
            if (!all.contains(r.trueClass())) {
                all.add(r.trueClass());
            }
            pairs.add(new int[] {all.indexOf(r.trueClass()), all.indexOf(r.predictedClass())});
        }
        if (pairs.isEmpty()) {
            return null;
        }
        int[] truth = pairs.stream().mapToInt(p -> p[0]).toArray();
        int[] predicted = pairs.stream().mapToInt(p -> p[1]).toArray();
        return ClassificationScores.of(truth, predicted, all.size());
    }
}
