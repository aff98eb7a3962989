package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.embed.Umap;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MedianMatchedBlend;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.report.Embeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric embed}: cells and samples in the learned metric's picture. */
@Command(name = "embed",
        header = "Cells (projection, UMAP) and samples (MDS, UMAP) under a trained metric; --write-h5ad.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Embeds cells and samples with a trained model. Cells: the k-dimensional image X·Wᵀ",
            "(proj1..projK; Euclidean distances there are the learned metric) and a seeded 2-D UMAP",
            "of it, written to --out with the cell id, sample, class and every categorical obs column.",
            "Samples: the Wasserstein distances W_θ between them, their 2-D classical MDS and (from 4",
            "samples) a 2-D UMAP of W_θ, written to --samples-out; --distances-out keeps W_θ itself.",
            "It prints how trustworthy the sample layouts are: scikit-learn's trustworthiness of each",
            "layout against W_θ (1 = every sample's k nearest samples in the picture are among its k",
            "nearest under W_θ; k = 5, fewer below 11 samples).",
            "",
            "--mix s blends the model with another metric at the level of cells, as the paper's Fig. 4",
            "interpolates between GGML and Euclidean: d = s·d_W + (1−s)·f·d_other, other = the",
            "Euclidean metric on the features or, with --mix-with, a second model, and f = the ratio of",
            "their median cell distances (over 2000 seeded cell pairs), so both count at the same scale.",
            "The cell UMAP (coloured by class and by any obs column, e.g. cell type) and W_θ between",
            "samples are both computed under the blend; proj1..projK stay the model's image. s = 1 is",
            "the model alone, s = 0 the other metric alone (in the model's units).",
            "The model's preprocessing (gene selection, normalisation, PCA) is replayed on the input.",
            "",
            "--cell-filter cells.tsv:0.9 keeps in the cell table and UMAP only the cells that benchmark",
            "--cells-out found right in at least 90%% of the splits (the paper's Fig. 3).",
            "",
            "Examples:",
            "  groundmetric embed --metric euclidean --input kang.h5ad --use-rep X_pca --sample-key sample_id \\",
            "      --label-key group_id --out cells-euclidean.tsv      (no model: W = I, the Euclidean picture)",
            "  groundmetric embed --model model.json --input kang.h5ad --sample-key sample_id \\",
            "      --label-key group_id --out cells.tsv --samples-out samples.tsv --mix 0.5",
            "  groundmetric embed --model model.json --input kang.h5ad --sample-key sample_id \\",
            "      --label-key group_id --out cells.tsv --cell-filter bench-cells.tsv:0.9",
            ""
        })
public final class EmbedCommand implements Callable<Integer> {

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

    @Option(names = "--out", paramLabel = "cells.tsv",
            description = "Per-cell table: cell, sample, class, proj1..projK, umap1, umap2, obs columns.")
    Path cellsOut;

    @Option(names = "--samples-out", paramLabel = "samples.tsv",
            description = "Per-sample table: sample, class, cells, mds1, mds2[, umap1, umap2][, training: 1 for the"
                    + " samples the model was trained on, when it kept them (train --keep-reference)].")
    Path samplesOut;

    @Option(names = "--distances-out", paramLabel = "W.tsv",
            description = "Also write the W_θ matrix (header of sample ids, one row per sample).")
    Path distancesOut;

    @Option(names = "--write-h5ad", paramLabel = "out.h5ad",
            description = "Also write a copy of the input .h5ad with ggml-ot's keys: obsm[\"X_ggml\"] (every cell's"
                    + " k-dim image), varm[\"W_ggml\"] (the map in genes, genes × k, a diagonal model's w as genes × 1;"
                    + " back-projected after --pca or through an embedding's loadings; zeros for genes the model does"
                    + " not read), uns[\"W_ggml\"] (W, k × D; a diagonal model's diag(w)) and uns[\"ggml_params\"],"
                    + " plus ours in uns[\"groundmetric\"] (hyper-parameters, gene importance, the model file):"
                    + " sc.pl.embedding(adata, \"X_ggml\") in scanpy; the file is also a --model for every command.")
    Path writeH5ad;

