package org.groundmetric.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.groundmetric.ComputeEngine;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.LocalEngine;
import org.groundmetric.Progress;
import org.groundmetric.baseline.Budget;
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
 * The paper's evaluation (Tables 1 and 2) of several metric learners on one cohort, under a
 * {@link CrossValidation} plan: for every fit and method, fit on the fit's training samples that
 * are not held back for validation, then score its held-out samples:
 * <ul>
 *   <li>patient level: exact Wasserstein distances W_θ from each held-out sample to each fitted
 *       sample, and a kNN vote ({@code knnK}; distance-weighted as scikit-learn's
 *       weights="distance", class-balanced by {@link Vote}) giving class probabilities;</li>
 *   <li>cell level: {@link CellKnn} with {@code cellK} neighbours;</li>
 *   <li>clustering: hierarchical clustering ({@code linkage}) of the held-out samples from their
 *       pairwise W_θ into as many clusters as classes; and of their cells under the ground metric
 *       ({@link CellClustering}); MI, ARI, VI against the classes.</li>
 * </ul>
 * The held-out samples of a round's fits are pooled and scored together ({@link BenchmarkResult});
 * a method's summary is the mean and spread over rounds.
 *
 * <p>With {@link #tuning tuning}, the tuned method (GGML) first runs the α × λ grid on each fit's
 * validation part ({@link GridSearch}) and is then fitted with the best pair; every method is
 * fitted on the same samples, the training part without the validation part.
 *
 * <p>Each fit runs on its own thread with the method's time budget: past it, or on the learner's own
 * {@link Budget.OutOfTimeException}, the method is OOT; on {@link Budget.OutOfMemoryBudgetException}
 * or an {@link OutOfMemoryError} it is OOM; any other exception makes it "failed: reason". A method
 * that does not finish a fit is not run on the remaining fits, and the run goes on with the next
 * method. (A learner that does not check its deadline itself, like GGML, keeps its thread until it
 * returns; the benchmark does not wait for it.)
 */
public final class Benchmark {

    /**
     * Evaluation settings (defaults: the paper's k = 5, 100 cell neighbours, average linkage).
     *
     * @param vote           the kNN vote; null: {@link Vote#automatic} from the cohort's class sizes
     * @param cellClustering the cell-level clustering; null: not computed
     */
    public record Settings(int knnK, int cellK, HierarchicalClustering.Method linkage, Duration budget, int threads,
                           Vote vote, CellClustering cellClustering) {
        public Settings {
            if (knnK < 1) {
                throw new IllegalParameterException("Benchmark.Settings.knnK", "k = " + knnK + "; expected at least 1");
            }
            if (cellK < 1) {
                throw new IllegalParameterException("Benchmark.Settings.cellK", "cell-level k = " + cellK
                        + "; expected at least 1");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /** The automatic vote, no cell-level clustering. */
        public Settings(int knnK, int cellK, HierarchicalClustering.Method linkage, Duration budget, int threads) {
            this(knnK, cellK, linkage, budget, threads, null, null);
        }

        public static Settings paper(Duration budget, int threads) {
            return new Settings(5, 100, HierarchicalClustering.Method.AVERAGE, budget, threads, null,
                    new CellClustering(CellClustering.DEFAULT_MAX_CELLS, HierarchicalClustering.Method.AVERAGE, 0));
        }
    }

    /**
     * Tune one method on each fit's validation part.
     *
     * @param method  the name of the method tuned (e.g. "GGML")
     * @param factory the method for one (α, λ)
     */
    public record Tuning(String method, double[] alphas, double[] lambdas, GridSearch.LearnerFactory factory) { }

    private final Settings settings;
    private final Solver solver;
    /** Where the Wasserstein matrices' pairs are solved; null: local threads ({@code settings.threads}). */
    private final ComputeEngine engine;
    private final Tuning tuning;
    /** How the patient-level W_θ compares samples: summarised so, or cell by cell when null. */
    private final SampleSummary summary;
    /** Batch index of every sample, to score how much each fit's held-out W_θ still tracks it; null: not scored. */
    private final int[] batchOf;

    /** @param solver the exact solver of the Wasserstein matrices ({@link Solver#AUTO}: the fastest for each pair) */
    public Benchmark(Settings settings, Solver solver) {
        this(settings, solver, null, null, null, null);
    }

    /** Solves the evaluation's transport problems on {@code engine} (e.g. Spark); the caller closes it. */
    public Benchmark(Settings settings, Solver solver, ComputeEngine engine) {
        this(settings, solver, engine, null, null, null);
    }

    private Benchmark(Settings settings, Solver solver, ComputeEngine engine, Tuning tuning, SampleSummary summary,
                      int[] batchOf) {
        this.settings = settings;
        this.batchOf = batchOf;
        this.solver = solver;
        this.engine = engine;
        this.tuning = tuning;
        this.summary = summary;
    }

    /**
     * The same benchmark computing every method's patient-level W_θ (kNN and clustering) between
     * summarised samples (each sample summarised once, as a GGML trained with this summary
     * compares them); the cell-level kNN and clustering still use every cell. Null: cell by cell.
     */
    public Benchmark withSummary(SampleSummary compared) {
        return new Benchmark(settings, solver, engine, tuning, compared, batchOf);
    }

    /** This benchmark tuning one method on each fit's validation part (the fits must have one). */
    public Benchmark tuning(Tuning newTuning) {
        return new Benchmark(settings, solver, engine, newTuning, summary, batchOf);
    }

    /**
     * The same benchmark also scoring, in every fit, the {@link BatchSeparation} of the held-out
     * samples' W_θ matrix ({@code batchOf}: batch index of every sample of the cohort; null: not scored).
     */
    public Benchmark withBatches(int[] batchOf) {
        return new Benchmark(settings, solver, engine, tuning, summary, batchOf);
    }

    /** Each split its own round (the paper's random splits). */
    public BenchmarkResult run(Cohort cohort, List<MetricLearner> methods, List<GroupShuffleSplit.Split> splits,
                               Progress progress) {
        List<CrossValidation.Round> rounds = new ArrayList<>();
        for (GroupShuffleSplit.Split s : splits) {
            rounds.add(new CrossValidation.Round(s.index(), List.of(s)));
        }
        return run(cohort, methods, new CrossValidation.Plan(new CrossValidation.Scheme(CrossValidation.Kind.SPLIT, 0),
                rounds, List.of()), progress);
    }

    /** Every method over every fit of the plan; progress counts fits. */
    public BenchmarkResult run(Cohort cohort, List<MetricLearner> methods, CrossValidation.Plan plan, Progress progress) {
        requireNeighbours(cohort, plan.fits());
        int[] classes = cohort.classIndices();
        int numClasses = cohort.classNames().size();
        Cohort compared = summary == null ? cohort : summary.apply(cohort, settings.threads());
        Vote vote = settings.vote() != null ? settings.vote() : Vote.automatic(ClassBalance.sizes(classes, numClasses));
        if (tuning != null) {
            for (GroupShuffleSplit.Split s : plan.fits()) {
                if (s.validation().length == 0) {
                    throw new IllegalArgumentException("tuning needs a validation part in every fit; fit "
                            + (s.index() + 1) + " has none (hold back a validation fraction above 0)");
                }
            }
        }
        int fitsPerMethod = plan.fits().size();
        List<BenchmarkResult.Fit> all = new ArrayList<>();
        List<BenchmarkResult.Method> summaries = new ArrayList<>();
        progress.start("benchmark", (long) methods.size() * fitsPerMethod);
        for (MetricLearner method : methods) {
            List<BenchmarkResult.Fit> mine = new ArrayList<>();
            List<BenchmarkResult.Round> rounds = new ArrayList<>();
            String status = "ok";
            int done = 0;
            rounds:
            for (CrossValidation.Round round : plan.rounds()) {
                List<BenchmarkResult.Fit> inRound = new ArrayList<>();
                for (GroupShuffleSplit.Split split : round.fits()) {
                    BenchmarkResult.Fit f = evaluate(cohort, compared, classes, numClasses, vote, method, round.index(), split, progress);
                    mine.add(f);
                    inRound.add(f);
                    done++;
                    progress.advance(1, method.name() + " fit " + done + "/" + fitsPerMethod + ": "
                            + (f.ok() ? String.format(Locale.ROOT, "held out %d, %.1f s", f.heldOut().length, f.fitSeconds())
                                    : f.status()));
                    if (!f.ok()) {
                        status = f.status();
                        break rounds;
                    }
                }
                rounds.add(BenchmarkResult.Round.pool(method.name(), round.index(), inRound, numClasses));
            }
            all.addAll(mine);
            double seconds = BenchmarkResult.mean(mine.stream().mapToDouble(BenchmarkResult.Fit::fitSeconds).toArray());
            summaries.add(new BenchmarkResult.Method(method.name(), status, "ok".equals(status) ? rounds : List.of(), seconds));
        }
        progress.finish();
        return new BenchmarkResult(plan.scheme(), vote, cohort.classNames(), summaries, all);
    }

    /** Every fit must train on at least k samples and cell k cells: a kNN never asks for more neighbours than exist. */
    private void requireNeighbours(Cohort cohort, List<GroupShuffleSplit.Split> splits) {
        for (GroupShuffleSplit.Split split : splits) {
            int[] fit = split.fit();
            if (fit.length < settings.knnK()) {
                throw new IllegalParameterException("Benchmark.Settings.knnK", "k = " + settings.knnK()
                        + " neighbours asked but fit " + (split.index() + 1) + " trains on only " + fit.length
                        + " samples; lower k");
            }
            long cells = 0;
            for (int i : fit) {
                cells += cohort.sample(i).cellCount();
            }
            if (cells < settings.cellK()) {
                throw new IllegalParameterException("Benchmark.Settings.cellK", "cell-level k = " + settings.cellK()
                        + " neighbours asked but fit " + (split.index() + 1) + " trains on only " + cells
                        + " cells; lower the cell-level k");
            }
        }
    }

    /**
     * Fits one method on one fit's training part and scores its held-out samples ({@code compared}:
     * the samples as W_θ compares them, the cohort itself or its summaries).
     */
    BenchmarkResult.Fit evaluate(Cohort cohort, Cohort compared, int[] classes, int numClasses, Vote vote,
                                 MetricLearner method, int round, GroupShuffleSplit.Split split, Progress progress) {
        int[] fitIdx = split.fit();
        Cohort training = cohort.subset(fitIdx);
        long start = System.nanoTime();
        GroundMetric metric;
        double[] chosen = {Double.NaN, Double.NaN};
        MetricLearner learner = tuning != null && tuning.method().equals(method.name())
                ? tuned(cohort, split, vote, chosen) : method;
        try {
            metric = fitWithinBudget(learner, training);
        } catch (Budget.OutOfTimeException e) {
            return BenchmarkResult.Fit.failed(method.name(), round, split.index(), "OOT", seconds(start));
        } catch (Budget.OutOfMemoryBudgetException | OutOfMemoryError e) {
            return BenchmarkResult.Fit.failed(method.name(), round, split.index(), "OOM", seconds(start));
        } catch (RuntimeException e) {
            return BenchmarkResult.Fit.failed(method.name(), round, split.index(), "failed: " + oneLine(e), seconds(start));
        }
        double fitSeconds = seconds(start);
        try {
            return score(cohort, compared, classes, numClasses, vote, method.name(), round, split, metric, fitSeconds,
                    chosen, progress);
        } catch (RuntimeException | OutOfMemoryError e) {
            return BenchmarkResult.Fit.failed(method.name(), round, split.index(), "failed: evaluation: " + oneLine(e),
                    fitSeconds);
        }
    }

    /** The tuned method for one fit: the grid on its validation part, then the best pair (recorded in chosen). */
    private MetricLearner tuned(Cohort cohort, GroupShuffleSplit.Split split, Vote vote, double[] chosen) {
        return new MetricLearner() {
            @Override public String name() {
                return tuning.method();
            }

            @Override public GroundMetric fit(Cohort training) {
                CrossValidation.Plan one = new CrossValidation.Plan(new CrossValidation.Scheme(CrossValidation.Kind.SPLIT, 0),
                        List.of(new CrossValidation.Round(0, List.of(split))), List.of());
                GridSearch.Grid grid = new GridSearch(settings.knnK(), solver, settings.threads(), vote, summary)
                        .run(cohort, tuning.alphas(), tuning.lambdas(), one, tuning.factory(), Progress.NONE);
                chosen[0] = grid.best().alpha();
                chosen[1] = grid.best().lambda();
                return tuning.factory().create(chosen[0], chosen[1]).fit(training);
            }
        };
    }

    private BenchmarkResult.Fit score(Cohort cohort, Cohort compared, int[] classes, int numClasses, Vote vote,
                                      String name, int round, GroupShuffleSplit.Split split, GroundMetric metric, double fitSeconds,
                                      double[] chosen, Progress progress) {
        int[] fitIdx = split.fit();
        List<Sample> train = samples(cohort, fitIdx);
        List<Sample> test = samples(cohort, split.test());
        List<Sample> trainCompared = samples(compared, fitIdx);
        List<Sample> testCompared = samples(compared, split.test());
        int[] trainClass = pick(classes, fitIdx);
        int[] testClass = pick(classes, split.test());
        WassersteinMatrix between = engine == null
                ? WassersteinMatrix.between(testCompared, trainCompared, metric, solver, settings.threads(), Progress.NONE)
                : WassersteinMatrix.between(testCompared, trainCompared, metric, solver, engine, Progress.NONE);
        double[][] probabilities = new WeightedKnn(settings.knnK(), vote).predict(between.distances(), trainClass, numClasses)
                .probabilities();
        boolean[] cellCorrect = CellKnn.correctCells(metric, train, trainClass, test, testClass, numClasses,
                settings.cellK());
        long cellsCorrect = 0;
        for (boolean c : cellCorrect) {
            cellsCorrect += c ? 1 : 0;
        }
        long cellsTested = cellCorrect.length;
        ClusterScores cells = settings.cellClustering() == null ? null
                : settings.cellClustering().score(test, testClass, metric, split.index(), progress);
        WassersteinMatrix within = testCompared.size() < 2 ? null : engine == null
                ? WassersteinMatrix.pairwise(testCompared, metric, solver, settings.threads(), Progress.NONE)
                : WassersteinMatrix.pairwise(testCompared, metric, solver, engine, Progress.NONE);
        double batchSeparation = within == null || batchOf == null ? Double.NaN
                : BatchSeparation.score(within.distances(), testClass, pick(batchOf, split.test()));
        return new BenchmarkResult.Fit(name, round, split.index(), "ok", fitSeconds, split.test(), testClass,
                probabilities, cellsCorrect, cellsTested, sampleClusters(within, numClasses, testClass),
                cells, chosen[0], chosen[1], batchSeparation, cellCorrect);
    }

    /** Clusters of the held-out samples by their W_θ matrix, as many as classes; null without one (fewer than two samples). */
    private ClusterScores sampleClusters(WassersteinMatrix within, int numClasses, int[] testClass) {
        if (within == null) {
            return null;
        }
        double[][] z = HierarchicalClustering.linkage(within.distances(), settings.linkage());
        int[] flat = HierarchicalClustering.fclusterMaxclust(z, numClasses);
        return ClusterScores.of(testClass, flat);
    }

    /** Runs the fit on a daemon thread and gives up after the budget (OOT). */
    private GroundMetric fitWithinBudget(MetricLearner method, Cohort training) {
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fit-" + method.name());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<GroundMetric> f = exec.submit(() -> method.fit(training));
            long nanos = settings.budget().toNanos();
            try {
                return f.get(nanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new Budget.OutOfTimeException("exceeded the time budget");
            }
        } catch (ExecutionException e) {
            throw LocalEngine.rethrow(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting " + method.name(), e);
        } finally {
            exec.shutdownNow();
        }
    }

    private static List<Sample> samples(Cohort cohort, int[] idx) {
        List<Sample> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(cohort.sample(i));
        }
        return out;
    }

    /** values[idx[0]], values[idx[1]], … */
    static int[] pick(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return m.replace('\n', ' ').replace(',', ';');
    }
}
