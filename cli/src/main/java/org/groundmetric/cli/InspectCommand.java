package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.CellDataReader;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adInspector;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.data.io.H5adSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code groundmetric inspect FILE}: what is in a cell data file, so a user can choose the keys. */
@Command(name = "inspect",
        header = "Shows what a cell data file holds (shape, obs/var columns, layers), to choose the keys.", mixinStandardHelpOptions = true,
        description = "Shows what a cell data file holds, to choose --sample-key, --label-key, --layer and --use-rep: its shape, where X comes from and how it is stored (dense/CSR/CSC, value type, density, compression), every obs column with its number of distinct values and the most common ones, the var columns, layers, raw, obsm embeddings and uns keys. For .h5ad files only metadata is read, never the matrix values, so it is fast on large files.%n%nExample:%n  groundmetric inspect kidney.h5ad")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "An .h5ad file, a 10x matrix directory or a CSV/TSV table.")
    Path file;

    @Option(names = "--top", paramLabel = "N", defaultValue = "4",
            description = "How many of the most common values to show per column (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--load",
            description = "Also read the whole cell matrix, as distances/train would, and report how long it took and the Java heap in use: a check that a large file loads, and a timing.")
    boolean load;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.isRegularFile(file) && H5adReader.looksLikeHdf5(file)) {
            printH5ad(out, H5adInspector.inspect(file));
            if (load) {
                long start = System.nanoTime();
                AnnData a = H5adReader.read(file, H5adReader.Options.DEFAULT);
                double seconds = (System.nanoTime() - start) / 1e9;
                Runtime rt = Runtime.getRuntime();
                out.printf(Locale.ROOT, "loaded X (%d x %d, %d stored) in %.2f s; Java heap in use %.0f MB%n",
                        a.cells(), a.features(), a.x().storedEntries(), seconds,
                        (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
            }
        } else {
            // describe the file as it is: NaN and ±Inf are counted here, refused by the commands that compute
            printLoaded(out, CellDataReader.read(file, CellDataReader.Request.of(null, null)
                    .withNonFinite(CellDataReader.NonFiniteValues.KEEP)));
        }
        out.flush();
        return 0;
    }

    private void printH5ad(PrintWriter out, H5adSummary s) {
        out.printf(Locale.ROOT, "file: %s%s%n", s.file(),
                s.encodingVersion() == null ? " (anndata 0.7 or older layout)" : " (anndata encoding " + s.encodingVersion() + ")");
        out.printf(Locale.ROOT, "cells x features: %d x %d%n", s.obs().rows(), s.var().rows());
        out.println("X: " + (s.x() == null ? "(none: use --layer or --use-rep)" : matrix(s.x())));
        out.println("raw/X: " + (s.rawX() == null ? "(none)" : matrix(s.rawX()) + "  (--layer raw)"));
        out.println("layers: " + infos(s.layers(), "--layer"));
        out.println("obsm: " + infos(s.obsm(), "--use-rep"));
        printFrame(out, "obs", s.obs());
        printFrame(out, "var", s.var());
        out.println("uns: " + (s.unsKeys().isEmpty() ? "(none)" : String.join(", ", s.unsKeys())));
    }

    private void printLoaded(PrintWriter out, AnnData a) {
        out.printf(Locale.ROOT, "file: %s%n", file);
        out.printf(Locale.ROOT, "cells x features: %d x %d%n", a.cells(), a.features());
        long stored = a.x().storedEntries();
        out.printf(Locale.ROOT, "X: %s float32, %d stored (%.2f%% of entries)%n",
                a.x() instanceof org.groundmetric.linalg.CsrMatrix ? "csr" : "dense", stored,
                100.0 * stored / Math.max(1.0, (double) a.cells() * a.features()));
        long nonFinite = nonFinite(a);
        if (nonFinite > 0) {
            out.printf(Locale.ROOT, "non-finite values (NaN, ±Inf): %d; other commands refuse them unless given"
                    + " --drop-nonfinite-cells%n", nonFinite);
        }
        printFrame(out, "obs", a.obs());
        printFrame(out, "var", a.var());
    }

    private static long nonFinite(AnnData a) {
        float[] v = a.x() instanceof org.groundmetric.linalg.CsrMatrix csr ? csr.values()
                : ((org.groundmetric.linalg.DenseMatrix) a.x()).data();
        long n = 0;
        for (float f : v) {
            n += Float.isFinite(f) ? 0 : 1;
        }
        return n;
    }

    private static String matrix(H5adSummary.MatrixInfo m) {
        return String.format(Locale.ROOT, "%s %s %s, %d x %d, %d stored (%.2f%% of entries), %s", m.path(), m.format(),
                m.valueType(), m.rows(), m.cols(), m.storedEntries(), 100 * m.density(), m.compression());
    }

    private static String infos(Map<String, H5adSummary.MatrixInfo> map, String option) {
        if (map.isEmpty()) {
            return "(none)";
        }
        List<String> parts = new ArrayList<>();
        map.forEach((k, m) -> parts.add(k + " (" + m.format() + " " + m.valueType() + ", " + m.rows() + " x " + m.cols() + ")"));
        return String.join(", ", parts) + "  (" + option + " NAME)";
    }

    private void printFrame(PrintWriter out, String name, DataFrame f) {
        out.printf(Locale.ROOT, "%s index: %s%n", name, preview(f.index()));
        if (f.columns().isEmpty()) {
            out.println(name + " columns: (none)");
            return;
        }
        out.println(name + " columns (" + f.columns().size() + "):");
        int width = f.columns().keySet().stream().mapToInt(String::length).max().orElse(0);
        f.columns().forEach((col, c) -> {
            Map<String, Integer> counts = c.valueCounts();
            List<String> common = new ArrayList<>();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (common.size() == top) {
                    common.add("…");
                    break;
                }
                common.add(e.getKey() + " (" + e.getValue() + ")");
            }
            out.printf(Locale.ROOT, "  %-" + width + "s  %-11s  %7d distinct  %s%n", col, c.kind(), counts.size(),
                    c instanceof Column.Numeric n && counts.size() > top ? range(n) : String.join(", ", common));
        });
    }

    private static String range(Column.Numeric n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : n.values()) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return String.format(Locale.ROOT, "range %s .. %s", fmt(min), fmt(max));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String preview(List<String> index) {
        return index.size() <= 3 ? String.join(", ", index)
                : String.join(", ", index.subList(0, 3)) + ", … (" + index.size() + ")";
    }
}
