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
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code groundmetric distances}: the matrix of exact Wasserstein distances between all samples. */
@Command(name = "distances",
        header = "Exact Wasserstein distances between all samples of a file (fixed or learned metric).", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Computes the exact Wasserstein (optimal transport) distance between every pair of samples, each sample being the uniform distribution over its cells, with a fixed ground metric between cells (--metric) or the metric learned by GGML (--model; a model trained on summarised samples compares the samples' weighted centroids, summarised as in training, unless --full-samples). Prints 'samples=<n> cells=<n> genes=<n>' (what was kept after preprocessing), solves the pairs in parallel with a progress bar on stderr, and writes a TSV: a header row 'sample' plus the sample ids, then one row per sample starting with its id.%n%nExamples:%n  groundmetric distances --input kang.h5ad --sample-key sample_id --out D.tsv%n  groundmetric distances -i kidney.h5ad --sample-key donor_id --layer counts --normalize log1p \\%n      --gene-filter above-mean-variance --cells-per-sample 500 --metric euclidean --out D.tsv%n  groundmetric distances -i kang.h5ad --sample-key sample_id --label-key group_id --out D.tsv \\%n      --write-h5ad samples.h5ad --mds   (a samples-level AnnData: obs per sample, X = D, obsm X_mds)%n  groundmetric distances -i atlas.h5ad --sample-key donor_id --out D.tsv \\%n      --engine spark --spark-master spark://head:7077   (the pairs run as Spark tasks)")
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
            description = "Use the ground metric learned by 'groundmetric train' (W_θ between all samples)"
                    + " instead of --metric; the model's recorded preprocessing is replayed on the input (so"
                    + " --metric and the preprocessing options are refused with it) and its features must match the data's."
                    + " An AnnData .h5ad with uns[\"W_ggml\"] (ggml-ot's, or 'embed --write-h5ad') is a model too.")
    Path model;

    @Mixin
    FullSamplesOption fullSamples;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "D.tsv",
            description = "Where to write the samples × samples distance matrix (TSV; written to a temporary file, then renamed).")
    Path out;

    @Option(names = "--write-h5ad", paramLabel = "samples.h5ad",
            description = "Also write a samples-level AnnData: one obs row per sample with the obs columns that are"
                    + " constant within each sample (label, donor metadata) and n_cells_used; X = the distance matrix"
                    + " (var = the same samples). Open it with anndata.read_h5ad; a.to_df() is the matrix.")
    Path writeH5ad;

    @Option(names = "--plan-out", paramLabel = "DIR",
            description = "Also write the optimal plan of each --pairs pair of samples into DIR (created if needed)"
                    + " as A__B.tsv: sparse triplets i, j, mass, cell_a, cell_b (i, j count the samples' cells from 0"
                    + " in the order kept). The paper's Fig. 2d/e: the same pair under --model and under --metric.")
    Path planOut;

    @Option(names = "--pairs", paramLabel = "A:B", split = ",",
            description = "With --plan-out: the pairs of sample ids whose plans to write, e.g. --pairs s1:s7,s1:s12.")
    List<String> planPairs;

    @Option(names = "--mds",
            description = "With --write-h5ad: add the samples' 2-D classical MDS of the distances as obsm[\"X_mds\"].")
    boolean mds;


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
        OptionRules.refuseWith(spec, "--model", "the model's metric and recorded preprocessing are used",
                "--metric", "--min-cells", "--cells-per-sample", "--keep-small-samples", "--normalize",
                "--gene-filter", "--pca", "--seed");
        OptionRules.requires(spec, "--mds", writeH5ad != null, "--write-h5ad samples.h5ad");
        OptionRules.requires(spec, "--plan-out", planPairs != null, "--pairs A:B[,C:D…]");
        OptionRules.requires(spec, "--pairs", planOut != null, "--plan-out DIR");
        if (planOut != null) {
            org.groundmetric.data.io.OutputFiles.checkDirectory(planOut);
        }
        Outputs.check(Outputs.inputs(input.input(), model), Outputs.named("--out", out, "--write-h5ad", writeH5ad));
        if (model == null && fullSamples.fullSamples) {
            throw new IllegalArgumentException("--full-samples goes with --model (a model trained with --summarize);"
                    + " without --model every cell is compared anyway");
        }
        TrainedMetric learned = model == null ? null : fullSamples.apply(TrainedMetric.read(model));
        GroundMetric ground = learned == null ? new FixedGroundMetric(metric) : learned.metric();
        int workers = run.threads();
        Preprocessing request = learned == null ? preprocessing.request() : learned.preprocessing();
        AnnData data = input.read(w -> warn(err, w));
        Cohort raw = input.cohort(data, false, request, w -> warn(err, w));
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
        // W_θ compares the samples as the model does (summarised when it was trained on summaries)
        Cohort compared = learned == null ? cohort : learned.summarised(cohort, workers);
        stdout.flush();
        List<PlanOutput.SamplePair> plans = planOut == null ? List.of()
                : PlanOutput.resolve(planPairs, cohort.samples(), planOut);
        WassersteinMatrix d;
        try (ComputeEngine compute = engine.open(workers)) {
            d = WassersteinMatrix.pairwise(compared.samples(), ground, Solver.AUTO, compute,
                    ProgressBar.unlessQuiet(run.quiet, "pairs"));
        }
        // the table and the AnnData are renamed into place together: both or neither
        try (OutputFiles files = new OutputFiles()) {
            files.write(out, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                writeTsv(w, d);
                w.flush();
            });
            if (writeH5ad != null) {
                DataFrame samples = SamplesAnnData.metadata(data.obs(), input.sampleKey(), input.labelKey(), cohort);
                AnnData a = SamplesAnnData.of(d, samples, samples, model != null ? model.toString() : ground.name());
                SamplesAnnData.write(files, mds ? a.withObsm("X_mds", SamplesAnnData.mds(d)) : a, writeH5ad);
            }
            PlanOutput.writeSamplePlans(files, plans, cohort, ground, planOut);
            files.commit();
        }
        stdout.println("wrote " + out + (writeH5ad != null ? " and " + writeH5ad : "")
                + (plans.isEmpty() ? "" : " and " + plans.size() + " plans to " + planOut));
        stdout.flush();
        return 0;
    }

    /**
     * Header "sample" + ids; then each sample's id and its distances (shortest exact decimal form). An
     * id holding a tab, a quote or a line break is quoted, as pandas writes and reads it.
     */
    static void writeTsv(Writer w, WassersteinMatrix d) throws java.io.IOException {
        List<String> ids = d.columnIds();
        StringBuilder line = new StringBuilder("sample");
        for (String id : ids) {
            line.append('\t').append(DelimitedText.field(id, '\t'));
        }
        w.write(line.append('\n').toString());
        for (int i = 0; i < d.rowIds().size(); i++) {
            line.setLength(0);
            line.append(DelimitedText.field(d.rowIds().get(i), '\t'));
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