    @Option(names = "--samples-h5ad", paramLabel = "samples.h5ad",
            description = "Also write a samples-level AnnData: one obs row per sample with its constant obs columns"
                    + " (label, donor metadata), X = W_θ (var = the same samples), obsm[\"X_mds\"] and, from 4"
                    + " samples, obsm[\"X_umap\"]: sc.pl.embedding(samples, \"X_mds\", color=LABEL).")
    Path samplesH5ad;

    @Option(names = "--mix", paramLabel = "s", defaultValue = "1",
            description = "Weight s of the model in the cell-level blend s·model + (1−s)·other, the other scaled to the"
                    + " model's median cell distance; in [0, 1] (default: ${DEFAULT-VALUE} = the model alone).")
    double mix;

    @Option(names = "--mix-with", paramLabel = "model2.json",
            description = "Blend with this second model instead of the Euclidean metric (same features).")
    Path mixWith;

    @Mixin
    CellFilterOption cellFilter;

    @Option(names = "--no-cell-umap", description = "Skip the cell UMAP (exact neighbours cost O(cells²)).")
    boolean noCellUmap;

    @Option(names = "--neighbours", paramLabel = "T", defaultValue = "15",
            description = "UMAP neighbourhood size (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--umap-epochs", paramLabel = "N", defaultValue = "0",
            description = "UMAP layout epochs; 0 = 500 up to 10,000 points, 200 above (default: ${DEFAULT-VALUE}).")
    int umapEpochs;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the UMAP layouts (default: ${DEFAULT-VALUE}).")
    long seed;




    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean tables = cellsOut != null || samplesOut != null || distancesOut != null || samplesH5ad != null;
        if (!tables && writeH5ad == null) {
            throw new IllegalArgumentException("nothing to write: give --out cells.tsv, --samples-out samples.tsv, "
                    + "--distances-out W.tsv, --samples-h5ad samples.h5ad and/or --write-h5ad out.h5ad");
        }
        if (writeH5ad != null && input.dropsNonFiniteCells()) {
            throw new IllegalArgumentException("--write-h5ad writes a copy of every cell of the input, so it cannot"
                    + " leave cells out (--drop-nonfinite-cells); fix the non-finite values in the file first");
        }
        if (writeH5ad != null && cellFilter.file() != null) {
            throw new IllegalArgumentException("--write-h5ad writes a copy of every cell of the input, so --cell-filter"
                    + " cannot apply to it; write the selected cells with --out cells.tsv instead");
        }
        Outputs.check(Outputs.inputs(input.input(), model.path(), mixWith, cellFilter.file()), Outputs.named("--out", cellsOut,
                "--samples-out", samplesOut, "--distances-out", distancesOut, "--samples-h5ad", samplesH5ad,
                "--write-h5ad", writeH5ad));
        ModelInput in = model.path() != null
                ? ModelInput.load(model.path(), input, false, fullSamples, run.threads(), err)
                : ModelInput.identity(input, false, ModelOrMetricOption.MAX_IDENTITY_FEATURES, err);
        // every output is staged and renamed together at the end: all of them or none
        try (OutputFiles files = new OutputFiles()) {
            List<String> done = new ArrayList<>();
            if (tables) {
                done.add(writeTables(files, in, out));
            }
            if (writeH5ad != null) {
                AnnData a = H5adExport.write(files, input, in.model(), writeH5ad, w -> err.println("warning: " + w));
                done.add("wrote " + writeH5ad + " (" + a.cells() + " cells with obsm X_ggml, varm W_ggml, uns W_ggml, ggml_params, "
                        + "groundmetric)");
            }
            files.commit();
            done.forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** Stages the cell, sample and distance tables that were asked for; returns the line naming them. */
    private String writeTables(OutputFiles files, ModelInput in, PrintWriter out) {
        ProjectedMetric learned = in.model().metric();
        GroundMetric sampleMetric = sampleMetric(learned, in.model(), mix, mixWith, in.cohort(), seed);
        Umap.Config umap = new Umap.Config(neighbours, 0.1, 1.0, umapEpochs, 5, 1.0, seed);
        long start = System.nanoTime();
        Embeddings e = Embeddings.compute(in.cohort(), cellFilter.apply(in.cohort()), in.compared(), learned, sampleMetric,
                umap, !noCellUmap && cellsOut != null,
                run.threads(), ProgressBar.unlessQuiet(run.quiet, "pairs"), ProgressBar.unlessQuiet(run.quiet, "epochs"));
        List<Path> written = new ArrayList<>();
        if (cellsOut != null) {
            e.writeCells(files, cellsOut);
            written.add(cellsOut);
        }
        if (samplesOut != null) {
            e.writeSamples(files, samplesOut, trainingSamples(in.model()));
            written.add(samplesOut);
        }
        if (distancesOut != null) {
            e.writeDistances(files, distancesOut);
            written.add(distancesOut);
        }
        if (samplesH5ad != null) {
            DataFrame samples = SamplesAnnData.metadata(in.obs(), input.sampleKey(), input.labelKey(), in.cohort());
            AnnData a = SamplesAnnData.of(e.distances(), samples, samples, sampleMetric.name())
                    .withObsm("X_mds", DenseMatrix.of(e.sampleMds()));
            SamplesAnnData.write(files, e.sampleUmap() == null ? a : a.withObsm("X_umap", DenseMatrix.of(e.sampleUmap())),
                    samplesH5ad);
            written.add(samplesH5ad);
        }
        out.printf(java.util.Locale.ROOT, "samples=%d cells=%d%s k=%d metric=%s seconds=%.1f%n", in.cohort().size(),
                in.cohort().cellCount(), e.cells() == e.cohort() ? "" : " cells_drawn=" + e.cells().cellCount(),
                learned.rank(), sampleMetric.name(), (System.nanoTime() - start) / 1e9);
        if (samplesOut != null && e.trustworthinessNeighbours() >= 1) {
            out.printf(java.util.Locale.ROOT, "trustworthiness of the sample layouts against W_θ (k=%d): MDS %.3f%s%n",
                    e.trustworthinessNeighbours(), e.mdsTrustworthiness(), e.sampleUmap() == null ? ""
                            : String.format(java.util.Locale.ROOT, ", UMAP %.3f", e.umapTrustworthiness()));
        }
        if (samplesOut != null && e.sampleUmap() == null) {
            out.println("note: " + in.cohort().size() + " samples are too few for a sample UMAP (needs "
                    + Embeddings.MIN_SAMPLES_FOR_UMAP + "); samples.tsv has the MDS only");
        }
        return "wrote " + written.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" and "));
    }

    /** The ids of the samples the model was trained on, when it kept them (train --keep-reference); else null. */
    static java.util.Set<String> trainingSamples(TrainedMetric model) {
        if (model.reference() == null) {
            return null;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        model.reference().forEach(r -> ids.add(r.id()));
        return ids;
    }

    /**
     * The model's metric, or its blend s·model + (1−s)·f·other (Euclidean or a second model) with the
     * other scaled to the model's median cell distance over seeded cell pairs of {@code cohort}.
     */
    static GroundMetric sampleMetric(ProjectedMetric learned, TrainedMetric model, double s, Path other,
                                     Cohort cohort, long seed) {
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("--mix " + s + " must lie in [0, 1] (1 = the model alone)");
        }
        if (s == 1 && other == null) {
            return learned;
        }
        GroundMetric b;
        if (other != null) {
            TrainedMetric second = TrainedMetric.read(other);
            second.requireFeatures(model.featureNames());
            b = second.metric();
        } else {
            b = FixedGroundMetric.parse("euclidean");
        }
        List<CellMatrix> cells = new ArrayList<>();
        for (Sample sample : cohort.samples()) {
            cells.add(sample.cells());
        }
        return MedianMatchedBlend.of(learned, b, s, cells, seed);
    }

}
