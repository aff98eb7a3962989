package org.groundmetric.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.groundmetric.Progress;
import org.groundmetric.linalg.CsrMatrix;

/**
 * A synthetic cohort at the size of the paper's largest one (breast cancer: 131 samples, 1000 cells
 * each, 8,433 genes), to measure training speed and memory. Sparse and non-negative like
 * log-normalised scRNA-seq: each cell expresses its cell type's marker genes often and every other
 * gene rarely (about {@code density} of all entries are non-zero), with log1p-scaled log-normal
 * values.
 *
 * <p>Cell types are shared by all classes (each sample draws its own proportions around common
 * ones). The class signal sits in {@code signalGenes} genes of cell type 0, the paper's
 * "disease-relevant cell type": in those cells, each signal gene's level is shifted by a per-class
 * amount. Everything else is class-free noise, so a learned metric must find those genes.
 *
 * <p>Samples are generated in parallel, each from its own seeded stream: the same seed gives the
 * same cohort whatever the thread count. The matrix is built as CSR directly (never dense).
 *
 * @param samples        number of samples (named sample_000…), assigned to classes round robin
 * @param classes        number of classes (class_0…)
 * @param cellsPerSample cells in every sample
 * @param features       genes (gene_0000…)
 * @param cellTypes      cell types (cell_type obs column: type_0…; type_0 carries the class signal)
 * @param density        target fraction of non-zero entries, in (0, 0.5]
 * @param signalGenes    genes of type_0 whose level depends on the class
 * @param seed           seed of the draw
 */
