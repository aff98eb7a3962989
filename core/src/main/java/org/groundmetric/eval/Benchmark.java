package org.groundmetric.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.groundmetric.ComputeEngine;
import org.groundmetric.LocalEngine;
import org.groundmetric.Progress;
import org.groundmetric.baseline.Budget;
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
 * The paper's evaluation (Tables 1 and 2) of several metric learners on one cohort: for every
 * split and method, fit on the split's training samples that are not held back for validation,
 * then
 * <ul>
 *   <li>patient level: exact Wasserstein distances W_θ from each test sample to each training
 *       sample, and distance-weighted kNN ({@code knnK}, scikit-learn's weights="distance"):
 *       accuracy, balanced accuracy, confusion matrix;</li>
 *   <li>cell level: {@link CellKnn} with {@code cellK} neighbours;</li>
 *   <li>clustering: hierarchical clustering ({@code linkage}) of the test samples from their
 *       pairwise W_θ into as many clusters as classes; MI, ARI, VI against the classes.</li>
 * </ul>
 * Each fit runs on its own thread with the method's time budget: past it, or on the learner's own
 * {@link Budget.OutOfTimeException}, the method is OOT; on {@link Budget.OutOfMemoryBudgetException}
 * or an {@link OutOfMemoryError} it is OOM; any other exception makes it "failed: reason". A method
 * that does not finish a split is not run on the remaining splits, and the run goes on with the
 * next method. (A learner that does not check its deadline itself, like GGML, keeps its thread
 * until it returns; the benchmark does not wait for it.)
 */
public final class Benchmark {

    /** Evaluation settings (defaults: the paper's k = 5, 100 cell neighbours, average linkage). */
    public record Settings(int knnK, int cellK, HierarchicalClustering.Method linkage, Duration budget, int threads) {
        public Settings {
            if (knnK < 1 || cellK < 1) {
                throw new IllegalArgumentException("k = " + knnK + " and cell k = " + cellK + " must be at least 1");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        public static Settings paper(Duration budget, int threads) {
            return new Settings(5, 100, HierarchicalClustering.Method.AVERAGE, budget, threads);
        }
    }

    /** One method on one split; scores are NaN unless status is "ok". */
    public record SplitResult(String method, int split, String status, double patientAccuracy,
                              double patientBalancedAccuracy, long[][] confusion, double cellAccuracy,
                              double mi, double ari, double vi, double fitSeconds) {
        public boolean ok() {
            return "ok".equals(status);
        }
    }

    /** One row of the results table: means (and standard deviations, ddof = 0) over the splits. */
    public record MethodSummary(String method, double patientAccuracy, double patientAccuracyStd,
                                double patientBalancedAccuracy, double cellAccuracy, double cellAccuracyStd,
                                double mi, double ari, double vi, double fitSeconds, String status) { }

    public record Result(List<MethodSummary> summaries, List<SplitResult> splits) { }

    private final Settings settings;
    private final Solver solver;
    /** Where the Wasserstein matrices' pairs are solved; null: local threads ({@code settings.threads}). */
    private final ComputeEngine engine;
    /** How the patient-level W_θ compares samples: summarised so, or cell by cell when null. */
    private final SampleSummary summary;

    /** @param solver the exact solver of the Wasserstein matrices ({@link Solver#AUTO}: the fastest for each pair) */
    public Benchmark(Settings settings, Solver solver) {
        this(settings, solver, null, null);
    }

    /** Solves the evaluation's transport problems on {@code engine} (e.g. Spark); the caller closes it. */
    public Benchmark(Settings settings, Solver solver, ComputeEngine engine) {
        this(settings, solver, engine, null);
    }

    private Benchmark(Settings settings, Solver solver, ComputeEngine engine, SampleSummary summary) {
        this.settings = settings;
        this.solver = solver;
        this.engine = engine;
        this.summary = summary;
    }

    /**
     * The same benchmark computing every method's patient-level W_θ (kNN and clustering) between
     * summarised samples (each sample summarised once, as a GGML trained with this summary
     * compares them); the cell-level kNN still uses every cell. Null: cell by cell.
     */
    public Benchmark withSummary(SampleSummary compared) {
        return new Benchmark(settings, solver, engine, compared);
    }

    public Result run(Cohort cohort, List<MetricLearner> methods, List<GroupShuffleSplit.Split> splits,
                      Progress progress) {
        int[] classes = cohort.classIndices();
        int numClasses = cohort.classNames().size();
        List<SplitResult> all = new ArrayList<>();
        List<MethodSummary> summaries = new ArrayList<>();
        Cohort compared = summary == null ? cohort : summary.apply(cohort, settings.threads());
        progress.start("benchmark", (long) methods.size() * splits.size());
        for (MetricLearner method : methods) {
            List<SplitResult> mine = new ArrayList<>();
            String status = "ok";
            for (GroupShuffleSplit.Split split : splits) {
                SplitResult r = evaluate(cohort, compared, classes, numClasses, method, split);
                mine.add(r);
                progress.advance(1, method.name() + " split " + (split.index() + 1) + "/" + splits.size() + ": "
                        + (r.ok() ? String.format(java.util.Locale.ROOT, "accuracy %.3f", r.patientAccuracy()) : r.status()));
                if (!r.ok()) {
                    status = r.status();
                    break;
                }
            }
            all.addAll(mine);
            summaries.add(summarise(method.name(), mine, status));
        }
        progress.finish();
        return new Result(List.copyOf(summaries), List.copyOf(all));
    }

    /** Fits one method on one split and scores it. */
    public SplitResult evaluate(Cohort cohort, int[] classes, int numClasses, MetricLearner method,
                                GroupShuffleSplit.Split split) {
        return evaluate(cohort, summary == null ? cohort : summary.apply(cohort, settings.threads()), classes,
                numClasses, method, split);
    }

    /** As above, with the samples as W_θ compares them ({@code compared}: the cohort or its summaries). */
    private SplitResult evaluate(Cohort cohort, Cohort compared, int[] classes, int numClasses, MetricLearner method,
                                 GroupShuffleSplit.Split split) {
        int[] fitIdx = split.fit();
        Cohort training = cohort.subset(fitIdx);
        long start = System.nanoTime();
        GroundMetric metric;
        try {
            metric = fitWithinBudget(method, training);
        } catch (Budget.OutOfTimeException e) {
            return failed(method, split, "OOT", seconds(start));
        } catch (Budget.OutOfMemoryBudgetException | OutOfMemoryError e) {
            return failed(method, split, "OOM", seconds(start));
        } catch (RuntimeException e) {
            return failed(method, split, "failed: " + oneLine(e), seconds(start));
        }
        double fitSeconds = seconds(start);
        try {
            return score(cohort, compared, classes, numClasses, method.name(), split, metric, fitIdx, fitSeconds);
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(method, split, "failed: evaluation: " + oneLine(e), fitSeconds);
        }
    }

    private SplitResult score(Cohort cohort, Cohort compared, int[] classes, int numClasses, String name,
                              GroupShuffleSplit.Split split, GroundMetric metric, int[] fitIdx, double fitSeconds) {
        List<Sample> train = samples(cohort, fitIdx);
        List<Sample> test = samples(cohort, split.test());
        List<Sample> trainCompared = samples(compared, fitIdx);
        List<Sample> testCompared = samples(compared, split.test());
        int[] trainClass = pick(classes, fitIdx);
        int[] testClass = pick(classes, split.test());
        WassersteinMatrix between = engine == null
                ? WassersteinMatrix.between(testCompared, trainCompared, metric, solver, settings.threads(), Progress.NONE)
                : WassersteinMatrix.between(testCompared, trainCompared, metric, solver, engine, Progress.NONE);
        int k = Math.min(settings.knnK(), train.size());
        int[] predicted = new WeightedKnn(k, WeightedKnn.Weights.DISTANCE).predict(between.distances(), trainClass, numClasses).labels();
        ClassificationScores patient = ClassificationScores.of(testClass, predicted, numClasses);
        double cell = CellKnn.accuracy(metric, train, trainClass, test, testClass, numClasses, settings.cellK());
        ClusterScores clusters = clusterScores(testCompared, testClass, numClasses, metric);
        return new SplitResult(name, split.index(), "ok", patient.accuracy(), patient.balancedAccuracy(),
                patient.confusion(), cell, clusters.mutualInformation(), clusters.adjustedRandIndex(),
                clusters.variationOfInformation(), fitSeconds);
    }

    private ClusterScores clusterScores(List<Sample> test, int[] testClass, int numClasses, GroundMetric metric) {
        if (test.size() < 2) {
            return new ClusterScores(Double.NaN, Double.NaN, Double.NaN);
        }
        WassersteinMatrix within = engine == null
                ? WassersteinMatrix.pairwise(test, metric, solver, settings.threads(), Progress.NONE)
                : WassersteinMatrix.pairwise(test, metric, solver, engine, Progress.NONE);
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

    private static SplitResult failed(MetricLearner method, GroupShuffleSplit.Split split, String status, double secs) {
        return new SplitResult(method.name(), split.index(), status, Double.NaN, Double.NaN, null, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, secs);
    }

    static MethodSummary summarise(String method, List<SplitResult> results, String status) {
        if (!"ok".equals(status)) {
            double secs = results.stream().mapToDouble(SplitResult::fitSeconds).average().orElse(Double.NaN);
            return new MethodSummary(method, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, secs, status);
        }
        double[] acc = results.stream().mapToDouble(SplitResult::patientAccuracy).toArray();
        double[] cell = results.stream().mapToDouble(SplitResult::cellAccuracy).toArray();
        return new MethodSummary(method, mean(acc), std(acc),
                mean(results.stream().mapToDouble(SplitResult::patientBalancedAccuracy).toArray()),
                mean(cell), std(cell),
                mean(results.stream().mapToDouble(SplitResult::mi).toArray()),
                mean(results.stream().mapToDouble(SplitResult::ari).toArray()),
                mean(results.stream().mapToDouble(SplitResult::vi).toArray()),
                mean(results.stream().mapToDouble(SplitResult::fitSeconds).toArray()), "ok");
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Population standard deviation (numpy's default ddof = 0). */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    private static List<Sample> samples(Cohort cohort, int[] idx) {
        List<Sample> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(cohort.sample(i));
        }
        return out;
    }

    private static int[] pick(int[] values, int[] idx) {
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
