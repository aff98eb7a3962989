package org.groundmetric.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.linalg.PrincipalComponents;

/**
 * The preprocessing of a cohort, as plain data (Jackson-serialisable, stored in a trained model) so
 * that it can be replayed on new samples. Steps, in this order, each optional:
 * <ol>
 *   <li>{@code minCells}, {@code cellsPerSample}, {@code keepSmallSamples}, {@code seed}: which cells
 *       of each sample are used ({@link CellSampling});</li>
 *   <li>{@code normalize}: per-cell normalisation ({@link Normalisation});</li>
 *   <li>{@code geneFilter}: "above-mean-variance" or "top-variance:N" ({@link GeneFilter}); the kept
 *       genes are recorded by name in {@code keptGenes};</li>
 *   <li>{@code pca}: project the cells onto the first N principal axes ({@link PrincipalComponents},
 *       recorded in {@code pcaMean}, {@code pcaComponents}); features become PC1…PCN.</li>
 * </ol>
 * A request ({@link #request}) has the settings only; {@link #fit} computes the data-dependent parts
 * (kept genes, PCA) and returns the completed record with the preprocessed cohort;
 * {@link #apply} replays a completed record on new data.
 *
 * <p>Equality is a record's: the fitted arrays compare by identity. A model's preprocessing is the
 * same as another's when their JSON is.
 *
 * @param normalize     {@link Normalisation#NONE} when null
 * @param geneFilter    a {@link GeneFilter} spec, or null for every gene
 * @param keptGenes     gene names kept by the gene filter, in order (null: no filter fitted)
 * @param pcaMean       per-gene mean subtracted before projecting (over keptGenes, or all genes)
 * @param pcaComponents pca × genes, unit rows
 */
public record Preprocessing(Integer minCells, Integer cellsPerSample, boolean keepSmallSamples, long seed,
                            Normalisation normalize, String geneFilter, Integer pca,
                            List<String> keptGenes, double[] pcaMean, double[][] pcaComponents) {

    /** Nothing: every cell, every gene, as read. */
    public static final Preprocessing NONE = request(null, null, false, Normalisation.NONE, null, null, 0);

    public Preprocessing {
        new CellSampling(minCells, cellsPerSample, keepSmallSamples, seed); // validates
        if (pca != null && pca <= 0) {
            throw new IllegalArgumentException("--pca " + pca + " must be positive");
        }
        normalize = normalize == null ? Normalisation.NONE : normalize;
        if (geneFilter != null) {
            GeneFilter.parse(geneFilter); // validates
        }
        keptGenes = keptGenes == null ? null : List.copyOf(keptGenes);
    }

    /** The settings of a run, before any data is seen. */
    public static Preprocessing request(Integer minCells, Integer cellsPerSample, boolean keepSmallSamples,
                                        Normalisation normalize, GeneFilter geneFilter, Integer pca, long seed) {
        return new Preprocessing(minCells, cellsPerSample, keepSmallSamples, seed, normalize,
                geneFilter == null ? null : geneFilter.spec(), pca, null, null, null);
    }

    /** A fitted record and the cohort it produced. */
    public record Result(Preprocessing preprocessing, Cohort cohort) {
    }

    /** The cell-sampling step. */
    @JsonIgnore
    public CellSampling cellSampling() {
        return new CellSampling(minCells, cellsPerSample, keepSmallSamples, seed);
    }

    /** Runs the requested steps, learning the kept genes and PCA axes from this cohort. */
    public Result fit(Cohort cohort, Consumer<String> warnings) {
        Cohort c = normalize.apply(cellSampling().apply(cohort, warnings));
        List<String> kept = null;
        if (geneFilter != null) {
            int[] cols = GeneFilter.parse(geneFilter).choose(c);
            kept = new ArrayList<>(cols.length);
            for (int j : cols) {
                kept.add(c.featureNames().get(j));
            }
            c = GeneFilter.select(c, kept, warnings);
        }
        double[] mean = null;
        double[][] components = null;
        if (pca != null) {
            PrincipalComponents axes = PrincipalComponents.fit(blocks(c), pca, seed);
            mean = axes.mean();
            components = axes.components();
            c = project(c, axes);
        }
        Preprocessing fitted = new Preprocessing(minCells, cellsPerSample, keepSmallSamples, seed, normalize,
                geneFilter, pca, kept, mean, components);
        return new Result(fitted, c);
    }

    /** Replays fitted steps on new data: same sampling rule and seed, same genes by name, same PCA axes. */
    public Cohort apply(Cohort cohort, Consumer<String> warnings) {
        if (geneFilter != null && keptGenes == null || pca != null && pcaComponents == null) {
            throw new IllegalStateException("this preprocessing was requested but never fitted; call fit first");
        }
        Cohort c = normalize.apply(cellSampling().apply(cohort, warnings));
        if (keptGenes != null) {
            c = GeneFilter.select(c, keptGenes, warnings);
        }
        if (pcaComponents != null) {
            if (pcaMean.length != c.featureCount()) {
                throw new IllegalArgumentException("the PCA was fitted on " + pcaMean.length + " genes but the data has "
                        + c.featureCount() + "; the same genes (and --gene-filter) are needed");
            }
            c = project(c, new PrincipalComponents(pcaMean, pcaComponents));
        }
        return c;
    }

    /** The rows the cell sampling keeps of a sample, for readers that pick cells before copying them ({@link CellSampling#sampleRows}). */
    public int[] sampleRows(String sampleId, int[] rows) {
        return cellSampling().sampleRows(sampleId, rows);
    }

    /** One line for logs, e.g. "cells-per-sample=500 seed=0, log1p, above-mean-variance (2113 genes), pca=50". */
    @JsonIgnore
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (minCells != null) {
            parts.add("min-cells=" + minCells);
        }
        if (cellsPerSample != null) {
            parts.add("cells-per-sample=" + cellsPerSample + (keepSmallSamples ? " (keeping small samples)" : "")
                    + " seed=" + seed);
        }
        if (normalize != Normalisation.NONE) {
            parts.add(normalize.toString());
        }
        if (geneFilter != null) {
            parts.add(geneFilter + (keptGenes == null ? "" : " (" + keptGenes.size() + " genes)"));
        }
        if (pca != null) {
            parts.add("pca=" + pca);
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static List<CellMatrix> blocks(Cohort c) {
        List<CellMatrix> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            out.add(s.cells());
        }
        return out;
    }

    /** The cells' coordinates on the axes, as float32 cells with features PC1…PCN. */
    private static Cohort project(Cohort c, PrincipalComponents axes) {
        int k = axes.count();
        List<Sample> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            double[] y = axes.project(s.cells());
            float[] f = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                f[i] = (float) y[i];
            }
            out.add(s.withCells(new DenseMatrix(s.cellCount(), k, f)));
        }
        List<String> names = new ArrayList<>(k);
        for (int r = 1; r <= k; r++) {
            names.add("PC" + r);
        }
        return new Cohort(out, names);
    }

    @Override
    public String toString() {
        return "Preprocessing[" + describe() + "]";
    }
}