public record PaperScaleCohort(int samples, int classes, int cellsPerSample, int features, int cellTypes,
                               double density, int signalGenes, long seed) {

    /** Marker genes per cell type are expressed with this probability in cells of that type. */
    private static final double MARKER_RATE = 0.6;

    public PaperScaleCohort {
        if (samples < 1 || classes < 2 || samples < classes) {
            throw new IllegalArgumentException("paper-scale cohort needs at least 2 classes and one sample per class;"
                    + " got samples=" + samples + ", classes=" + classes);
        }
        if (cellsPerSample < 1 || cellTypes < 1 || cellTypes > cellsPerSample) {
            throw new IllegalArgumentException("cells per sample (" + cellsPerSample + ") must be ≥ 1 and ≥ the number of"
                    + " cell types (" + cellTypes + ")");
        }
        if (!(density > 0 && density <= 0.5)) {
            throw new IllegalArgumentException("density " + density + " must be in (0, 0.5]");
        }
        if (signalGenes < 1 || features < cellTypes * markersPerType(features, cellTypes, density)
                || signalGenes > markersPerType(features, cellTypes, density)) {
            throw new IllegalArgumentException("features (" + features + ") too few for " + cellTypes + " cell types with "
                    + signalGenes + " signal genes; expected signal genes ≤ " + markersPerType(features, cellTypes, density)
                    + " (a cell type's marker genes)");
        }
    }

    /** The breast-cancer setting: 131 samples, 4 classes, 1000 cells each, 8,433 genes, ~10% non-zeros. */
    public static PaperScaleCohort paperScale(long seed) {
        return new PaperScaleCohort(131, 4, 1000, 8433, 8, 0.10, 300, seed);
    }

    public PaperScaleCohort withSamples(int n) {
        return new PaperScaleCohort(n, classes, cellsPerSample, features, cellTypes, density, signalGenes, seed);
    }

    public PaperScaleCohort withCellsPerSample(int n) {
        return new PaperScaleCohort(samples, classes, n, features, cellTypes, density, signalGenes, seed);
    }

    public PaperScaleCohort withFeatures(int d) {
        return new PaperScaleCohort(samples, classes, cellsPerSample, d, cellTypes, density, signalGenes, seed);
    }

    /** Each type owns a disjoint block of marker genes: an eighth of the non-zeros come from markers. */
    private static int markersPerType(int features, int cellTypes, double density) {
        return Math.max(1, (int) Math.round(features * density / (4 * MARKER_RATE)));
    }

    /** Generates the cohort. */
    public Cohort generate() {
        return generate(Progress.NONE);
    }

    /** Generates the cohort; {@code progress} advances once per sample drawn. */
    public Cohort generate(Progress progress) {
        int markers = markersPerType(features, cellTypes, density);
        // Background rate so that markers + background give about `density` non-zeros per cell.
        double background = Math.max(0, (density * features - MARKER_RATE * markers) / (features - markers));
        SplittableRandom shared = new SplittableRandom(seed);
        double[] proportions = new double[cellTypes];
        for (int t = 0; t < cellTypes; t++) {
            proportions[t] = 0.5 + shared.nextDouble();
        }
        double[] level = new double[features];
        for (int g = 0; g < features; g++) {
            level[g] = shared.nextDouble(0.2, 1.5);
        }
        // Per class and signal gene: how much the class moves the gene's level in type_0 cells.
        double[][] shift = new double[classes][signalGenes];
        for (int c = 0; c < classes; c++) {
            for (int g = 0; g < signalGenes; g++) {
                shift[c][g] = shared.nextDouble(-1, 1) * 1.5;
            }
        }
        long[] sampleSeeds = new long[samples];
        for (int s = 0; s < samples; s++) {
            sampleSeeds[s] = shared.nextLong();
        }
        Sample[] out = new Sample[samples];
        progress.start("drawing samples", samples);
        IntStream.range(0, samples).parallel().forEach(s -> {
            out[s] = sample(s, new SplittableRandom(sampleSeeds[s]), proportions, level, shift, markers, background);
            progress.advance(1, null);
        });
        progress.finish();
        List<String> names = new ArrayList<>(features);
        for (int g = 0; g < features; g++) {
            names.add(String.format("gene_%04d", g));
        }
        return new Cohort(Arrays.asList(out), names);
    }

    private Sample sample(int s, SplittableRandom rng, double[] proportions, double[] level, double[][] shift,
                          int markers, double background) {
        int c = s % classes;
        // The sample's own cell-type mix around the shared one.
        double[] cumulative = new double[cellTypes];
        double total = 0;
        for (int t = 0; t < cellTypes; t++) {
            total += proportions[t] * Math.exp(0.3 * rng.nextGaussian());
            cumulative[t] = total;
        }
        int n = cellsPerSample;
        int[] ptr = new int[n + 1];
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) (n * (density * features * 1.2 + 16)));
        int[] idx = new int[capacity];
        float[] val = new float[capacity];
        List<String> types = new ArrayList<>(n);
        List<String> ids = new ArrayList<>(n);
        String id = String.format("sample_%03d", s);
        double logKeep = Math.log1p(-background);
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            // Every type appears at least once, so each sample has every mode.
            int type = i < cellTypes ? i : pick(cumulative, rng.nextDouble() * total);
            int markerStart = type * markers;
            int markerEnd = markerStart + markers;
            double depth = Math.exp(0.25 * rng.nextGaussian());
            int g = 0;
            while (g < features) {
                boolean marker = g >= markerStart && g < markerEnd;
                if (!marker) {
                    // Jump to the next background gene that is expressed (geometric gaps), stopping at the markers.
                    int gap = background <= 0 ? features : (int) Math.min(features, Math.floor(Math.log(rng.nextDouble()) / logKeep));
                    int next = g + gap;
                    if (g < markerStart && next >= markerStart) {
                        g = markerStart;
                        continue;
                    }
                    if (next >= features) {
                        break;
                    }
                    g = next;
                    if (g >= markerStart && g < markerEnd) {
                        continue;
                    }
                } else if (rng.nextDouble() >= MARKER_RATE) {
                    g++;
                    continue;
                }
                double mean = level[g] + (marker ? 1.0 : 0);
                if (type == 0 && marker && g - markerStart < shift[c].length) {
                    mean = Math.max(0.1, mean + shift[c][g - markerStart]);
                }
                if (nnz == idx.length) {
                    idx = Arrays.copyOf(idx, idx.length + idx.length / 2);
                    val = Arrays.copyOf(val, idx.length);
                }
                idx[nnz] = g;
                val[nnz] = (float) Math.log1p(depth * mean * Math.exp(0.4 * rng.nextGaussian()));
                nnz++;
                g++;
            }
            ptr[i + 1] = nnz;
            types.add("type_" + type);
            ids.add(id + ":" + i);
        }
        CsrMatrix x = new CsrMatrix(n, features, ptr, Arrays.copyOf(idx, nnz), Arrays.copyOf(val, nnz));
        return new Sample(id, "class_" + c, x, ids, Map.of("cell_type", types));
    }

    private static int pick(double[] cumulative, double u) {
        for (int t = 0; t < cumulative.length - 1; t++) {
            if (u < cumulative[t]) {
                return t;
            }
        }
        return cumulative.length - 1;
    }
}
