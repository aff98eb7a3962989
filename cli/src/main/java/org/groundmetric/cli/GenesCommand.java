package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adInspector;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.eval.GeneImportance;
import org.groundmetric.explain.GeneSetEnrichment;
import org.groundmetric.learn.GeneLoadings;
import org.groundmetric.learn.TrainedMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric genes}: which features (genes) a learned metric relies on. */
@Command(name = "genes",
        header = "Ranks genes by their importance in the learned metric; per-axis gene lists.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Ranks the features (genes) of a trained model by how much the learned metric",
            "d(x, y) = ‖W(x − y)‖ relies on them: importance = diagonal of M = WᵀW, normalised to",
            "sum 1. Writes every feature, most important first, to --out as tab-separated",
            "'feature, importance, rank, axis1..axisK' (axisR = the feature's weight on row R of W),",
            "and prints the top --top features. A diagonal model (train --form diagonal,",
            "d(x, y) = ‖diag(w)(x − y)‖) ranks genes by w², normalised, and has no axes.",
            "",
            "A model trained on principal components (--pca N) or on an embedding (--use-rep KEY, whose",
            "file had gene loadings in varm, e.g. scanpy's PCs) is read in genes: W·L, its map",
            "back-projected through the principal axes or loadings L, so genes are ranked, not",
            "components (the varm[\"W_ggml\"] of ggml-ot). A model file or an AnnData carrying",
            "uns[\"W_ggml\"] (ggml-ot's, or 'embed --write-h5ad') can be given as --model.",
            "",
            "Each row (axis) of W is a signed gene programme. With --axis-lists DIR it writes, per",
            "axis R, axisR.txt (the top --top features by |weight|, one name per line, ready for",
            "g:Profiler or Enrichr) and axisR_positive.txt / axisR_negative.txt (the same split by sign).",
            "",
            "With --gene-sets FILE.gmt (MSigDB or Enrichr gene sets; nothing is downloaded) it also runs",
            "preranked enrichment (GSEA's weighted Kolmogorov-Smirnov score; p-values from --permutations",
            "random sets of the same size, seeded by --seed; Benjamini-Hochberg FDR per ranking) of the",
            "overall importance (axis 'all') and of each axis's loadings, writes every set to",
            "--enrichment-out and prints the top sets of the overall ranking. --importance per-sd usually",
            "ranks better for a model trained with --feature-scaling standardize.",
            "",
            "With --matrix-out FILE it also writes the whole M = WᵀW (gene × gene, tab-separated, a",
            "header row of gene names; D² numbers, so mind a 5000-gene model) and, to --pairs-out",
            "(default: FILE's name with .pairs.tsv for its extension), the --top-pairs off-diagonal",
            "entries of largest |M_ab| (rank, feature_a, feature_b, m_ab, cosine = M_ab/√(M_aa·M_bb)):",
            "the gene pairs the metric moves together or against each other (the paper's Fig. 3f).",
            "",
            "Examples:",
            "  groundmetric genes --model model.json --out genes.tsv --top 20 --axis-lists gene-lists/",
            "  groundmetric genes --model model.json --out genes.tsv --importance per-sd \\",
            "      --gene-sets h.all.v2024.1.Hs.symbols.gmt      (writes genes.enrichment.tsv)",
            "  groundmetric genes --model model.json --out genes.tsv --matrix-out M.tsv --top-pairs 50",
            "  groundmetric genes --model model.json --input kang.h5ad --gene-names-from feature_name \\",
            "      --out genes.tsv      (model trained on Ensembl ids, report symbols)",
            ""
        })
