package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.baseline.BaselineLearner;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.eval.Benchmark;
import org.groundmetric.eval.BenchmarkResult;
import org.groundmetric.eval.CellClustering;
import org.groundmetric.eval.CrossValidation;
import org.groundmetric.eval.HierarchicalClustering;
import org.groundmetric.learn.Ggml;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MetricLearner;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.PointMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric benchmark}: the paper's Tables 1 and 2 on your cohort. */
@Command(name = "benchmark",
        header = "Compares GGML with Euclidean, Manhattan, Cosine, LMNN, NCA, ITML, LFDA (paper Tables 1, 2).",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares GGML with fixed ground metrics and global metric learners, as the paper's",
            "Tables 1 and 2. Samples are held out by --cv (leave-one-out below "
                    + CrossValidation.LEAVE_ONE_OUT_BELOW + " samples, else --splits",
            "random class-stratified splits); every method is fitted on the other samples and scored on",
            "the held-out ones:",
            "  patient level  a --k-NN vote under exact Wasserstein distances W_θ gives each held-out",
            "                 sample class probabilities: balanced accuracy (mean recall over classes),",
            "                 ROC AUC of the probabilities (one-vs-rest macro for 3+ classes), recall",
            "                 per class, accuracy",
            "  cell level     --cell-k-NN of held-out cells among fitted cells under the ground metric",
            "  clustering     --linkage clustering of the held-out samples by W_θ into as many clusters",
            "                 as classes, and of up to --clustering-cells held-out cells under the ground",
            "                 metric, cut at the median pairwise distance (paper, appendix A.2; cells whose",
            "                 obs 'mode' starts with 'shared' are left out, as the paper does on its",
            "                 synthetic sets): mutual information (nats), adjusted Rand index, variation",
            "                 of information, against the classes",
            "The held-out samples of a round (one split, one repeat of k-fold, all of leave-one-out) are",
            "scored together; a ± is the spread (population std) over rounds.",
            "",
            "The vote is class-balanced (each neighbour also weighted by the inverse of its class's share",
            "of the fitted samples) when the largest class has at least twice the samples of the smallest,",
            "else distance-weighted; --vote chooses. Balanced accuracy leads the table: on a 16/4 cohort",
            "predicting the majority for everyone has accuracy 0.8 but balanced accuracy 0.5.",
            "",
            "--tune runs GGML's alpha x lambda grid (--alpha-grid, --lambda-grid) on a validation part of",
            "each fit (--validation-fraction of its training samples, per class) and fits GGML with the",
            "best pair on the rest (the paper's protocol); every method then fits on that rest. Without",
            "--tune nothing is held back: every training sample is fitted.",
            "",
            "LMNN, NCA, ITML and LFDA learn from cells labelled with their sample's class (at most",
            "--baseline-cells per sample) with metric-learn's defaults, and are reduced to rank --rank",
            "by pivoted Cholesky. A method that exceeds --budget-minutes is reported as OOT, one whose",
            "memory estimate exceeds the heap as OOM, an error as 'failed: reason'; the run goes on.",
            "With --summarize (GGML trains on summarised samples), every method's patient-level W_θ",
            "compares the samples' weighted centroids, summarised the same way (--full-samples: every",
            "cell); the cell-level kNN always uses every cell.",
            "",
            "Writes one row per method to --out (CSV: method, vote, rounds, then each score and its",
            "_std: balanced_accuracy, auc, recall_CLASS…, accuracy, cell_accuracy, mi, ari, vi, cell_mi,",
            "cell_ari, cell_vi; fit_seconds, status), one row per method and round to OUT.rounds.csv",
            "(with the confusion matrix), one row per method and held-out sample to",
            "OUT.predictions.csv (class probabilities; alpha and lambda chosen by --tune), and prints",
            "a Markdown table.",
            "",
            "Examples:",
            "  groundmetric benchmark --input synth2d_paper.h5ad --sample-key distribution \\",
            "      --label-key class --splits 5 --out results.csv",
            "  groundmetric benchmark --input cohort.h5ad --sample-key donor_id --label-key disease \\",
            "      --pca 50 --cv kfold:5 --repeats 3 --out results.csv",
            ""
        })
