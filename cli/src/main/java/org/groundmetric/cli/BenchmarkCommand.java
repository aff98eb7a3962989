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
import org.groundmetric.data.io.AtomicOutput;
import org.groundmetric.eval.Benchmark;
import org.groundmetric.eval.GroupShuffleSplit;
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
        header = "Compares GGML with Euclidean, Manhattan, Cosine, LMNN, NCA, ITML, LFDA (paper Table 1).",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares GGML with fixed ground metrics and global metric learners, as the paper's",
            "Tables 1 and 2. For each of --splits random splits of the samples (stratified by class,",
            "--train-fraction for training, of which --validation-fraction is held back), every method",
            "is fitted on the training samples and scored on the test samples:",
            "  patient level  distance-weighted --k-NN under exact Wasserstein distances W_θ",
            "                 (accuracy, balanced accuracy, confusion matrix in the details file)",
            "  cell level     --cell-k-NN of test cells among training cells under the ground metric",
            "  clustering     --linkage clustering of the test samples from W_θ into as many clusters",
            "                 as classes: mutual information (nats), adjusted Rand index, variation of",
            "                 information",
            "LMNN, NCA, ITML and LFDA learn from cells labelled with their sample's class (at most",
            "--baseline-cells per sample) with metric-learn's defaults, and are reduced to rank --rank",
            "by pivoted Cholesky. A method that exceeds --budget-minutes is reported as OOT, one whose",
            "memory estimate exceeds the heap as OOM, an error as 'failed: reason'; the run goes on.",
            "With --summarize (GGML trains on summarised samples), every method's patient-level W_θ",
            "compares the samples' weighted centroids, summarised the same way (--full-samples: every",
            "cell); the cell-level kNN always uses every cell.",
            "",
            "Writes one row per method to --out (CSV: method, patient_accuracy, patient_accuracy_std,",
            "patient_balanced_accuracy, cell_accuracy, cell_accuracy_std, mi, ari, vi, fit_seconds,",
            "status), per-split rows to OUT-with-.splits.csv beside it, and prints a Markdown table.",
            "",
            "Example:",
            "  groundmetric benchmark --input synth2d_paper.h5ad --sample-key distribution \\",
            "      --label-key class --splits 5 --out results.csv",
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

    @Option(names = "--splits", paramLabel = "N", defaultValue = "10",
            description = "Random splits to average over (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "Fraction of each class's samples used for training (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Fraction of the training samples held back for tuning, not fitted on (default: ${DEFAULT-VALUE}).")
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
    EngineOptions engine;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Results CSV, one row per method; per-split details go to FILE with .splits.csv.")
    Path out;



    @Override
    public Integer call() {
        if (!(budgetMinutes > 0)) {
            throw new IllegalArgumentException("--budget-minutes is " + budgetMinutes + "; expected a positive number");
        }
        HierarchicalClustering.Method method = linkage;
        Duration budget = Duration.ofMillis((long) (budgetMinutes * 60_000));
        List<MetricLearner> learners = learners(methods, budget);
        engine.check();
        PrintWriter warnings = spec.commandLine().getErr();
        Preprocessing request = preprocessing.request();
        Cohort cohort = request.fit(input.cohort(true, request, w -> warnings.println("warning: " + w)),
                w -> warnings.println("warning: " + w)).cohort();
        long seed = preprocessing.seed();
        GroupShuffleSplit.Plan plan = new GroupShuffleSplit(splits, trainFraction, validationFraction, seed).split(cohort);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String note : plan.notes()) {
            err.println("note: " + note);
        }
        o.printf(Locale.ROOT, "samples=%d cells=%d features=%d classes=%d splits=%d methods=%d%n", cohort.size(),
                cohort.cellCount(), cohort.featureCount(), cohort.classNames().size(), splits, learners.size());
        o.flush();
        Benchmark.Result result;
        try (ComputeEngine compute = engine.open(run.threads())) {
            if (!"local".equals(compute.name())) {
                learners.replaceAll(l -> l instanceof Ggml g ? g.withEngine(compute) : l);
            }
            Benchmark bench = new Benchmark(new Benchmark.Settings(k, cellK, method, budget, run.threads()),
                    Solver.AUTO, compute)
                    .withSummary(fullSamples.fullSamples ? null : ggml.summary.summary(seed));
            Progress progress = ProgressBar.unlessQuiet(run.quiet, "fits");
            result = bench.run(cohort, learners, plan.splits(), progress);
        }
        AtomicOutput.write(out, s -> s.write(BenchmarkReport.summaryCsv(result).getBytes(StandardCharsets.UTF_8)));
        Path details = detailsPath(out);
        AtomicOutput.write(details, s -> s.write(BenchmarkReport.splitsCsv(result, cohort.classNames())
                .getBytes(StandardCharsets.UTF_8)));
        o.print(BenchmarkReport.markdown(result));
        o.println("wrote " + out + " and " + details);
        o.flush();
        return 0;
    }

    /** results.csv → results.splits.csv beside it. */
    static Path detailsPath(Path out) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + ".splits.csv");
    }

    private List<MetricLearner> learners(List<Method> names, Duration budget) {
        BaselineLearner.Settings bs = new BaselineLearner.Settings(ggml.rank, baselineCells, budget, preprocessing.seed());
        List<MetricLearner> out = new ArrayList<>();
        for (Method method : names) {
            switch (method) {
                case GGML -> out.add(new Ggml(ggml.config(ggml.alpha, ggml.lambda, preprocessing.seed(), run.threads())));
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
