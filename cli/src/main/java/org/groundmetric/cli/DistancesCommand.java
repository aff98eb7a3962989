package org.groundmetric.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.groundmetric.ComputeEngine;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.AtomicOutput;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.wasserstein.WassersteinMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code groundmetric distances}: the matrix of exact Wasserstein distances between all samples. */
@Command(name = "distances",
        header = "Exact Wasserstein distances between all samples of a file (fixed or learned metric).", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Computes the exact Wasserstein (optimal transport) distance between every pair of samples, each sample being the uniform distribution over its cells, with a fixed ground metric between cells (--metric) or the metric learned by GGML (--model; a model trained on summarised samples compares the samples' weighted centroids, summarised as in training, unless --full-samples). Prints 'samples=<n> cells=<n> genes=<n>' (what was kept after preprocessing), solves the pairs in parallel with a progress bar on stderr, and writes a TSV: a header row 'sample' plus the sample ids, then one row per sample starting with its id.%n%nExamples:%n  groundmetric distances --input kang.h5ad --sample-key sample_id --out D.tsv%n  groundmetric distances -i kidney.h5ad --sample-key donor_id --layer counts --normalize log1p \\%n      --gene-filter above-mean-variance --cells-per-sample 500 --metric euclidean --out D.tsv%n  spark-submit --master spark://head:7077 groundmetric-spark-0.1.0-SNAPSHOT-all.jar distances \\%n      -i atlas.h5ad --sample-key donor_id --out D.tsv   (the pairs run as Spark tasks)")
public final class DistancesCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Mixin
    PreprocessingOptions preprocessing;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "euclidean",
            converter = PointMetricChoice.class, completionCandidates = PointMetricChoice.class,
            description = "Ground metric between cells: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PointMetric metric;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = {"Use the ground metric learned by 'groundmetric train' (W_θ between all samples)",
                "instead of --metric; the model's recorded preprocessing is replayed on the input (the",
                "preprocessing options are then ignored) and its features must match the data's."})
    Path model;

    @Mixin
    FullSamplesOption fullSamples;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "D.tsv",
            description = "Where to write the samples × samples distance matrix (TSV; written to a temporary file, then renamed).")
    Path out;


    @Mixin
    EngineOptions engine;



    @Mixin
    RunOptions run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        engine.check();
        if (model == null && fullSamples.fullSamples) {
            throw new IllegalArgumentException("--full-samples goes with --model (a model trained with --summarize);"
                    + " without --model every cell is compared anyway");
        }
        TrainedMetric learned = model == null ? null : fullSamples.apply(TrainedMetric.read(model));
        GroundMetric ground = learned == null ? new FixedGroundMetric(metric) : learned.metric();
        int workers = run.threads();
        Preprocessing request = learned == null ? preprocessing.request() : learned.preprocessing();
        Cohort raw = input.cohort(false, request, w -> warn(err, w));
        Cohort cohort;
        if (learned == null) {
            cohort = request.fit(raw, w -> warn(err, w)).cohort();
        } else {
            cohort = request.apply(raw, w -> warn(err, w));
            learned.requireFeatures(cohort);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("samples=%d cells=%d genes=%d%s%n", cohort.size(), cohort.cellCount(), cohort.featureCount(),
                learned == null || learned.summary() == null ? "" : " summary=" + learned.summary());
        if (learned != null) {
            cohort = learned.summarised(cohort, workers);
        }
        stdout.flush();
        WassersteinMatrix d;
        try (ComputeEngine compute = engine.open(workers)) {
            d = WassersteinMatrix.pairwise(cohort.samples(), ground, Solver.AUTO, compute,
                    ProgressBar.unlessQuiet(run.quiet, "pairs"));
        }
        AtomicOutput.write(out, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            writeTsv(w, d);
            w.flush();
        });
        return 0;
    }

    /** Header "sample" + ids; then each sample's id and its distances (shortest exact decimal form). */
    static void writeTsv(Writer w, WassersteinMatrix d) throws java.io.IOException {
        List<String> ids = d.columnIds();
        StringBuilder line = new StringBuilder("sample");
        for (String id : ids) {
            line.append('\t').append(id);
        }
        w.write(line.append('\n').toString());
        for (int i = 0; i < d.rowIds().size(); i++) {
            line.setLength(0);
            line.append(d.rowIds().get(i));
            for (int j = 0; j < ids.size(); j++) {
                line.append('\t').append(d.get(i, j));
            }
            w.write(line.append('\n').toString());
        }
    }

    private static void warn(PrintWriter err, String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