public final class BenchmarkCommand implements Callable<Integer> {

    static final String ALL_METHODS = "GGML,Euclidean,Manhattan,Cosine,LMNN,NCA,ITML,LFDA";

    /** The methods of the paper's Table 1, spelled as in its header. */
    enum Method implements Choices.Aliased {
        GGML("GGML"), EUCLIDEAN("Euclidean"), MANHATTAN("Manhattan", "cityblock"), COSINE("Cosine"),
        LMNN("LMNN"), NCA("NCA"), ITML("ITML"), LFDA("LFDA");

        private final String label;
        private final List<String> aliases;

        Method(String label, String... aliases) {
            this.label = label;
            this.aliases = List.of(aliases);
        }

        @Override
        public List<String> aliases() {
            return aliases;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    PreprocessingOptions preprocessing;

    @Option(names = "--methods", paramLabel = "LIST", defaultValue = ALL_METHODS, split = ",",
            description = "Methods to compare, comma separated, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<Method> methods;

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--splits", paramLabel = "N", defaultValue = "10",
            description = "With --cv split: random splits to average over (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "With --cv split: fraction of each class's samples used for training (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--tune",
            description = "Tune GGML's alpha and lambda on a validation part of each fit's training samples.")
    boolean tune;

    @Option(names = "--alpha-grid", paramLabel = "LIST", split = ",", defaultValue = "0.1,1,10,100",
            description = "With --tune: margins alpha to try (default: ${DEFAULT-VALUE}).")
    List<Double> alphaGrid;

    @Option(names = "--lambda-grid", paramLabel = "LIST", split = ",", defaultValue = "0.01,0.1,1,10",
            description = "With --tune: regularisation weights lambda to try (default: ${DEFAULT-VALUE}).")
    List<Double> lambdaGrid;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "With --tune: fraction of each fit's training samples (per class) held back to choose"
                    + " alpha and lambda, not fitted on (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5",
            description = "Neighbours of the patient-level kNN (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--cell-k", paramLabel = "K", defaultValue = "100",
            description = "Neighbours of the cell-level kNN (default: ${DEFAULT-VALUE}).")
    int cellK;

