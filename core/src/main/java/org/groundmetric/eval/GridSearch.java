package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SampleSummary;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.Solver;
import org.groundmetric.predict.ClassificationScores;
import org.groundmetric.predict.WeightedKnn;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * The paper's grid search over the margin α and the regularisation λ (section 4.4): for every
 * pair and every split, fit on the split's training samples that are not held back, and score
 * distance-weighted kNN of the held-back validation samples against them under W_θ. The best pair
 * has the highest mean validation accuracy (the first in α-then-λ order on ties). Test samples are
 * never looked at.
 */
public final class GridSearch {

    /** Makes the learner for one (α, λ). */
    @FunctionalInterface
    public interface LearnerFactory {
        MetricLearner create(double alpha, double lambda);
    }

    /** One grid point: mean and standard deviation (ddof = 0) of the validation accuracy over splits. */
    public record Cell(double alpha, double lambda, double accuracy, double accuracyStd) { }

    /** All grid points in α-then-λ order, and the best. */
    public record Grid(double[] alphas, double[] lambdas, List<Cell> cells, Cell best) {
        public Cell cell(int alphaIndex, int lambdaIndex) {
            return cells.get(alphaIndex * lambdas.length + lambdaIndex);
        }
    }

    private final int k;
    private final Solver solver;
    private final int threads;
    /** How the validation W_θ compares samples: summarised so, or cell by cell when null. */
    private final SampleSummary summary;

    /** @param solver the exact solver of the validation distances ({@link Solver#AUTO}: the fastest for each pair) */
    public GridSearch(int k, Solver solver, int threads) {
        this(k, solver, threads, null);
    }

    /** As above, comparing summarised samples (as a GGML trained with {@code summary} does); null: every cell. */
    public GridSearch(int k, Solver solver, int threads, SampleSummary summary) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
        this.solver = solver;
        this.threads = threads;
        this.summary = summary;
    }

    public Grid run(Cohort cohort, double[] alphas, double[] lambdas, List<GroupShuffleSplit.Split> splits,
                    LearnerFactory factory, Progress progress) {
        if (alphas.length == 0 || lambdas.length == 0) {
            throw new IllegalArgumentException("the grid needs at least one alpha and one lambda");
        }
        for (GroupShuffleSplit.Split s : splits) {
            if (s.validation().length == 0) {
                throw new IllegalArgumentException("split " + (s.index() + 1) + " holds no validation samples;"
                        + " tuning needs a validation fraction above 0 (the paper uses 0.2)");
            }
        }
        int[] classes = cohort.classIndices();
        int numClasses = cohort.classNames().size();
        Cohort compared = summary == null ? cohort : summary.apply(cohort, threads);
        List<Cell> cells = new ArrayList<>();
        Cell best = null;
        progress.start("grid", (long) alphas.length * lambdas.length * splits.size());
        for (double alpha : alphas) {
            for (double lambda : lambdas) {
                double[] acc = new double[splits.size()];
                for (int s = 0; s < splits.size(); s++) {
                    acc[s] = validationAccuracy(cohort, compared, classes, numClasses, factory.create(alpha, lambda),
                            splits.get(s));
                    progress.advance(1, String.format(java.util.Locale.ROOT, "alpha=%s lambda=%s split %d: %.3f",
                            alpha, lambda, s + 1, acc[s]));
                }
                Cell c = new Cell(alpha, lambda, Benchmark.mean(acc), Benchmark.std(acc));
                cells.add(c);
                if (best == null || c.accuracy() > best.accuracy()) {
                    best = c;
                }
            }
        }
        progress.finish();
        return new Grid(alphas.clone(), lambdas.clone(), List.copyOf(cells), best);
    }

    private double validationAccuracy(Cohort cohort, Cohort compared, int[] classes, int numClasses,
                                      MetricLearner learner, GroupShuffleSplit.Split split) {
        int[] fit = split.fit();
        GroundMetric metric = learner.fit(cohort.subset(fit));
        List<Sample> train = compared.subset(fit).samples();
        List<Sample> validation = compared.subset(split.validation()).samples();
        double[][] d = WassersteinMatrix.between(validation, train, metric, solver, threads, Progress.NONE).distances();
        int[] trainClass = new int[fit.length];
        for (int i = 0; i < fit.length; i++) {
            trainClass[i] = classes[fit[i]];
        }
        int[] truth = new int[split.validation().length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = classes[split.validation()[i]];
        }
        int kk = Math.min(k, fit.length);
        int[] pred = new WeightedKnn(kk, WeightedKnn.Weights.DISTANCE).predict(d, trainClass, numClasses).labels();
        return ClassificationScores.of(truth, pred, numClasses).accuracy();
    }
}
