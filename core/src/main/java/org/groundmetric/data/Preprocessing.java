package org.groundmetric.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * The preprocessing of a cohort, as plain data (Jackson-serialisable, stored in a trained model) so
 * that it can be replayed on new samples. Steps, in this order, each optional:
 * <ol>
 *   <li>{@code minCells}: drop samples with fewer cells;</li>
 *   <li>{@code cellsPerSample}: a seeded subsample of that many cells per sample; smaller samples are
 *       dropped with a warning, or kept whole with {@code keepSmallSamples};</li>
 *   <li>{@code normalize = "log1p"}: per cell, scale counts to a total of 10⁴, then log(1+x)
 *       (scanpy's normalize_total(target_sum=1e4) + log1p);</li>
 *   <li>{@code geneFilter}: "above-mean-variance" keeps genes whose variance over all cells exceeds
 *       the mean gene variance (the paper's filter); "top-variance:N" keeps the N most variable
 *       genes. The kept genes are recorded by name in {@code keptGenes};</li>
 *   <li>{@code pca}: project the cells onto the first N principal axes (recorded in
 *       {@code pcaMean}, {@code pcaComponents}); features become PC1…PCN.</li>
 * </ol>
 * A request ({@link #request}) has the settings only; {@link #fit} computes the data-dependent parts
 * (kept genes, PCA) and returns the completed record with the preprocessed cohort;
 * {@link #apply} replays a completed record on new data.
 *
 * @param keptGenes     gene names kept by the gene filter, in order (null: no filter fitted)
 * @param pcaMean       per-gene mean subtracted before projecting (over keptGenes, or all genes)
 * @param pcaComponents pca × genes, unit rows
 */
public record Preprocessing(Integer minCells, Integer cellsPerSample, boolean keepSmallSamples, long seed,
                            String normalize, String geneFilter, Integer pca,
                            List<String> keptGenes, double[] pcaMean, double[][] pcaComponents) {

    /** Scanpy's normalize_total target. */
    public static final double TARGET_SUM = 1e4;

    /** Nothing: every cell, every gene, as read. */
    public static final Preprocessing NONE = request(null, null, false, null, null, null, 0);

    public Preprocessing {
        positive(minCells, "minCells", "the minimum of cells per sample");
        positive(cellsPerSample, "cellsPerSample", "cells per sample");
        positive(pca, "pca", "the number of principal components");
        if (normalize != null && !normalize.equals("log1p") && !normalize.equals("none")) {
            throw new IllegalParameterException("Preprocessing.normalize", "normalisation '" + normalize
                    + "' is not known; expected log1p or none");
        }
        if (geneFilter != null) {
            topVariance(geneFilter); // validates
        }
        keptGenes = keptGenes == null ? null : List.copyOf(keptGenes);
    }

    /** The settings of a run, before any data is seen. */
    public static Preprocessing request(Integer minCells, Integer cellsPerSample, boolean keepSmallSamples,
                                        String normalize, String geneFilter, Integer pca, long seed) {
        String n = normalize == null ? null : normalize.toLowerCase(Locale.ROOT);
        return new Preprocessing(minCells, cellsPerSample, keepSmallSamples, seed, "none".equals(n) ? null : n,
                geneFilter, pca, null, null, null);
    }

    /** A fitted record and the cohort it produced. */
    public record Result(Preprocessing preprocessing, Cohort cohort) {
    }

    /** Runs the requested steps, learning the kept genes and PCA axes from this cohort. */
    public Result fit(Cohort cohort, Consumer<String> warnings) {
        Cohort c = normalise(sampleCells(cohort, warnings));
        List<String> kept = null;
        if (geneFilter != null) {
            int[] cols = chooseGenes(c, geneFilter);
            kept = new ArrayList<>(cols.length);
            for (int j : cols) {
                kept.add(c.featureNames().get(j));
            }
            c = selectGenes(c, kept, warnings);
        }
        double[] mean = null;
        double[][] components = null;
        if (pca != null) {
            List<CellMatrix> blocks = blocks(c);
            mean = PrincipalComponents.mean(blocks, c.featureCount());
            components = PrincipalComponents.components(blocks, mean, pca, seed);
            c = project(c, mean, components);
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
        Cohort c = normalise(sampleCells(cohort, warnings));
        if (keptGenes != null) {
            c = selectGenes(c, keptGenes, warnings);
        }
        if (pcaComponents != null) {
            if (pcaMean.length != c.featureCount()) {
                throw new IllegalArgumentException("the PCA was fitted on " + pcaMean.length + " genes but the data has "
                        + c.featureCount() + "; the same genes (and gene filter) are needed");
            }
            c = project(c, pcaMean, pcaComponents);
        }
        return c;
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
        if (normalize != null) {
            parts.add(normalize);
        }
        if (geneFilter != null) {
            parts.add(geneFilter + (keptGenes == null ? "" : " (" + keptGenes.size() + " genes)"));
        }
        if (pca != null) {
            parts.add("pca=" + pca);
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    // ---- steps ----

    private Cohort sampleCells(Cohort cohort, Consumer<String> warnings) {
        List<Sample> out = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (Sample s : cohort.samples()) {
            if (minCells != null && s.cellCount() < minCells) {
                tooFew.add(s.id() + " (" + s.cellCount() + ")");
                continue;
            }
            if (cellsPerSample == null || s.cellCount() == cellsPerSample) {
                out.add(s);
            } else if (s.cellCount() < cellsPerSample) {
                small.add(s.id() + " (" + s.cellCount() + ")");
                if (keepSmallSamples) {
                    out.add(s);
                }
            } else {
                out.add(subsample(s, cellsPerSample, seed));
            }
        }
        if (!tooFew.isEmpty()) {
            warnings.accept("dropped " + tooFew.size() + " samples with fewer than the minimum of " + minCells
                    + " cells: " + abbreviate(tooFew));
        }
        if (!small.isEmpty()) {
            warnings.accept((keepSmallSamples ? "kept whole " : "dropped ") + small.size()
                    + " samples with fewer than the " + cellsPerSample + " cells per sample asked for: "
                    + abbreviate(small) + (keepSmallSamples ? "" : " (keeping small samples would keep them)"));
        }
        if (out.isEmpty()) {
            throw new IllegalParameterException(cellsPerSample != null && !keepSmallSamples
                    ? "Preprocessing.cellsPerSample" : "Preprocessing.minCells",
                    "no sample is left: every sample has fewer cells than "
                    + (cellsPerSample != null && !keepSmallSamples ? cellsPerSample + " (cells per sample)"
                            : minCells + " (the minimum of cells per sample)") + "; lower it");
        }
        return new Cohort(out, cohort.featureNames());
    }

    /**
     * The rows {@code cellsPerSample} keeps of a sample, as a selection from {@code rows}; for
     * readers that can pick cells before copying them (see {@link CohortBuilder}), which saves a
     * copy of every cell of a large file. {@link #fit} then finds samples of exactly the requested
     * size and keeps them, so the cells are the same either way.
     */
    public int[] sampleRows(String sampleId, int[] rows) {
        if (cellsPerSample == null || rows.length <= cellsPerSample
                || minCells != null && rows.length < minCells) {
            return rows;
        }
        int[] positions = subsamplePositions(sampleId, rows.length, cellsPerSample, seed);
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }

    /** A seeded subsample; the stream depends on the seed and the sample id only, not on sample order. */
    static Sample subsample(Sample s, int count, long seed) {
        int[] rows = subsamplePositions(s.id(), s.cellCount(), count, seed);
        List<String> ids = new ArrayList<>(count);
        for (int r : rows) {
            ids.add(s.cellIds().get(r));
        }
        Map<String, List<String>> ann = new HashMap<>();
        s.cellAnnotations().forEach((k, v) -> {
            List<String> out = new ArrayList<>(count);
            for (int r : rows) {
                out.add(v.get(r));
            }
            ann.put(k, out);
        });
        return new Sample(s.id(), s.classLabel(), s.cells().selectRows(rows), ids, ann);
    }

    /** {@code count} of the positions 0..n−1, ascending, drawn without replacement. */
    private static int[] subsamplePositions(String sampleId, int n, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sampleId.hashCode());
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] rows = Arrays.copyOf(perm, count);
        Arrays.sort(rows);
        return rows;
    }

    private Cohort normalise(Cohort c) {
        if (!"log1p".equals(normalize)) {
            return c;
        }
        List<Sample> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            Counts.requireNonNegative(s, c.featureNames());
            out.add(s.withCells(log1pNormalise(s.cells())));
        }
        return new Cohort(out, c.featureNames());
    }

    /** x ↦ log(1 + x · 10⁴ / total(cell)); cells with no counts stay zero. Sparse stays sparse. */
    static CellMatrix log1pNormalise(CellMatrix m) {
        if (m instanceof CsrMatrix csr) {
            int[] ptr = csr.rowPointers();
            float[] v = csr.values();
            float[] out = new float[v.length];
            for (int i = 0; i < csr.rows(); i++) {
                double total = 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    total += v[p];
                }
                double scale = total > 0 ? TARGET_SUM / total : 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    out[p] = (float) Math.log1p(v[p] * scale);
                }
            }
            return new CsrMatrix(csr.rows(), csr.cols(), ptr, csr.columnIndices(), out);
        }
        DenseMatrix d = (DenseMatrix) m;
        float[] v = d.data();
        float[] out = new float[v.length];
        int cols = d.cols();
        for (int i = 0; i < d.rows(); i++) {
            double total = 0;
            for (int j = 0; j < cols; j++) {
                total += v[i * cols + j];
            }
            double scale = total > 0 ? TARGET_SUM / total : 0;
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) Math.log1p(v[i * cols + j] * scale);
            }
        }
        return new DenseMatrix(d.rows(), cols, out);
    }

    /** Variance of every gene over all cells of the cohort (population variance, in double). */
    static double[] geneVariances(Cohort c) {
        int g = c.featureCount();
        double[] sum = new double[g];
        double[] sumSq = new double[g];
        long n = 0;
        for (Sample s : c.samples()) {
            CellMatrix m = s.cells();
            if (m instanceof CsrMatrix csr) {
                int[] idx = csr.columnIndices();
                float[] v = csr.values();
                for (int p = 0; p < v.length; p++) {
                    sum[idx[p]] += v[p];
                    sumSq[idx[p]] += (double) v[p] * v[p];
                }
            } else {
                float[] v = ((DenseMatrix) m).data();
                for (int p = 0; p < v.length; p++) {
                    int j = p % g;
                    sum[j] += v[p];
                    sumSq[j] += (double) v[p] * v[p];
                }
            }
            n += m.rows();
        }
        double[] var = new double[g];
        for (int j = 0; j < g; j++) {
            double mean = sum[j] / n;
            var[j] = Math.max(0, sumSq[j] / n - mean * mean);
        }
        return var;
    }

    /** Indices of the kept genes, ascending. */
    static int[] chooseGenes(Cohort c, String filter) {
        double[] var = geneVariances(c);
        Integer top = topVariance(filter);
        int[] kept;
        if (top == null) {
            double mean = Arrays.stream(var).average().orElse(0);
            kept = java.util.stream.IntStream.range(0, var.length).filter(j -> var[j] > mean).toArray();
        } else {
            if (top > var.length) {
                throw new IllegalParameterException("Preprocessing.geneFilter", "gene filter " + filter
                        + " asks for more genes than the data has (" + var.length + ")");
            }
            kept = java.util.stream.IntStream.range(0, var.length).boxed()
                    .sorted((a, b) -> var[a] != var[b] ? Double.compare(var[b], var[a]) : Integer.compare(a, b))
                    .limit(top).mapToInt(Integer::intValue).sorted().toArray();
        }
        if (kept.length == 0) {
            throw new IllegalParameterException("Preprocessing.geneFilter", "gene filter " + filter
                    + " keeps no gene (all genes have the same variance)");
        }
        return kept;
    }

    /** null for above-mean-variance, N for top-variance:N; anything else is refused. */
    private static Integer topVariance(String filter) {
        if (filter.equals("above-mean-variance")) {
            return null;
        }
        if (filter.startsWith("top-variance:")) {
            try {
                int n = Integer.parseInt(filter.substring("top-variance:".length()));
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalParameterException("Preprocessing.geneFilter", "gene filter '" + filter
                + "' is not known; expected above-mean-variance or top-variance:N with N > 0 (e.g. top-variance:2000)");
    }

    /** The named genes in order; genes the data lacks become zero columns, with a warning. */
    static Cohort selectGenes(Cohort c, List<String> genes, Consumer<String> warnings) {
        int[] cols = c.featureColumns(genes);
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            if (cols[j] < 0) {
                missing.add(genes.get(j));
            }
        }
        if (missing.size() == genes.size()) {
            throw new IllegalArgumentException("none of the " + genes.size() + " genes of the preprocessing (e.g. "
                    + abbreviate(missing) + ") is in the data; are the gene names of the same kind (symbols or ids)?");
        }
        if (!missing.isEmpty()) {
            warnings.accept(missing.size() + " of " + genes.size() + " genes are not in the data and count as zero: "
                    + abbreviate(missing));
        }
        List<Sample> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            out.add(s.withCells(selectOrZero(s.cells(), cols)));
        }
        return new Cohort(out, genes);
    }

    private static CellMatrix selectOrZero(CellMatrix m, int[] cols) {
        boolean allPresent = Arrays.stream(cols).allMatch(j -> j >= 0);
        if (allPresent) {
            return m.selectColumns(cols);
        }
        int[] present = Arrays.stream(cols).filter(j -> j >= 0).toArray();
        CellMatrix sub = m.selectColumns(present);
        int[] target = new int[present.length];
        for (int j = 0, t = 0; j < cols.length; j++) {
            if (cols[j] >= 0) {
                target[t++] = j;
            }
        }
        if (sub instanceof CsrMatrix csr) {
            int[] idx = csr.columnIndices().clone();
            for (int p = 0; p < idx.length; p++) {
                idx[p] = target[idx[p]];
            }
            return new CsrMatrix(csr.rows(), cols.length, csr.rowPointers(), idx, csr.values());
        }
        float[] out = new float[m.rows() * cols.length];
        for (int i = 0; i < m.rows(); i++) {
            for (int t = 0; t < present.length; t++) {
                out[i * cols.length + target[t]] = sub.get(i, t);
            }
        }
        return new DenseMatrix(m.rows(), cols.length, out);
    }

    private static List<CellMatrix> blocks(Cohort c) {
        List<CellMatrix> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            out.add(s.cells());
        }
        return out;
    }

    private static Cohort project(Cohort c, double[] mean, double[][] components) {
        int k = components.length;
        int g = mean.length;
        double[] w = new double[k * g];
        double[] shift = new double[k];
        for (int r = 0; r < k; r++) {
            System.arraycopy(components[r], 0, w, r * g, g);
            for (int j = 0; j < g; j++) {
                shift[r] += mean[j] * components[r][j];
            }
        }
        List<Sample> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            double[] y = s.cells().projectRows(w, k);
            float[] f = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                f[i] = (float) (y[i] - shift[i % k]);
            }
            out.add(s.withCells(new DenseMatrix(s.cellCount(), k, f)));
        }
        List<String> names = new ArrayList<>(k);
        for (int r = 1; r <= k; r++) {
            names.add("PC" + r);
        }
        return new Cohort(out, names);
    }

    private static String abbreviate(List<String> items) {
        return items.size() <= 5 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 5)) + ", … (" + items.size() + " in all)";
    }

    private static void positive(Integer value, String parameter, String what) {
        if (value != null && value <= 0) {
            throw new IllegalParameterException("Preprocessing." + parameter, what + " is " + value
                    + "; expected a positive number");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && java.util.Objects.equals(minCells, p.minCells)
                && java.util.Objects.equals(cellsPerSample, p.cellsPerSample) && keepSmallSamples == p.keepSmallSamples
                && seed == p.seed && java.util.Objects.equals(normalize, p.normalize)
                && java.util.Objects.equals(geneFilter, p.geneFilter) && java.util.Objects.equals(pca, p.pca)
                && java.util.Objects.equals(keptGenes, p.keptGenes) && Arrays.equals(pcaMean, p.pcaMean)
                && Arrays.deepEquals(pcaComponents, p.pcaComponents);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(minCells, cellsPerSample, seed, normalize, geneFilter, pca, keptGenes,
                Arrays.hashCode(pcaMean));
    }

    @Override
    public String toString() {
        return "Preprocessing[" + describe() + "]";
    }
}