    @Option(names = "--linkage", paramLabel = "METHOD", defaultValue = "average",
            description = "Linkage of the sample clustering: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    HierarchicalClustering.Method linkage;

    @Option(names = "--clustering-cells", paramLabel = "N", defaultValue = "" + CellClustering.DEFAULT_MAX_CELLS,
            description = "Most held-out cells clustered per fit for the cell-level MI, ARI and VI: a seeded subsample"
                    + " (--seed; the same cells for every method). N^2 distances are kept: 2000 cells take 32 MB and"
                    + " about a second per fit and method. 0 turns the cell clustering off (default: ${DEFAULT-VALUE}).")
    int clusteringCells;

    @Mixin
    VoteOption voting;

    @Option(names = "--budget-minutes", paramLabel = "M", defaultValue = "30",
            description = "Time budget per method and split; beyond it the method is OOT (default: ${DEFAULT-VALUE}).")
    double budgetMinutes;

    @Option(names = "--baseline-cells", paramLabel = "N", defaultValue = "100",
            description = "Cells per sample the baselines train on, a seeded subsample; 0 = all (default: ${DEFAULT-VALUE}).")
    int baselineCells;

    @Mixin
    LearnerOptions ggml;

    @Mixin
    FullSamplesOption fullSamples;

    @Mixin
    BatchOptions batches;


    @Mixin
    EngineOptions engine;

    @Option(names = "--save-models", paramLabel = "DIR",
            description = "Also write every method's metric as a model file DIR/<method>.json (kind mahalanobis;"
                    + " Euclidean as W = I; Manhattan and Cosine left out), fitted once more on the training samples"
                    + " of the protocol's first fit: embed, report, distances, predict and genes take them as --model.")
    Path saveModels;

    @Option(names = "--cells-out", paramLabel = "cells.tsv",
            description = "Also write, for every cell of every sample held out in some fit, how often GGML's cell-level"
                    + " kNN (--cell-k) classified it as its sample's class: sample, cell, class, splits_evaluated,"
                    + " splits_correct, fraction_correct, then fraction_correct_METHOD for every other method."
                    + " 'embed/report --cell-filter cells.tsv:0.9' then keep the cells right in at least 90%% of the"
                    + " splits (the paper's Fig. 3). Needs GGML in --methods.")
    Path cellsOut;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Results CSV, one row per method; rounds and predictions go beside it (FILE.rounds.csv, FILE.predictions.csv).")
    Path out;



    @Override
    public Integer call() {
        if (!(budgetMinutes > 0)) {
            throw new IllegalArgumentException("--budget-minutes is " + budgetMinutes + "; expected a positive number");
        }
        if (clusteringCells < 0 || clusteringCells == 1) {
            throw new IllegalArgumentException("--clustering-cells is " + clusteringCells
                    + "; expected 0 (off) or at least 2");
        }
        if (tune && !methods.contains(Method.GGML)) {
            throw new IllegalArgumentException("--tune tunes GGML, which --methods leaves out; add GGML to --methods");
        }
        HierarchicalClustering.Method method = linkage;
        Duration budget = Duration.ofMillis((long) (budgetMinutes * 60_000));
        List<MetricLearner> learners = learners(methods, budget);
        engine.check();
        Path rounds = siblingPath(out, ".rounds.csv");
        Path predictions = siblingPath(out, ".predictions.csv");
        if (cellsOut != null && !methods.contains(Method.GGML)) {
            throw new IllegalArgumentException("--cells-out counts GGML's cell-level kNN, which --methods leaves out;"
                    + " add GGML to --methods");
        }
        Outputs.check(Outputs.inputs(input.input()), Outputs.named("--out", out, "--out's rounds", rounds,
                "--out's predictions", predictions, "--cells-out", cellsOut));
        PrintWriter warnings = spec.commandLine().getErr();
        if (saveModels != null) {
            OutputFiles.checkDirectory(saveModels);
        }
        Preprocessing request = preprocessing.request();
        Preprocessing.Result prepared = request.fit(input.cohort(true, request, w -> warnings.println("warning: " + w)),
                w -> warnings.println("warning: " + w));
        Cohort cohort = prepared.cohort();
        long seed = preprocessing.seed();
        CrossValidation.Plan plan = protocol.plan(cohort, splits, trainFraction, tune ? validationFraction : 0, seed);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = protocol.defaultNote(cohort, "method");
        if (chosen != null) {
            err.println(chosen);
        }
        for (String note : plan.notes()) {
            err.println("note: " + note);
        }
        err.flush();
        o.printf(Locale.ROOT, "samples=%d cells=%d features=%d classes=%d protocol=%s rounds=%d fits=%d methods=%d%s%n",
                cohort.size(), cohort.cellCount(), cohort.featureCount(), cohort.classNames().size(), plan.scheme(),
                plan.rounds().size(), plan.fits().size(), learners.size(), tune ? " tune=GGML" : "");
        o.println(BalanceNote.vote(voting.vote, cohort));
        if (learners.stream().anyMatch(l -> l instanceof Ggml)) {
            o.println(BalanceNote.classWeight(ggml.classWeight, batches.correction() != null));
        }
        o.flush();
        BenchmarkResult result;
        try (ComputeEngine compute = engine.open(run.threads())) {
            if (!"local".equals(compute.name())) {
                learners.replaceAll(l -> l instanceof Ggml g ? g.withEngine(compute) : l);
            }
            CellClustering clustering = clusteringCells == 0 ? null : new CellClustering(clusteringCells, method, seed);
            Benchmark bench = new Benchmark(new Benchmark.Settings(k, cellK, method, budget, run.threads(), voting.vote,
                    clustering), Solver.AUTO, compute)
                    .withSummary(fullSamples.fullSamples ? null : ggml.summary.summary(seed))
                    .withBatches(batches.batchOf(cohort));
            if (tune) {
                bench = bench.tuning(new Benchmark.Tuning("GGML", doubles(alphaGrid), doubles(lambdaGrid), (alpha, lambda) -> {
                    Ggml tuned = batches.apply(new Ggml(ggml.config(alpha, lambda, seed, run.threads())));
                    return "local".equals(compute.name()) ? tuned : tuned.withEngine(compute);
                }));
            }
            Progress progress = ProgressBar.unlessQuiet(run.quiet, "fits");
            result = bench.run(cohort, learners, plan, progress);
        }
        o.print(BenchmarkReport.markdown(result));
        batches.report(result, learners.stream().filter(l -> l instanceof Ggml).map(MetricLearner::name).toList(), o);
        if (result.methods().stream().noneMatch(m -> "ok".equals(m.status()))) {
            o.flush();
            throw new IllegalArgumentException("every method failed (" + String.join("; ", result.methods().stream()
                    .map(m -> m.name() + ": " + m.status()).toList()) + "), so there is no result to write; see the"
                    + " table above (more time: --budget-minutes; more memory: JAVA_OPTS=-Xmx…)");
        }
        CellsOutput cells = cellsOut == null ? null : CellsOutput.of(result, cohort);
        // the summary, its rounds and its predictions are renamed into place together: all or none
        try (OutputFiles files = new OutputFiles()) {
            if (cells != null) {
                cells.write(files, cellsOut);
            }
            files.write(out, s -> s.write(BenchmarkReport.summaryCsv(result).getBytes(StandardCharsets.UTF_8)));
            files.write(rounds, s -> s.write(BenchmarkReport.roundsCsv(result).getBytes(StandardCharsets.UTF_8)));
            files.write(predictions, s -> s.write(BenchmarkReport.predictionsCsv(result, cohort.sampleIds())
                    .getBytes(StandardCharsets.UTF_8)));
            files.commit();
        }
        o.println("wrote " + out + ", " + rounds + " and " + predictions);
        if (cells != null) {
            o.println(cells.summary(cellsOut));
        }
        if (saveModels != null) {
            // fresh learners: those of the run may be bound to an engine that is closed now
            SavedModels.write(saveModels, learners(methods, budget), cohort, plan.fits().get(0).fit(),
                    prepared.preprocessing(), err)
                    .forEach(o::println);
        }
        o.flush();
        return 0;
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** results.csv → results.SUFFIX beside it (e.g. results.rounds.csv). */
    static Path siblingPath(Path out, String suffix) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + suffix);
    }

    private List<MetricLearner> learners(List<Method> names, Duration budget) {
        BaselineLearner.Settings bs = new BaselineLearner.Settings(ggml.rank, baselineCells, budget, preprocessing.seed());
        List<MetricLearner> out = new ArrayList<>();
        for (Method method : names) {
            switch (method) {
                case GGML -> out.add(batches.apply(new Ggml(ggml.config(ggml.alpha, ggml.lambda, preprocessing.seed(), run.threads()))));
                case EUCLIDEAN -> out.add(fixed("Euclidean", PointMetric.EUCLIDEAN));
                case MANHATTAN -> out.add(fixed("Manhattan", PointMetric.CITYBLOCK));
                case COSINE -> out.add(fixed("Cosine", PointMetric.COSINE));
                case LMNN, NCA, ITML, LFDA -> out.add(BaselineLearner.named(method.toString(), bs));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--methods is empty; expected some of " + ALL_METHODS);
        }
        return out;
    }

    private static MetricLearner fixed(String name, PointMetric metric) {
        return new MetricLearner() {
            @Override public String name() { return name; }
            @Override public GroundMetric fit(Cohort cohort) { return new FixedGroundMetric(metric); }
        };
    }
}
