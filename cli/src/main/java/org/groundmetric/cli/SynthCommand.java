package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code groundmetric synth}: the paper's synthetic benchmarks as .h5ad files. */
@Command(name = "synth",
        header = "Writes the paper's synthetic data sets (Synth2D, Synth200D) as .h5ad.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes one of the paper's synthetic data sets (its reference generator) as an AnnData .h5ad:",
            "3 classes × 10 samples, 300 cells each (a class-specific mode and two shared modes of 100),",
            "where only feature dim0 carries the class. synth2d has one noise feature scaled by 1000 (badly",
            "scaled features); synth200d has 199 noise features at scale 1. obs columns: sample, class,",
            "mode; features dim0, dim1, …. Draw a second seed for a test set.",
            "",
            "paper-scale is a speed benchmark at the size of the paper's breast-cancer cohort: 131 samples",
            "(obs sample), 4 classes (obs class), 1000 cells each, 8,433 genes, sparse (CSR, ~10%% non-zeros,",
            "non-negative like log-normalised counts), 8 cell types shared by all classes (obs cell_type) and a",
            "class signal in 300 genes of type_0. --samples, --cells-per-sample, --features, ... change its sizes.",
            "",
            "Example:",
            "  groundmetric synth --preset synth2d --seed 1 --out synth2d.h5ad",
            "  groundmetric synth --preset paper-scale --seed 1 --cells-per-sample 500 --out big.h5ad",
            "  groundmetric train --input synth2d.h5ad --sample-key sample --label-key class --out model.json",
            ""
        })
public final class SynthCommand implements Callable<Integer> {

    /** The data sets this command draws. */
    enum Preset {
        SYNTH2D, SYNTH200D, PAPER_SCALE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Option(names = "--preset", required = true, paramLabel = "NAME",
            description = "Which data set: ${COMPLETION-CANDIDATES}.")
    Preset preset;

    @Option(names = "--samples", paramLabel = "N",
            description = "paper-scale only: number of samples (default 131).")
    Integer samples;

    @Option(names = "--classes", paramLabel = "N",
            description = "paper-scale only: number of classes (default 4).")
    Integer classes;

    @Option(names = "--cells-per-sample", paramLabel = "N",
            description = "paper-scale only: cells in every sample (default 1000).")
    Integer cellsPerSample;

    @Option(names = "--features", paramLabel = "D",
            description = "paper-scale only: number of genes (default 8433).")
    Integer features;

    @Option(names = "--cell-types", paramLabel = "N",
            description = "paper-scale only: cell types shared by all classes (default 8).")
    Integer cellTypes;

    @Option(names = "--density", paramLabel = "F",
            description = "paper-scale only: fraction of non-zero entries (default 0.1).")
    Double density;

    @Option(names = "--signal-genes", paramLabel = "N",
            description = "paper-scale only: genes of type_0 whose level depends on the class (default 300).")
    Integer signalGenes;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the draw (default: ${DEFAULT-VALUE}); the same seed gives the same file content.")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.h5ad",
            description = "Where to write the .h5ad (written to a temporary file, then renamed).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Outputs.check(List.of(), Outputs.named("--out", out));
        Cohort cohort = preset == Preset.PAPER_SCALE
                ? paperScale().generate(ProgressBar.unlessQuiet(quiet, "samples")) : paperPreset();
        AnnData data = toAnnData(cohort);
        Progress writing = ProgressBar.unlessQuiet(quiet, "files");
        writing.start("writing " + out.getFileName() + " (" + data.x().storedEntries() + " values)", 1);
        H5adWriter.write(data, out);
        writing.advance(1, null);
        writing.finish();
        spec.commandLine().getOut().printf("wrote %s: %d samples, %d cells, %d features (preset %s, seed %d)%n",
                out, cohort.size(), cohort.cellCount(), cohort.featureCount(), preset, seed);
        return 0;
    }

    private Cohort paperPreset() {
        if (samples != null || classes != null || cellsPerSample != null || features != null || cellTypes != null
                || density != null || signalGenes != null) {
            throw new IllegalArgumentException("--samples, --classes, --cells-per-sample, --features, --cell-types,"
                    + " --density and --signal-genes apply to --preset paper-scale only, not to '" + preset + "'");
        }
        return preset == Preset.SYNTH2D ? SyntheticCohorts.synth2d(seed) : SyntheticCohorts.synth200d(seed);
    }

