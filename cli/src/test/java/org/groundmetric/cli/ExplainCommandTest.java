package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code groundmetric explain} end to end: a paper-scale cohort (small) whose class signal sits in
 * five genes of type_0, a diagonal model trained on it by the CLI, then the per-group table, the
 * per-pair table and the shift scores in a copy of the .h5ad, read back by Python's anndata.
 */
class ExplainCommandTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static CliRun run;

    @BeforeAll
    static void trainAndExplain() {
        data = dir.resolve("cohort.h5ad");
        model = dir.resolve("model.json");
        CliRun synth = CliRun.of("synth", "--preset", "paper-scale", "--samples", "24", "--classes", "2",
                "--cells-per-sample", "40", "--features", "80", "--cell-types", "4", "--density", "0.3",
                "--signal-genes", "5", "--seed", "1", "-q", "--out", data.toString());
        assertEquals(0, synth.exitCode(), synth.err());
        CliRun train = CliRun.of("train", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--form", "diagonal", "--epochs", "15", "--lr", "0.02", "--batch-size", "32", "-q", "--threads", "2",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        run = CliRun.of("explain", "--model", model.toString(), "--input", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--group-key", "cell_type", "--threads", "2", "-q",
                "--out", dir.resolve("explain.tsv").toString(), "--pairs-out", dir.resolve("pairs.tsv").toString(),
                "--write-h5ad", dir.resolve("shift.h5ad").toString());
    }

    @Test
    void theSignalCellTypeComesFirstInTheTable() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(dir.resolve("explain.tsv"));
        assertEquals("group\tshare\tstate_share\tcomposition_share\twithin_class_share\tcells", lines.get(0));
        assertEquals(5, lines.size(), "a header and one row per cell type");
        assertTrue(lines.get(1).startsWith("type_0\t"), String.join("\n", lines));
        String[] top = lines.get(1).split("\t");
        assertTrue(Double.parseDouble(top[2]) > Double.parseDouble(top[3]),
                "type_0 differs mostly by state (state_share > composition_share): " + lines.get(1));
        double total = 0;
        long cells = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            double share = Double.parseDouble(f[1]);
            assertEquals(share, Double.parseDouble(f[2]) + Double.parseDouble(f[3]), 1e-5, "state + composition: " + line);
            total += share;
            cells += Long.parseLong(f[5]);
        }
        assertEquals(1, total, 1e-4, "the shares sum to 1");
        assertEquals(24 * 40, cells);
        assertTrue(run.out().contains("276 pairs"), run.out());
        assertTrue(run.out().contains("wrote " + dir.resolve("explain.tsv")), run.out());
    }

    @Test
    void thePairTableHasOneRowPerPairAndGroup() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(dir.resolve("pairs.tsv"));
        assertEquals("sample_a\tsample_b\tclass_a\tclass_b\tsame_class\tdistance\tgroup\tshare\tstate_share"
                + "\tcomposition_share", lines.get(0));
        assertEquals(1 + 276 * 4, lines.size());
        String[] first = lines.get(1).split("\t");
        assertEquals("sample_000", first[0]);
        assertEquals("sample_001", first[1]);
        assertEquals("false", first[4], "samples 0 and 1 are of different classes (round robin)");
    }

    /** obs["ggml_shift"] read by Python's anndata: one float per cell, in [0, 1], highest in type_0. */
    @Test
    void pythonAnndataReadsTheShiftScores() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        String script = String.join("\n",
                "import sys, anndata, numpy as np",
                "a = anndata.read_h5ad(sys.argv[1])",
                "s = a.obs['ggml_shift']",
                "means = s.groupby(a.obs['cell_type']).mean()",
                "print(a.n_obs, s.dtype.kind, int(s.isna().sum()), '%.6f %.6f' % (s.min(), s.max()), means.idxmax(),",
                "      ' '.join(sorted(a.obs.columns)))");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-W", "ignore", "-c", script,
                dir.resolve("shift.h5ad").toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "skipped: no /usr/bin/python3");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assumeTrue(!out.contains("No module named 'anndata'"), "skipped: /usr/bin/python3 has no anndata");
        String[] f = out.split(" ");
        assertEquals("960", f[0], out);
        assertEquals("f", f[1], "a float column: " + out);
        assertEquals("0", f[2], "every cell was explained: " + out);
        assertTrue(Double.parseDouble(f[3]) >= 0 && Double.parseDouble(f[4]) <= 1, out);
        assertEquals("type_0", f[5], "the signal cell type has the highest mean shift: " + out);
        assertTrue(out.endsWith("cell_type class ggml_shift sample"), out);
    }

    @Test
    void explainWithoutLabelsOrWithAWrongGroupKeyIsOneLine() {
        CliRun noLabels = CliRun.of("explain", "--model", model.toString(), "--input", data.toString(), "--sample-key",
                "sample", "--group-key", "cell_type", "--out", dir.resolve("x.tsv").toString());
        assertEquals(2, noLabels.exitCode());
        assertTrue(noLabels.err().startsWith("error: explain compares samples of different classes: give --label-key"),
                noLabels.err());
        CliRun wrongKey = CliRun.of("explain", "--model", model.toString(), "--input", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--group-key", "leiden", "--out", dir.resolve("x.tsv").toString());
        assertEquals(2, wrongKey.exitCode());
        assertTrue(wrongKey.err().contains("group key 'leiden' is not among the columns")
                && wrongKey.err().trim().endsWith("(--group-key)"), wrongKey.err());
        assertEquals(1, wrongKey.err().trim().lines().count(), wrongKey.err());
        assertFalse(Files.exists(dir.resolve("x.tsv")));
    }
}
