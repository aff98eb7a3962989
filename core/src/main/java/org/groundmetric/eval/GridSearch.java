package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.Progress;
import org.groundmetric.data.ClassBalance;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SampleSummary;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.Solver;
import org.groundmetric.predict.Vote;
import org.groundmetric.predict.WeightedKnn;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * The paper's grid search over the margin α and the regularisation λ (section 4.4): for every
 * pair and every fit of a {@link CrossValidation} plan, fit on the fit's training samples that are
 * not held back, and classify the held-back validation samples by a kNN vote among them under W_θ.
 * A round's validation samples are pooled and scored together ({@link HeldOutScores}); a grid point
 * holds the mean and spread over rounds. The best pair has the highest mean balanced accuracy (the
 * first in α-then-λ order on ties): on imbalanced cohorts accuracy rewards predicting the majority.
 * Test samples are never looked at. {@link #withBatches} also scores, per grid point, how much the
 * fitted W_θ still tracks a batch: the {@link BatchSeparation} of each validation sample against
 * its fit's training samples, averaged over a round's validation samples, then over rounds.
 */
public final class GridSearch {

    /** Makes the learner for one (α, λ). */
    @FunctionalInterface
    public interface LearnerFactory {
        MetricLearner create(double alpha, double lambda);
    }

    /**
     * One grid point: means and standard deviations (ddof = 0) over rounds of the validation scores;
     * {@code batchSeparation} the mean over rounds of the validation samples' {@link BatchSeparation}
     * against their fit's training samples (NaN: no batches given, or undefined in every round).
     */
    public record Cell(double alpha, double lambda, double balancedAccuracy, double balancedAccuracyStd,
                       double accuracy, double accuracyStd, double auc, double aucStd, double batchSeparation) { }

    /** All grid points in α-then-λ order, and the best. */
    public record Grid(double[] alphas, double[] lambdas, List<Cell> cells, Cell best, Vote vote) {
        public Cell cell(int alphaIndex, int lambdaIndex) {
            return cells.get(alphaIndex * lambdas.length + lambdaIndex);
        }
    }

    private final int k;
    private final Solver solver;
    private final int threads;
    private final Vote vote;
    /** How the validation W_θ compares samples: summarised so, or cell by cell when null. */
    private final SampleSummary summary;
    /** Batch index of every sample of the cohort, to score the batch separation; null: not scored. */
    private final int[] batchOf;

    /** The automatic vote ({@link Vote#automatic} from the cohort's class sizes). */
    public GridSearch(int k, Solver solver, int threads) {
        this(k, solver, threads, null);
    }

    /** @param vote the kNN vote; null: automatic from the cohort's class sizes */
    public GridSearch(int k, Solver solver, int threads, Vote vote) {
        this(k, solver, threads, vote, null);
    }

    /**
     * @param solver  the exact solver of the validation distances ({@link Solver#AUTO}: the fastest for each pair)
     * @param vote    the kNN vote; null: automatic from the cohort's class sizes
     * @param summary compare summarised samples (as a GGML trained with it does); null: every cell
     */
    public GridSearch(int k, Solver solver, int threads, Vote vote, SampleSummary summary) {
        this(k, solver, threads, vote, summary, null);
    }

    private GridSearch(int k, Solver solver, int threads, Vote vote, SampleSummary summary, int[] batchOf) {
        if (k < 1) {
            throw new IllegalParameterException("GridSearch.k", "k = " + k + "; expected at least 1");
        }
        this.k = k;
        this.solver = solver;
        this.threads = threads;
        this.vote = vote;
        this.summary = summary;
        this.batchOf = batchOf == null ? null : batchOf.clone();
    }

    /**
     * The same search also scoring every grid point's {@link BatchSeparation} ({@code batchOf}: batch
     * index of every sample of the cohort the search runs on; null: not scored).
     */
    public GridSearch withBatches(int[] batchOf) {
        return new GridSearch(k, solver, threads, vote, summary, batchOf);
    }

    /** Each split its own round. */
    public Grid run(Cohort cohort, double[] alphas, double[] lambdas, List<GroupShuffleSplit.Split> splits,
                    LearnerFactory factory, Progress progress) {
        List<CrossValidation.Round> rounds = new ArrayList<>();
        for (GroupShuffleSplit.Split s : splits) {
            rounds.add(new CrossValidation.Round(s.index(), List.of(s)));
        }
        return run(cohort, alphas, lambdas, new CrossValidation.Plan(new CrossValidation.Scheme(CrossValidation.Kind.SPLIT, 0),
                rounds, List.of()), factory, progress);
    }

    /** Scores every grid point on the validation parts of the plan's fits; progress counts fits. */
    public Grid run(Cohort cohort, double[] alphas, double[] lambdas, CrossValidation.Plan plan,
                    LearnerFactory factory, Progress progress) {
        if (alphas.length == 0 || lambdas.length == 0) {
            throw new IllegalArgumentException("the grid needs at least one alpha and one lambda");
        }
        for (GroupShuffleSplit.Split s : plan.fits()) {
            if (s.validation().length == 0) {
                throw new IllegalArgumentException("fit " + (s.index() + 1) + " holds no validation samples;"
                        + " tuning needs a validation fraction above 0 (the paper uses 0.2)");
            }
            if (s.fit().length < k) {
                throw new IllegalParameterException("GridSearch.k", "k = " + k + " neighbours asked but fit "
                        + (s.index() + 1) + " trains on only " + s.fit().length + " samples; lower k");
            }
        }
        int[] classes = cohort.classIndices();
        if (batchOf != null && batchOf.length != classes.length) {
            throw new IllegalArgumentException("the grid search was given " + batchOf.length + " batches for "
                    + classes.length + " samples");
        }
        int numClasses = cohort.classNames().size();
        Vote used = vote != null ? vote : Vote.automatic(ClassBalance.sizes(classes, numClasses));
        Cohort compared = summary == null ? cohort : summary.apply(cohort, threads);
        List<Cell> cells = new ArrayList<>();
        Cell best = null;
        int fits = plan.fits().size();
        progress.start("grid", (long) alphas.length * lambdas.length * fits);
        for (double alpha : alphas) {
            for (double lambda : lambdas) {
                List<HeldOutScores> rounds = new ArrayList<>();
                double[] separation = new double[plan.rounds().size()];
                for (int r = 0; r < separation.length; r++) {
                    CrossValidation.Round round = plan.rounds().get(r);
                    List<Integer> truth = new ArrayList<>();
                    List<double[]> probabilities = new ArrayList<>();
                    List<Double> separations = new ArrayList<>();
                    for (GroupShuffleSplit.Split split : round.fits()) {
                        Validation v = validate(cohort, compared, classes, numClasses, used, factory.create(alpha, lambda),
                                split);
                        for (int i = 0; i < v.probabilities().length; i++) {
                            truth.add(classes[split.validation()[i]]);
                            probabilities.add(v.probabilities()[i]);
                            separations.add(v.separation()[i]);
                        }
                        progress.advance(1, String.format(java.util.Locale.ROOT, "alpha=%s lambda=%s fit %d/%d",
                                alpha, lambda, split.index() + 1, fits));
                    }
                    rounds.add(HeldOutScores.of(truth.stream().mapToInt(Integer::intValue).toArray(),
                            probabilities.toArray(new double[0][]), numClasses));
                    separation[r] = BatchSeparation.mean(separations.stream().mapToDouble(Double::doubleValue).toArray());
                }
                Cell c = cell(alpha, lambda, rounds, BatchSeparation.mean(separation));
                cells.add(c);
                if (best == null || c.balancedAccuracy() > best.balancedAccuracy()) {
                    best = c;
                }
            }
        }
        progress.finish();
        return new Grid(alphas.clone(), lambdas.clone(), List.copyOf(cells), best, used);
    }

    private static Cell cell(double alpha, double lambda, List<HeldOutScores> rounds, double batchSeparation) {
        double[] ba = rounds.stream().mapToDouble(HeldOutScores::balancedAccuracy).toArray();
        double[] acc = rounds.stream().mapToDouble(HeldOutScores::accuracy).toArray();
        double[] auc = rounds.stream().mapToDouble(HeldOutScores::auc).filter(v -> !Double.isNaN(v)).toArray();
        return new Cell(alpha, lambda, BenchmarkResult.mean(ba), BenchmarkResult.std(ba), BenchmarkResult.mean(acc),
                BenchmarkResult.std(acc), BenchmarkResult.mean(auc), BenchmarkResult.std(auc), batchSeparation);
    }

    /** One fit's validation samples: class probabilities and batch separation (NaN without batches), each in order. */
    private record Validation(double[][] probabilities, double[] separation) { }

    /**
     * Class probabilities of the fit's validation samples among its fitted samples, as W_θ compares
     * them ({@code compared}), and with batches each one's {@link BatchSeparation} against them.
     */
    private Validation validate(Cohort cohort, Cohort compared, int[] classes, int numClasses, Vote used,
                                MetricLearner learner, GroupShuffleSplit.Split split) {
        int[] fit = split.fit();
        GroundMetric metric = learner.fit(cohort.subset(fit));
        List<Sample> train = compared.subset(fit).samples();
        List<Sample> validation = compared.subset(split.validation()).samples();
        double[][] d = WassersteinMatrix.between(validation, train, metric, solver, threads, Progress.NONE).distances();
        int[] trainClass = Benchmark.pick(classes, fit);
        double[][] probabilities = new WeightedKnn(k, used).predict(d, trainClass, numClasses).probabilities();
        int[] held = split.validation();
        double[] separation = new double[held.length];
        java.util.Arrays.fill(separation, Double.NaN);
        if (batchOf != null) {
            separation = BatchSeparation.againstReference(d, Benchmark.pick(classes, held), Benchmark.pick(batchOf, held),
                    trainClass, Benchmark.pick(batchOf, fit));
        }
        return new Validation(probabilities, separation);
    }
}