public final class GenesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--out", required = true, paramLabel = "genes.tsv",
            description = "Where to write the ranked table (tab-separated).")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Features to print and to list per axis (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--axis-lists", paramLabel = "DIR",
            description = "Also write one gene list per axis of W into DIR (created if needed).")
    Path axisLists;

    @Option(names = "--input", paramLabel = "FILE.h5ad",
            description = "An .h5ad file whose var table renames the model's features (with --gene-names-from).")
    Path input;

    @Option(names = "--gene-names-from", paramLabel = "COLUMN",
            description = "A var column of --input (e.g. feature_name) holding the names to report, matched"
                    + " to the model's features by the var index.")
    String geneNamesFrom;

    /** How a gene's importance is read off W. */
    enum Importance {
        /** diag(WᵀW). */
        RAW,
        /** diag((W·diag(sd))ᵀ(W·diag(sd))), sd the genes' standard deviations over the training cells. */
        PER_SD;

        @Override
        public String toString() {
            return this == RAW ? "raw" : "per-sd";
        }
    }

    @Option(names = "--importance", paramLabel = "KIND", defaultValue = "raw",
            description = "${COMPLETION-CANDIDATES}. raw: diag(WᵀW) (default: ${DEFAULT-VALUE}). per-sd: diag of"
                    + " (W·diag(sd))ᵀ(W·diag(sd)), each gene weighted by its standard deviation over the training"
                    + " cells as recorded in a model trained with --feature-scaling standardize: ranks genes by the"
                    + " effect of a typical change rather than favouring rarely varying genes with large weights.")
    Importance importanceKind;

    @Option(names = "--matrix-out", paramLabel = "M.tsv",
            description = "Also write M = WᵀW, gene × gene, as tab-separated text with a header row (and the top"
                    + " gene pairs, see --pairs-out).")
    Path matrixOut;

    @Option(names = "--pairs-out", paramLabel = "FILE",
            description = "Where to write the top off-diagonal gene pairs of M (default with --matrix-out M.tsv:"
                    + " M.pairs.tsv).")
    Path pairsOut;

    @Option(names = "--top-pairs", paramLabel = "N", defaultValue = "100",
            description = "Gene pairs to write, largest |M_ab| first (default: ${DEFAULT-VALUE}).")
    int topPairs;

    @Mixin
    GeneSetOptions geneSets;

    @Option(names = "--enrichment-out", paramLabel = "FILE.tsv",
            description = "With --gene-sets: where to write set, description, axis ('all' or the axis number), size,"
                    + " overlap, score (ES), p_value, fdr (default: the --out name with .enrichment.tsv).")
    Path enrichmentOut;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "With --gene-sets: seed of the random gene sets (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    /** --enrichment-out, or --out with its extension replaced by .enrichment.tsv. */
    private Path enrichmentTarget() {
        if (enrichmentOut != null) {
            return enrichmentOut;
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".enrichment.tsv");
    }

    @Override
    public Integer call() {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be ≥ 1, got " + top);
        }
        geneSets.check(spec);
        OptionRules.requires(spec, "--enrichment-out", geneSets.given(), "--gene-sets FILE.gmt");
        OptionRules.requires(spec, "--seed", geneSets.given(), "--gene-sets FILE.gmt");
        Path enrichmentOut = geneSets.given() ? enrichmentTarget() : null;
        Path pairs = GeneMatrixOutput.pairsFile(matrixOut, pairsOut, topPairs);
        Outputs.check(Outputs.inputs(model.path(), input, geneSets.geneSets),
                Outputs.named("--out", out, "--enrichment-out", enrichmentOut, "--matrix-out", matrixOut,
                        "--pairs-out", pairs));
        if (axisLists != null) {
            OutputFiles.checkDirectory(axisLists);
        }
        TrainedMetric trained = TrainedMetric.read(model.path());
        if (axisLists != null && trained.modelKind().axes(trained.rank()) == 0) {
            throw new IllegalArgumentException("--axis-lists needs a model with axes; this " + trained.kind()
                    + " model weights each gene on its own (its ranking is --out's importance column)");
        }
        GeneLoadings inGenes = trained.geneLoadings();
        List<String> names = displayNames(inGenes != null ? inGenes.genes() : trained.featureNames());
        GeneImportance importance = importance(trained, inGenes, names, importanceKind);
        GeneSetEnrichment enrichment = geneSets.given()
                ? geneSets.enrich(importance, seed, ProgressBar.unlessQuiet(quiet, "null distributions")) : null;
        List<Path> lists = List.of();
        // the table, the enrichment and the gene lists are renamed into place together: all of them or none
        try (OutputFiles files = new OutputFiles()) {
            importance.writeTsv(files, out, 0);
            if (enrichment != null) {
                enrichment.writeTsv(files, enrichmentOut);
            }
            if (axisLists != null) {
                lists = importance.writeAxisLists(files, axisLists, top);
            }
            GeneMatrixOutput.write(files, importance, matrixOut, pairs, topPairs);
            files.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "features=%d rank=%d%n", names.size(), trained.rank());
        String note = readInGenes(trained, inGenes);
        if (note != null) {
            w.println("note: " + note);
        }
        w.println("rank\tfeature\timportance");
        for (GeneImportance.Ranked r : importance.ranked().subList(0, Math.min(top, names.size()))) {
            w.printf(Locale.ROOT, "%d\t%s\t%.4f%n", r.rank(), r.name(), r.importance());
        }
        w.println("wrote " + out);
        if (enrichment != null) {
            w.println(GeneSetOptions.summary(enrichment, names.size()));
            w.println("set\taxis\toverlap\tscore\tp_value\tfdr");
            List<GeneSetEnrichment.Row> rows = enrichment.rows("all");
            for (GeneSetEnrichment.Row r : rows.subList(0, Math.min(top, rows.size()))) {
                w.printf(Locale.ROOT, "%s\t%s\t%d\t%.3f\t%.3g\t%.3g%n", r.set(), r.axis(), r.overlap(), r.score(),
                        r.pValue(), r.fdr());
            }
            w.println("wrote " + enrichmentOut + " (" + enrichment.rows().size() + " rows: every tested set against"
                    + " the overall ranking" + (importance.rank() > 0 ? " and each of the " + importance.rank() + " axes"
                    : "") + ")");
        }
        if (axisLists != null) {
            w.println("wrote " + lists.size() + " gene lists (" + trained.rank() + " axes) to " + axisLists);
        }
        GeneMatrixOutput.report(w, matrixOut, pairs, names.size());
        w.flush();
        return 0;
    }

    /** How the model's features became the genes ranked, or null when they are the genes. */
    static String readInGenes(TrainedMetric m, GeneLoadings inGenes) {
        if (inGenes == null) {
            return "the model's " + m.featureNames().size() + " features are the columns of obsm "
                    + m.representation().key() + ", whose training file had no gene loadings (varm): they are"
                    + " ranked as they are";
        }
        if (inGenes.direct()) {
            return null;
        }
        return "the model's " + m.featureNames().size() + " features (" + m.featureNames().get(0) + ", …) are read in "
                + inGenes.genes().size() + " genes through " + ("pca".equals(inGenes.through())
                ? "its principal axes" : "the embedding's loadings, " + inGenes.through()) + ": W·L ranks genes";
    }

    /**
     * Gene importance of the model as asked: raw diag(WᵀW) or per standard deviation (w² for a
     * diagonal model). With {@code inGenes} (the map read in genes) genes are ranked, else the
     * model's own features.
     */
    static GeneImportance importance(TrainedMetric m, GeneLoadings inGenes, List<String> names, Importance kind) {
        if (inGenes != null && !inGenes.direct()) {
            if (kind == Importance.PER_SD) {
                throw new IllegalArgumentException("--importance per-sd weighs the model's features by their standard"
                        + " deviations, recorded for its " + m.featureNames().size() + " features (" + m.featureNames()
                        .get(0) + ", …), not for the genes they are read in; use --importance raw");
            }
            GeneImportance genes = GeneImportance.of(inGenes.rowMajor(), inGenes.rank(), names);
            return m.modelKind().axes(m.rank()) > 0 ? genes : genes.withoutAxes();
        }
        if (kind == Importance.RAW) {
            return GeneImportance.of(m, names, null);
        }
        double[] scales = m.featureScales();
        // Without standardisation every scale is 1; a standardised model has (almost surely) others.
        boolean recorded = false;
        for (int f = 0; scales != null && scales.length == names.size() && f < scales.length; f++) {
            recorded |= scales[f] != 1;
        }
        if (!recorded) {
            throw new IllegalArgumentException("--importance per-sd needs the feature standard deviations"
                    + " a model records when trained with --feature-scaling standardize; this model has none"
                    + " (use --importance raw)");
        }
        double[] sd = new double[scales.length];
        for (int f = 0; f < sd.length; f++) {
            sd[f] = 1 / scales[f]; // the model stores 1/sd (W = V·diag(1/sd)); constant genes have scale 1
        }
        return GeneImportance.of(m, names, sd);
    }

    /** The model's feature names, or the values of a var column matched to them by the var index. */
    private List<String> displayNames(List<String> features) {
        if (geneNamesFrom == null) {
            if (input != null) {
                throw new IllegalArgumentException("--input is only used to rename features; add"
                        + " --gene-names-from COLUMN (a var column of " + input + ")");
            }
            return features;
        }
        if (input == null) {
            throw new IllegalArgumentException("--gene-names-from " + geneNamesFrom
                    + " needs --input FILE.h5ad, the file whose var table holds that column");
        }
        DataFrame var = H5adInspector.inspect(input).var();
        Column column = var.column(geneNamesFrom, "H5adReader.Options.geneNamesFrom", "gene-name column");
        java.util.Map<String, String> byIndex = new java.util.HashMap<>();
        for (int i = 0; i < var.rows(); i++) {
            byIndex.put(var.index().get(i), column.text(i));
        }
        List<String> out = new ArrayList<>(features.size());
        int unmatched = 0;
        for (String f : features) {
            String name = byIndex.get(f);
            if (name == null) {
                unmatched++;
                name = f;
            }
            out.add(name);
        }
        if (unmatched == features.size()) {
            throw new IllegalArgumentException("none of the model's " + features.size() + " features (e.g. '"
                    + features.get(0) + "') is in the var index of " + input + " (e.g. '"
                    + (var.rows() > 0 ? var.index().get(0) : "") + "'); was the model trained with these names already?");
        }
        return out;
    }
}
