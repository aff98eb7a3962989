package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.groundmetric.testing.FuzzInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz suite: every command against crafted inputs (core's {@code fuzz/make_fuzz_inputs.py}),
 * impossible settings, damaged model files and outputs that must not be replaced. Each row must
 * end the same way: exit code 2, exactly one {@code error:} line saying what is wrong, nothing left
 * in the output folder (no result, no temporary, no half-made directory), every input unchanged and
 * every non-regular thing at an output path (directory, symlink, named pipe) still what it was.
 *
 * <p>In the arguments, {@code {name}} is a fuzz input (copied into the inputs folder),
 * {@code {model}} a model trained on good.h5ad with its reference kept, {@code {model:edit}} that
 * model's JSON with one field damaged, and {@code @name} a path in the per-row output folder, which
 * holds sentinels: {@code dir/}, {@code link.json} (a symlink), {@code fifo} (a named pipe),
 * {@code file.txt}, {@code axes/axis2.txt/} and {@code report/index.html/} (directories where a
 * late file of a set would go) and {@code busy.predictions.csv/}.
 */
class FuzzCommandsTest {

    @TempDir
    static Path inputs;

    @TempDir
    Path out;

    private static final String[] FILES = {"good.h5ad", "counts.h5ad", "x_cut_dense.h5ad", "x_cut_chunked.h5ad",
        "signature_only.h5ad", "header_cut.h5ad", "zero_cells.h5ad", "zero_genes.h5ad", "csr_column_out_of_range.h5ad",
        "csr_indptr_decreasing.h5ad", "categorical_code_out_of_range.h5ad", "x_var_mismatch.h5ad", "nan_in_x.h5ad",
        "inf_in_x.h5ad", "huge_in_x.h5ad", "negative_count.h5ad", "duplicate_genes.h5ad", "good.csv",
        "non_numeric_cell.csv", "nan_cell.csv"};

    /** Damaged copies of the trained model: name → (regular expression for the first match, replacement). */
    private static final Map<String, String[]> MODEL_EDITS = Map.of(
            "null_in_w", new String[] {"\"weights\" : \\[ \\[ [-0-9.eE]+", "\"weights\" : [ [ null"},
            "string_version", new String[] {"\"formatVersion\" : 1", "\"formatVersion\" : \"1\""},
            "nan_in_w", new String[] {"\"weights\" : \\[ \\[ [-0-9.eE]+", "\"weights\" : [ [ NaN"},
            "scales_short", new String[] {"\"featureScales\" : \\[ ", "\"featureScales\" : [ 1.0, "},
            "version_2", new String[] {"\"formatVersion\" : 1", "\"formatVersion\" : 2"});

    @BeforeAll
    static void prepareInputs() throws IOException {
        for (String f : FILES) {
            FuzzInputs.copy(f, inputs);
        }
        Path model = inputs.resolve("model.json");
        CliRun train = CliRun.of("train", "-i", inputs.resolve("good.h5ad").toString(), "--sample-key", "sample",
                "--label-key", "class", "--epochs", "2", "--keep-reference", "-q", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        String json = Files.readString(model);
        for (Map.Entry<String, String[]> e : MODEL_EDITS.entrySet()) {
            Matcher m = Pattern.compile(e.getValue()[0]).matcher(json);
            assertTrue(m.find(), e.getKey());
            Files.writeString(inputs.resolve("model_" + e.getKey() + ".json"),
                    m.replaceFirst(Matcher.quoteReplacement(e.getValue()[1])));
        }
    }

    @BeforeEach
    void sentinels() throws Exception {
        Files.createDirectory(out.resolve("dir"));
        Files.createSymbolicLink(out.resolve("link.json"), out.resolve("target.json"));
        Files.writeString(out.resolve("file.txt"), "keep me");
        Files.createDirectories(out.resolve("axes/axis2.txt"));
        Files.createDirectories(out.resolve("report/index.html"));
        Files.createDirectories(out.resolve("busy.predictions.csv"));
        new ProcessBuilder("mkfifo", out.resolve("fifo").toString()).start().waitFor();
    }

    private static Arguments row(String expected, String... args) {
        return Arguments.of(String.join(" ", args), List.of(args), expected);
    }

    static Stream<Arguments> rows() {
        String[] train = {"train", "--sample-key", "sample", "--label-key", "class", "--epochs", "1", "-q"};
        return Stream.of(
                // damaged or truncated input files
                row("/X is cut off", "distances", "-i", "{x_cut_dense.h5ad}", "--sample-key", "sample", "-o", "@d.tsv"),
                row("/X is cut off", "distances", "-i", "{x_cut_chunked.h5ad}", "--sample-key", "sample", "-o", "@d.tsv"),
                row("holds only 8 bytes", "inspect", "{signature_only.h5ad}"),
                row("HDF5 structure is damaged", "distances", "-i", "{header_cut.h5ad}", "--sample-key", "sample", "-o", "@d.tsv"),
                row("X is 0 cells × 4 features", "distances", "-i", "{zero_cells.h5ad}", "--sample-key", "sample", "-o", "@d.tsv"),
                row("X is 60 cells × 0 features", "distances", "-i", "{zero_genes.h5ad}", "--sample-key", "sample", "-o", "@d.tsv"),
                row("column index 7 of stored entry 7", "distances", "-i", "{csr_column_out_of_range.h5ad}", "--sample-key",
                        "sample", "-o", "@d.tsv"),
                row("indptr decreases at row 5", "distances", "-i", "{csr_indptr_decreasing.h5ad}", "--sample-key", "sample",
                        "-o", "@d.tsv"),
                row("/obs/sample: categorical code 9 at row 13", "inspect", "{categorical_code_out_of_range.h5ad}"),
                row("X has 4 columns but var names 3 features", "distances", "-i", "{x_var_mismatch.h5ad}", "--sample-key",
                        "sample", "-o", "@d.tsv"),
                // values that cannot be computed on
                row("holds NaN; cells need finite numbers: fix the file, or leave such cells out (--drop-nonfinite-cells)",
                        cat(train, "-i", "{nan_in_x.h5ad}", "--out", "@m.json")),
                row("holds +Inf", cat(train, "-i", "{inf_in_x.h5ad}", "--out", "@m.json")),
                row("holds +Inf", cat(train, "-i", "{huge_in_x.h5ad}", "--out", "@m.json")),
                row("holds NaN", "predict", "--model", "{model}", "-i", "{nan_in_x.h5ad}", "--sample-key", "sample",
                        "--out", "@p.tsv"),
                row("holds NaN", "embed", "--model", "{model}", "-i", "{nan_in_x.h5ad}", "--sample-key", "sample",
                        "--write-h5ad", "@e.h5ad", "--out", "@cells.tsv"),
                row("cannot leave cells out (--drop-nonfinite-cells)", "embed", "--model", "{model}", "-i",
                        "{nan_in_x.h5ad}", "--sample-key", "sample", "--write-h5ad", "@e.h5ad", "--drop-nonfinite-cells"),
                row("holds NaN", "distances", "-i", "{nan_cell.csv}", "--sample-key", "sample", "-o", "@d.tsv"),
                row("line 18, column 'g1': 'abc' is not a number", "distances", "-i", "{non_numeric_cell.csv}",
                        "--sample-key", "sample", "-o", "@d.tsv"),
                row("holds -2.0 for feature 'g1'", cat(train, "-i", "{negative_count.h5ad}", "--normalize", "log1p",
                        "--out", "@m.json")),
                row("the data names two features 'g2'", "predict", "--model", "{model}", "-i", "{duplicate_genes.h5ad}",
                        "--sample-key", "sample", "--out", "@p.tsv"),
                // impossible settings, and options that would be silently ignored
                row("epochs = 0; expected at least 1 (--epochs)", "train", "-i", "{good.h5ad}", "--sample-key", "sample",
                        "--label-key", "class", "--epochs", "0", "--out", "@m.json"),
                row("training diverged", cat(train, "-i", "{good.h5ad}", "--lr", "1e308", "--out", "@m.json")),
                row("learning rate = -1.0", cat(train, "-i", "{good.h5ad}", "--lr", "-1", "--out", "@m.json")),
                row("--threads 100000 is outside", cat(train, "-i", "{good.h5ad}", "--threads", "100000", "--out", "@m.json")),
                row("(--min-cells)", cat(train, "-i", "{good.h5ad}", "--min-cells", "0", "--out", "@m.json")),
                row("--keep-small-samples has no effect without --cells-per-sample", cat(train, "-i", "{good.h5ad}",
                        "--keep-small-samples", "--out", "@m.json")),
                row("trains on only 5 samples; lower k (--k)", "tune", "-i", "{good.h5ad}", "--sample-key", "sample",
                        "--label-key", "class", "--k", "50", "--epochs", "1", "-q", "--out", "@grid.csv"),
                row("k = 50 neighbours asked", "predict", "--model", "{model}", "-i", "{good.h5ad}", "--sample-key",
                        "sample", "--k", "50", "--out", "@p.tsv"),
                row("--metric has no effect with --model", "distances", "--model", "{model}", "--metric", "cosine",
                        "-i", "{good.h5ad}", "--sample-key", "sample", "-o", "@d.tsv"),
                row("(--cell-metadata)", "distances", "-i", "{good.h5ad}", "--sample-key", "sample", "--cell-metadata",
                        "{good.csv}", "-o", "@d.tsv"),
                row("--metadata-columns applies to CSV/TSV tables", "distances", "-i", "{good.h5ad}", "--sample-key",
                        "sample", "--metadata-columns", "g0", "-o", "@d.tsv"),
                row("--label-policy majority has no effect without --label-key", "distances", "-i", "{good.h5ad}",
                        "--sample-key", "sample", "--label-policy", "majority", "-o", "@d.tsv"),
                row("--reference-filter has no effect without --reference", "predict", "--model", "{model}", "-i",
                        "{good.h5ad}", "--sample-key", "sample", "--reference-filter", "split=train", "--out", "@p.tsv"),
                // a choice picocli refuses: the same one line, the fix (the command's help) on it
                row("Invalid value for option '--preset': 'foo' is not one of synth2d, synth200d, paper-scale"
                        + " (see 'groundmetric synth --help')", "synth", "--preset", "foo", "--out", "@s.h5ad"),
                row("Invalid value for option '--normalize': 'cpm' is not one of none, log1p"
                        + " (see 'groundmetric train --help')", cat(train, "-i", "{good.h5ad}", "--normalize", "cpm",
                        "--out", "@m.json")),
                row("every method failed (GGML: ", "benchmark", "-i", "{good.h5ad}", "--sample-key", "sample",
                        "--label-key", "class", "--splits", "1", "--k", "1", "--cell-k", "5", "--methods", "GGML",
                        "--budget-minutes", "0.000001", "-q", "--out", "@b.csv"),
                // damaged model files
                row("weights[0][0] is null; expected a number", "genes", "--model", "{model:null_in_w}", "--out", "@g.tsv"),
                row("weights[0][0] is NaN; expected a finite number", "genes", "--model", "{model:nan_in_w}", "--out", "@g.tsv"),
                row("formatVersion is the string \"1\"; expected a whole number", "genes", "--model",
                        "{model:string_version}", "--out", "@g.tsv"),
                row("formatVersion is 2", "genes", "--model", "{model:version_2}", "--out", "@g.tsv"),
                row("featureScales has 5 values; expected 4", "predict", "--model", "{model:scales_short}", "-i",
                        "{good.h5ad}", "--sample-key", "sample", "--out", "@p.tsv"),
                // outputs that are not regular files, or are inputs, or clash
                row("fifo is a device, named pipe or socket", cat(train, "-i", "{good.h5ad}", "--out", "@fifo")),
                row("dir is a directory", cat(train, "-i", "{good.h5ad}", "--out", "@dir")),
                row("link.json is a symbolic link", cat(train, "-i", "{good.h5ad}", "--out", "@link.json")),
                row("is also an input of this command", cat(train, "-i", "{good.h5ad}", "--out", "{good.h5ad}")),
                row("--out and --distances-out both name", "predict", "--model", "{model}", "-i", "{good.h5ad}",
                        "--sample-key", "sample", "--out", "@p.tsv", "--distances-out", "@p.tsv"),
                row("file.txt is a file, not a directory", "genes", "--model", "{model}", "--out", "@g.tsv",
                        "--axis-lists", "@file.txt"),
                row("axis2.txt is a directory", "genes", "--model", "{model}", "--out", "@g.tsv", "--axis-lists", "@axes"),
                row("index.html is a directory", "report", "--model", "{model}", "-i", "{good.h5ad}", "--sample-key",
                        "sample", "--label-key", "class", "--no-cell-umap", "-q", "--out", "@report"),
                row("busy.predictions.csv is a directory", "benchmark", "-i", "{good.h5ad}", "--sample-key", "sample",
                        "--label-key", "class", "--splits", "1", "--methods", "Euclidean", "-q", "--out", "@busy.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithOneErrorLineLeavingNothingBehind(String name, List<String> args, String expected) throws IOException {
        Map<String, String> inputsBefore = snapshot(inputs);
        Map<String, String> outBefore = snapshot(out);
        CliRun run = CliRun.of(expand(args));
        assertEquals(2, run.exitCode(), run.err());
        List<String> errors = run.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.get(0).contains(expected), errors.get(0));
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), run.err());
        assertEquals(outBefore, snapshot(out), "nothing written, nothing replaced in the output folder");
        assertEquals(inputsBefore, snapshot(inputs), "every input unchanged");
    }

    private String[] expand(List<String> args) {
        List<String> out2 = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("@")) {
                out2.add(out.resolve(a.substring(1)).toString());
            } else if (a.equals("{model}")) {
                out2.add(inputs.resolve("model.json").toString());
            } else if (a.startsWith("{model:")) {
                out2.add(inputs.resolve("model_" + a.substring(7, a.length() - 1) + ".json").toString());
            } else if (a.startsWith("{")) {
                out2.add(inputs.resolve(a.substring(1, a.length() - 1)).toString());
            } else {
                out2.add(a);
            }
        }
        return out2.toArray(new String[0]);
    }

    /** Every path under the folder with its kind and size (a file's content length), hidden files included. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> s = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String kind = Files.isSymbolicLink(p) ? "link" : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file " + Files.size(p) : "other";
                s.put(root.relativize(p).toString(), kind);
            }
        }
        return s;
    }

    private static String[] cat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** A device must survive too (as root, train --out /dev/full once turned it into a regular file). */
    @org.junit.jupiter.api.Test
    void aDeviceIsNeverReplaced() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "skipped: no /dev/full");
        CliRun run = CliRun.of(cat(new String[] {"train", "--sample-key", "sample", "--label-key", "class", "--epochs",
            "1", "-q"}, "-i", inputs.resolve("good.h5ad").toString(), "--out", full.toString()));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: /dev/full is a device"), run.err());
        assertTrue(Files.exists(full) && !Files.isRegularFile(full), "still a device");
    }
}