    private PaperScaleCohort paperScale() {
        PaperScaleCohort d = PaperScaleCohort.paperScale(seed);
        return new PaperScaleCohort(samples != null ? samples : d.samples(), classes != null ? classes : d.classes(),
                cellsPerSample != null ? cellsPerSample : d.cellsPerSample(), features != null ? features : d.features(),
                cellTypes != null ? cellTypes : d.cellTypes(), density != null ? density : d.density(),
                signalGenes != null ? signalGenes : d.signalGenes(), seed);
    }

    /** All cells of a cohort in one matrix, with obs sample / class / mode (dense) or cell_type (sparse). */
    static AnnData toAnnData(Cohort cohort) {
        if (cohort.sample(0).cells() instanceof CsrMatrix) {
            return sparseAnnData(cohort);
        }
        int d = cohort.featureCount();
        int n = (int) cohort.cellCount();
        float[] x = new float[n * d];
        int row = 0;
        for (Sample s : cohort.samples()) {
            float[] cells = ((DenseMatrix) s.cells()).data();
            System.arraycopy(cells, 0, x, row * d, cells.length);
            row += s.cellCount();
        }
        // var says which feature carries the class (also: io.jhdf 0.13 cannot write the empty
        // column-order attribute of a var without columns).
        List<String> role = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            role.add(j == 0 ? "class" : "noise");
        }
        return AnnData.of(new DenseMatrix(n, d, x), obs(cohort, "mode"),
                new DataFrame(cohort.featureNames(), Map.of("role", Column.Categorical.of(role))));
    }

    /** A CSR cohort's samples stacked into one CSR X (never densified), obs sample / class / cell_type. */
    private static AnnData sparseAnnData(Cohort cohort) {
        int n = (int) cohort.cellCount();
        long nnz = 0;
        for (Sample s : cohort.samples()) {
            nnz += s.cells().storedEntries();
        }
        if (nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(nnz + " non-zeros do not fit one Java array; expected at most "
                    + (Integer.MAX_VALUE - 8) + " (use fewer samples, cells or features)");
        }
        int[] ptr = new int[n + 1];
        int[] idx = new int[(int) nnz];
        float[] val = new float[(int) nnz];
        int row = 0;
        int at = 0;
        for (Sample s : cohort.samples()) {
            CsrMatrix x = ((CsrMatrix) s.cells()).compact();
            System.arraycopy(x.columnIndices(), 0, idx, at, x.columnIndices().length);
            System.arraycopy(x.values(), 0, val, at, x.values().length);
            int[] p = x.rowPointers();
            for (int i = 0; i < x.rows(); i++) {
                ptr[row + i + 1] = at + p[i + 1];
            }
            at += x.values().length;
            row += x.rows();
        }
        int d = cohort.featureCount();
        List<String> role = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            role.add("gene");
        }
        return AnnData.of(new CsrMatrix(n, d, ptr, idx, val), obs(cohort, "cell_type"),
                new DataFrame(cohort.featureNames(), Map.of("role", Column.Categorical.of(role))));
    }

    /** obs of the stacked cells, indexed by cell id: sample, class and the cell annotation {@code annotation}. */
    private static DataFrame obs(Cohort cohort, String annotation) {
        int n = (int) cohort.cellCount();
        List<String> index = new ArrayList<>(n);
        List<String> sample = new ArrayList<>(n);
        List<String> label = new ArrayList<>(n);
        List<String> notes = new ArrayList<>(n);
        for (Sample s : cohort.samples()) {
            index.addAll(s.cellIds());
            notes.addAll(s.cellAnnotations().get(annotation));
            for (int i = 0; i < s.cellCount(); i++) {
                sample.add(s.id());
                label.add(s.classLabel());
            }
        }
        Map<String, Column> obs = new LinkedHashMap<>();
        obs.put("sample", Column.Categorical.of(sample));
        obs.put("class", Column.Categorical.of(label));
        obs.put(annotation, Column.Categorical.of(notes));
        return new DataFrame(index, obs);
    }
}
