package org.groundmetric.cli;

import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.embed.Umap;
import org.groundmetric.eval.GeneImportance;
import org.groundmetric.eval.HierarchicalClustering;
import org.groundmetric.explain.GeneSetEnrichment;
import org.groundmetric.learn.EpochRecord;
import org.groundmetric.learn.GeneLoadings;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.report.Csv;
import org.groundmetric.report.DistanceHeatmap;
import org.groundmetric.report.Embeddings;
import org.groundmetric.report.HtmlReport;
import org.groundmetric.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric report}: one HTML page with the pictures and tables of a trained model on a cohort. */
@Command(name = "report",
        header = "A self-contained HTML report: training curve, heatmap, embeddings, genes, benchmark.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Writes a self-contained report to DIR/index.html (figures inline, no network needed; each",
            "figure also as PNG and SVG beside it): the model's settings, the training loss per epoch,",
            "the benchmark table (--benchmark), the samples' W_θ heatmap ordered by hierarchical",
            "clustering with its dendrogram, the samples' MDS and UMAP coloured by class, the cells'",
            "UMAP coloured by class and by cell type (--cell-type-key), the top genes by importance",
            "(diag WᵀW) with each axis's gene programme, and for 2-feature data the learned unit ball",
            "beside the Euclidean circle (the paper's Fig. 2c), and with --gene-sets the top gene sets of",
            "a preranked enrichment (as 'genes --gene-sets'). DIR also gets genes.tsv, samples.tsv,",
            "cells.tsv, wasserstein.tsv (and enrichment.tsv). Colours are the colour-blind-safe Okabe–Ito palette.",
            "",
            "For the paper's Fig. 3: a model trained with --keep-reference knows its training samples; the",
            "sample MDS and UMAP ring them in black (legend 'ringed: used for training') and samples.tsv",
            "gets a column training (1/0). --metric euclidean draws everything under the Euclidean metric",
            "(W = I on the input's features) without a model file. --cell-filter cells.tsv:0.9 draws only the",
            "cells that 'benchmark --cells-out cells.tsv' found right in at least 90%% of the splits.",
            "For Fig. 2d/e, --plan-pair A:B draws the optimal plan between two samples, arcs by mass.",
            "",
            "Examples:",
            "  groundmetric report --model model.json --input kang.h5ad --sample-key sample_id \\",
            "      --label-key group_id --cell-type-key cluster_id --benchmark results.csv --out report/",
            "  groundmetric report --metric euclidean --input kang.h5ad --use-rep X_pca --sample-key sample_id \\",
            "      --label-key group_id --cell-type-key cluster_id --out report-euclidean/",
            ""
        })
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOrMetricOption model;

    @Mixin
    InputOptions input;

    @Mixin
    FullSamplesOption fullSamples;

    @Option(names = "--cell-type-key", paramLabel = "COLUMN",
            description = "Categorical obs column with each cell's type; adds a cell UMAP coloured by it.")
    String cellTypeKey;

    @Option(names = "--benchmark", paramLabel = "results.csv",
            description = "A benchmark results table (CSV, or TSV by extension) to show as is.")
    Path benchmark;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory (created if needed).")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Genes in the importance chart and table (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--importance", paramLabel = "KIND", defaultValue = "raw",
            description = "Gene importance, ${COMPLETION-CANDIDATES}: raw diag(WᵀW), or per-sd (each gene weighted by its standard deviation,"
                    + " needs a standardised model; see 'genes --help') (default: ${DEFAULT-VALUE}).")
    GenesCommand.Importance importanceKind;

    @Option(names = "--linkage", paramLabel = "METHOD", defaultValue = "average",
            description = "Hierarchical clustering of W_θ: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    HierarchicalClustering.Method linkage;

    @Option(names = "--mix", paramLabel = "s", defaultValue = "1",
            description = "Cell-level blend s·model + (1−s)·Euclidean, the Euclidean scaled to the model's median cell"
                    + " distance, for the cell UMAP and W_θ (Fig. 4), as in 'embed' (default: ${DEFAULT-VALUE}).")
    double mix;

    @Mixin
    CellFilterOption cellFilter;

    @Option(names = "--no-cell-umap", description = "Skip the cell UMAPs (exact neighbours cost O(cells²)).")
    boolean noCellUmap;

    @Option(names = "--plan-pair", paramLabel = "A:B", split = ",",
            description = "Also draw the optimal plan between samples A and B under the model's metric (the paper's"
                    + " Fig. 2d/e): cells as points, one arc per plan entry, width and opacity growing with its mass;"
                    + " at k = 2 in the images X·Wᵀ, else on their first two principal axes. Triplets go to"
                    + " DIR/plan-A__B.tsv. Several pairs: --plan-pair s1:s2,s1:s7. Run the report again with --metric"
                    + " euclidean for the same pair under the Euclidean metric.")
    List<String> planPairs;

    @Mixin
    GeneSetOptions geneSets;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the UMAP layouts and of --gene-sets' random sets (default: ${DEFAULT-VALUE}).")
    long seed;




    /** The legend entry of the ringed samples. */
    static final String TRAINED_ON = "ringed: used for training";

    @Override
    public Integer call() {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be ≥ 1, got " + top);
        }
        HierarchicalClustering.Method method = linkage;
        OptionRules.refuseWith(spec, "--no-cell-umap", "the cell-type key only colours the cell UMAP", "--cell-type-key");
        geneSets.check(spec);
        OutputFiles.checkDirectory(out);
        Csv bench = benchmark == null ? null : Csv.read(benchmark);
        PrintWriter stdout = spec.commandLine().getOut();
        ModelInput in = model.path() != null
                ? ModelInput.load(model.path(), input, true, fullSamples, run.threads(), spec.commandLine().getErr())
                : ModelInput.identity(input, true, ModelOrMetricOption.MAX_IDENTITY_FEATURES, spec.commandLine().getErr());
        TrainedMetric trained = in.model();
        ProjectedMetric learned = trained.metric();
        GroundMetric sampleMetric = EmbedCommand.sampleMetric(learned, trained, mix, null, in.cohort(), seed);
        long start = System.nanoTime();
        // the pairs are checked (and solved) before the long embeddings
        PlanFigures plans = PlanFigures.solve(planPairs, in.cohort(), learned, out);
        Embeddings e = Embeddings.compute(in.cohort(), cellFilter.apply(in.cohort()), in.compared(), learned, sampleMetric,
                Umap.Config.defaults(seed), !noCellUmap,
                run.threads(), ProgressBar.unlessQuiet(run.quiet, "pairs"),
                ProgressBar.unlessQuiet(run.quiet, "epochs"));
        if (cellTypeKey != null) {
            e.requireAnnotation(cellTypeKey, "--cell-type-key");
        }
        GeneLoadings inGenes = trained.geneLoadings();
        GeneImportance genes = GenesCommand.importance(trained, inGenes,
                inGenes != null ? inGenes.genes() : trained.featureNames(), importanceKind);
        GeneSetEnrichment enrichment = geneSets.given()
                ? geneSets.enrich(genes, seed, ProgressBar.unlessQuiet(run.quiet, "null distributions")) : null;

        HtmlReport page = new HtmlReport("groundmetric report: " + input.input().getFileName());
        page.paragraph("Global Ground Metric Learning (Kühn & Schaub, AISTATS 2025): a metric between cells"
                + " learned so that Wasserstein distances W_θ between samples separate their classes.");
        settings(page, trained, in, sampleMetric);
        training(page, trained.history());
        if (bench != null) {
            page.heading("Benchmark").table("Benchmark results from " + benchmark.getFileName(), bench.header(),
                    rounded(bench.rows()));
        }
        samples(page, e, method, training(e, EmbedCommand.trainingSamples(trained)));
        if (e.cells() != e.cohort()) {
            page.paragraph(String.format(Locale.ROOT, "The cell figures below show %d of the %d cells: those %s marks"
                    + " right in at least %s of the splits (--cell-filter); W_θ and the sample layouts use every cell.",
                    e.cells().cellCount(), e.cohort().cellCount(), cellFilter.selection().file().getFileName(),
                    cellFilter.selection().minFraction()));
        }
        cells(page, e);
        plans.add(page, learned.rank());
        genes(page, genes, trained);
        if (enrichment != null) {
            geneSets(page, enrichment, trained.featureNames().size());
        }
        // the page, its figures and tables are renamed into place together at the end: all or none
        try (OutputFiles files = new OutputFiles()) {
            page.write(files, out);
            genes.writeTsv(files, out.resolve("genes.tsv"), 0);
            if (enrichment != null) {
                enrichment.writeTsv(files, out.resolve("enrichment.tsv"));
            }
            e.writeSamples(files, out.resolve("samples.tsv"), EmbedCommand.trainingSamples(trained));
            e.writeCells(files, out.resolve("cells.tsv"));
            e.writeDistances(files, out.resolve("wasserstein.tsv"));
            plans.write(files);
            files.commit();
        }

        stdout.printf(Locale.ROOT, "samples=%d cells=%d%s k=%d seconds=%.1f%n", in.cohort().size(), in.cohort().cellCount(),
                e.cells() == e.cohort() ? "" : " cells_drawn=" + e.cells().cellCount(), learned.rank(),
                (System.nanoTime() - start) / 1e9);
        stdout.println("top genes: " + String.join(", ", genes.ranked().subList(0, Math.min(10,
                genes.features().size())).stream().map(GeneImportance.Ranked::name).toList()));
        stdout.println("wrote " + out.resolve("index.html"));
        stdout.flush();
        return 0;
    }

    private void settings(HtmlReport page, TrainedMetric m, ModelInput in, GroundMetric sampleMetric) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("model", model.describe());
        run.put("input", input.input().toString());
        run.put("sample key", input.sampleKey());
        run.put("label key", input.labelKey());
        run.put("samples", Integer.toString(in.cohort().size()));
        run.put("cells", Long.toString(in.cohort().cellCount()));
        run.put("features", Integer.toString(m.featureNames().size()));
        run.put("classes", String.join(", ", m.classNames()));
        run.put("ground metric for W_θ", sampleMetric.name());
        run.put("linkage", linkage.toString());
        run.put("gene importance", importanceKind.toString());
        run.put("UMAP seed", Long.toString(seed));
        run.put("preprocessing (replayed)", m.preprocessing().describe());
        page.heading("Settings").settings("This run", run);
        Map<String, String> hyper = new LinkedHashMap<>();
        if (m.config() != null) {
            for (RecordComponent c : m.config().getClass().getRecordComponents()) {
                try {
                    hyper.put(c.getName(), String.valueOf(c.getAccessor().invoke(m.config())));
                } catch (ReflectiveOperationException ex) {
                    hyper.put(c.getName(), "?");
                }
            }
        }
        if (m.batches() != null) {
            hyper.put("batch key (kept out of the metric)", m.batches().batchKey());
            hyper.put("batch penalty", m.batches().penalty() + " (" + m.batches().penaltyForm() + ")");
            hyper.put("batch separation on the training samples (0.5: ignores the batch)",
                    m.batches().separation() == null ? "not measured"
                            : String.format(Locale.ROOT, "%.3f", m.batches().separation()));
        }
        page.settings("Training hyper-parameters (from the model file)", hyper);
    }

    private static void training(HtmlReport page, List<EpochRecord> history) {
        page.heading("Training");
        if (history.isEmpty()) {
            page.paragraph("The model file has no training history.");
            return;
        }
        double[] loss = new double[history.size()];
        double seconds = 0;
        for (int i = 0; i < loss.length; i++) {
            loss[i] = history.get(i).loss();
            seconds += history.get(i).seconds();
        }
        Map<String, double[]> curves = Plots.curves();
        curves.put("triplet loss + λ·R(W)", loss);
        page.figure("training-loss", String.format(Locale.ROOT, "Training loss per epoch (%d epochs, %.1f s)",
                loss.length, seconds), Plots.trainingCurve("Training loss per epoch", curves));
    }

    /** Which samples (in cohort order) the model was trained on; null when it did not keep them. */
    static boolean[] training(Embeddings e, java.util.Set<String> trainedOn) {
        if (trainedOn == null) {
            return null;
        }
        boolean[] out = new boolean[e.cohort().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = trainedOn.contains(e.cohort().sample(i).id());
        }
        return out;
    }

    private static void samples(HtmlReport page, Embeddings e, HierarchicalClustering.Method method, boolean[] training) {
        page.heading("Samples");
        double[][] d = e.distances().distances();
        List<String> ids = e.cohort().sampleIds();
        List<String> classes = e.sampleClasses();
        // Sample names beside the points while they stay readable.
        List<String> labels = ids.size() <= 40 ? ids : null;
        if (ids.size() >= 2) {
            double[][] z = HierarchicalClustering.linkage(d, method);
            page.figure("wasserstein-heatmap", "W_θ between samples, ordered by " + method.name().toLowerCase(Locale.ROOT)
                    + "-linkage clustering", new DistanceHeatmap("Wasserstein distances W_θ between samples", d, ids,
                    classes, z));
        }
        page.figure("samples-mds", "Classical MDS of W_θ, one point per sample" + trustworthiness(e, e.mdsTrustworthiness())
                + ringNote(training),
                Plots.scatter("Samples: MDS of W_θ", "MDS 1", "MDS 2", column(e.sampleMds(), 0),
                        column(e.sampleMds(), 1), classes, "class", 14, labels, training, TRAINED_ON));
        if (e.sampleUmap() != null) {
            page.figure("samples-umap", "UMAP of W_θ, one point per sample" + trustworthiness(e, e.umapTrustworthiness())
                    + ringNote(training),
                    Plots.scatter("Samples: UMAP of W_θ", "UMAP 1", "UMAP 2", column(e.sampleUmap(), 0),
                            column(e.sampleUmap(), 1), classes, "class", 14, labels, training, TRAINED_ON));
        } else {
            page.paragraph("Too few samples for a UMAP of W_θ (needs " + Embeddings.MIN_SAMPLES_FOR_UMAP + ").");
        }
    }

    /** "; ringed: the 15 samples the model was trained on" (empty when the model did not keep them). */
    private static String ringNote(boolean[] training) {
        if (training == null) {
            return "";
        }
        int n = 0;
        for (boolean t : training) {
            n += t ? 1 : 0;
        }
        return "; ringed: the " + n + " samples the model was trained on, the others held out";
    }

    /** "; trustworthiness 0.95 (k = 5)": how well a layout keeps each sample's nearest samples under W_θ. */
    private static String trustworthiness(Embeddings e, double t) {
        return Double.isNaN(t) ? "" : String.format(Locale.ROOT, "; trustworthiness %.3f (k = %d)", t,
                e.trustworthinessNeighbours());
    }

    private void cells(HtmlReport page, Embeddings e) {
        CellProjectionFigures.add(page, e, cellTypeKey);
        if (e.cellUmap() == null) {
            return;
        }
        page.heading("Cells");
        double[] x = column(e.cellUmap(), 0);
        double[] y = column(e.cellUmap(), 1);
        int marker = e.cellUmap().length > 5000 ? 3 : 5;
        page.figure("cells-umap-class", "UMAP of the cells' images X·Wᵀ (k = " + e.rank() + ")",
                Plots.scatter("Cells: UMAP of X·Wᵀ", "UMAP 1", "UMAP 2", x, y, e.cellColumn("class"), "class", marker));
        if (cellTypeKey != null) {
            page.figure("cells-umap-celltype", "The same UMAP coloured by " + cellTypeKey,
                    Plots.scatter("Cells: UMAP of X·Wᵀ", "UMAP 1", "UMAP 2", x, y, e.cellColumn(cellTypeKey),
                            cellTypeKey, marker));
        }
    }

    private void genes(HtmlReport page, GeneImportance genes, TrainedMetric m) {
        page.heading("Genes");
        List<GeneImportance.Ranked> ranked = genes.ranked();
        int n = Math.min(top, ranked.size());
        List<String> names = new ArrayList<>();
        double[] values = new double[n];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GeneImportance.Ranked r = ranked.get(i);
            names.add(r.name());
            values[i] = r.importance();
            rows.add(List.of(Integer.toString(r.rank()), r.name(), String.format(Locale.ROOT, "%.4f", r.importance())));
        }
        String what = importanceKind == GenesCommand.Importance.PER_SD ? "diag((W·diag(sd))ᵀ(W·diag(sd)))" : "diag(WᵀW)";
        page.figure("gene-importance", "Top " + n + " features by importance, the share of " + what,
                Plots.importanceBars("Top " + n + " features by importance", names, values));
        page.table("Top features (all of them in genes.tsv)", List.of("rank", "feature", "importance"), rows);
        List<List<String>> axes = new ArrayList<>();
        for (int r = 0; r < genes.rank(); r++) {
            List<String> pos = new ArrayList<>();
            List<String> neg = new ArrayList<>();
            for (GeneImportance.AxisFeature f : genes.topOfAxis(r, 10)) {
                (f.weight() >= 0 ? pos : neg).add(f.name());
            }
            axes.add(List.of("axis " + (r + 1), String.join(" ", pos), String.join(" ", neg)));
        }
        if (!axes.isEmpty()) {
            page.table("Each axis (row of W) as a gene programme: its 10 largest |weights|, by sign",
                    List.of("axis", "positive weight", "negative weight"), axes);
        }
        if (m.featureNames().size() == 2) {
            page.figure("unit-balls", "The learned metric's unit ball {x : ‖Wx‖ = 1} beside the Euclidean unit circle",
                    Plots.unitBalls(rowMajor(m.linearMap()), m.rank(), m.featureNames()));
        }
    }

    /** The most significant gene sets over all rankings (the overall one and each axis). */
    private void geneSets(HtmlReport page, GeneSetEnrichment e, int features) {
        List<GeneSetEnrichment.Row> best = new ArrayList<>(e.rows());
        best.sort(java.util.Comparator.comparingDouble(GeneSetEnrichment.Row::fdr)
                .thenComparingDouble(GeneSetEnrichment.Row::pValue).thenComparingDouble(r -> -Math.abs(r.score())));
        List<List<String>> rows = new ArrayList<>();
        for (GeneSetEnrichment.Row r : best.subList(0, Math.min(top, best.size()))) {
            rows.add(List.of(r.set(), r.axis(), Integer.toString(r.overlap()) + "/" + r.size(),
                    String.format(Locale.ROOT, "%.3f", r.score()), String.format(Locale.ROOT, "%.3g", r.pValue()),
                    String.format(Locale.ROOT, "%.3g", r.fdr())));
        }
        page.paragraph(GeneSetOptions.summary(e, features) + ". Score: GSEA's enrichment score (positive: the set"
                + " gathers among the most important genes, or at an axis's positive end); FDR: Benjamini–Hochberg"
                + " over the sets of one ranking.");
        page.table("Top gene sets by FDR (all of them in enrichment.tsv)",
                List.of("set", "axis", "genes in model / in set", "score", "p-value", "FDR"), rows);
    }

    /** Numbers to 4 significant digits (a results CSV holds full doubles); text as it is. */
    static List<List<String>> rounded(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> r = new ArrayList<>();
            for (String cell : row) {
                String shown = cell;
                try {
                    double v = Double.parseDouble(cell.trim());
                    if (Double.isFinite(v) && !cell.trim().isEmpty()) {
                        shown = v == Math.rint(v) && Math.abs(v) < 1e15
                                ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
                    }
                } catch (NumberFormatException notANumber) {
                    // text such as a method name or a status
                }
                r.add(shown);
            }
            out.add(r);
        }
        return out;
    }

    private static double[] rowMajor(double[][] rows) {
        double[] out = new double[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * rows[0].length, rows[0].length);
        }
        return out;
    }

    private static double[] column(double[][] xy, int c) {
        double[] out = new double[xy.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = xy[i][c];
        }
        return out;
    }
}
