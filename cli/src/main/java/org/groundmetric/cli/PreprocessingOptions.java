package org.groundmetric.cli;

import org.groundmetric.data.GeneFilter;
import org.groundmetric.data.Normalisation;
import org.groundmetric.data.Preprocessing;
import picocli.CommandLine.Option;

/** The preprocessing steps, each off unless asked for; shared by distances, train, benchmark. */
public final class PreprocessingOptions {

    @Option(names = "--cells-per-sample", paramLabel = "N",
            description = "Use a random subsample of N cells per sample (seeded by --seed); samples with fewer cells are dropped with a warning. Default: every cell.")
    Integer cellsPerSample;

    @Option(names = "--keep-small-samples",
            description = "With --cells-per-sample: keep samples with fewer than N cells whole instead of dropping them.")
    boolean keepSmallSamples;

    @Option(names = "--min-cells", paramLabel = "N",
            description = "Drop samples with fewer than N cells. Default: keep all.")
    Integer minCells;

    @Option(names = "--normalize", paramLabel = "METHOD", defaultValue = "none",
            description = "${COMPLETION-CANDIDATES}. log1p: scale each cell to 10^4 total counts, then log(1+x) (scanpy normalize_total + log1p), for raw counts (e.g. with --layer counts). Default: ${DEFAULT-VALUE}.")
    Normalisation normalize;

    @Option(names = "--gene-filter", paramLabel = "FILTER",
            description = "above-mean-variance: keep genes whose variance over all cells exceeds the mean gene variance (the paper's filter); top-variance:N: keep the N most variable genes. Default: all genes.")
    String geneFilter;

    @Option(names = "--pca", paramLabel = "N",
            description = "Project cells onto their first N principal components (after the gene filter). Default: off.")
    Integer pca;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed for subsampling and PCA (default: ${DEFAULT-VALUE}); the same seed gives the same cells.")
    long seed;

    /** The requested steps, to be fitted on the cohort. */
    public Preprocessing request() {
        return Preprocessing.request(minCells, cellsPerSample, keepSmallSamples, normalize,
                geneFilter == null ? null : GeneFilter.parse(geneFilter), pca, seed);
    }

    public long seed() {
        return seed;
    }
}
