package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    @BeforeAll
    static void trainOnSmallSynth2d() throws Exception {
        Cohort cohort = TestModels.smallSynth2d(1);
        model = dir.resolve("model.json");
        TestModels.train(cohort, model);
        data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
    }

    @Test
    void writesCellsAndSamplesTables() throws Exception {
        Path cells = dir.resolve("out-cells.tsv");
        Path samples = dir.resolve("out-samples.tsv");
        Path w = dir.resolve("w.tsv");
        CliRun run = CliRun.of("embed", "--model", model.toString(), "--input", data.toString(),
                "--sample-key", "sample", "--label-key", "class", "--out", cells.toString(),
                "--samples-out", samples.toString(), "--distances-out", w.toString(), "-q", "--umap-epochs", "100");
        assertEquals(0, run.exitCode(), run.err());
        List<String> cellLines = Files.readAllLines(cells);
        assertEquals("cell\tsample\tclass\tproj1\tproj2\tproj3\tproj4\tproj5\tumap1\tumap2\tmode", cellLines.get(0));
        assertEquals(1 + 9 * 30, cellLines.size());
        List<String> sampleLines = Files.readAllLines(samples);
        assertEquals("sample\tclass\tcells\tmds1\tmds2\tumap1\tumap2", sampleLines.get(0));
        assertEquals(1 + 9, sampleLines.size());
        double[][] d = readMatrix(w);
        // Under the learned metric, samples of one class are closer than samples of different classes.
        double within = 0;
        double between = 0;
        int nw = 0;
        int nb = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = i + 1; j < 9; j++) {
                if (i / 3 == j / 3) {
                    within += d[i][j];
                    nw++;
                } else {
                    between += d[i][j];
                    nb++;
                }
            }
        }
        // Euclidean distances are dominated by the ×1000 noise axis, so there within ≈ between.
        assertTrue(within / nw < 0.75 * between / nb, "mean within " + within / nw + ", between " + between / nb);
        assertTrue(run.out().contains("samples=9 cells=270 k=5"), run.out());
        // The layouts' trustworthiness against W_θ, recomputed here from the written tables.
        java.util.regex.Matcher t = java.util.regex.Pattern.compile(
                "trustworthiness of the sample layouts against W_θ \\(k=4\\): MDS ([0-9.]+), UMAP ([0-9.]+)").matcher(run.out());
        assertTrue(t.find(), run.out());
        double[][] mds = new double[9][2];
        for (int i = 0; i < 9; i++) {
            String[] f = sampleLines.get(i + 1).split("\t");
            mds[i][0] = Double.parseDouble(f[3]);
            mds[i][1] = Double.parseDouble(f[4]);
        }
        assertEquals(org.groundmetric.embed.Trustworthiness.score(d, mds, 4), Double.parseDouble(t.group(1)), 1e-3);
        assertTrue(Double.parseDouble(t.group(2)) > 0.5, run.out());
    }

    /**
     * --mix 0 is the Euclidean metric alone, in the model's units (scaled to its median cell
     * distance): two different models give proportional W_θ.
     */
    @Test
    void mixZeroIgnoresTheModel() throws Exception {
        Path other = TestModels.withWeights(new double[][] {{5, 0}}, List.of("dim0", "dim1"), dir.resolve("other.json"));
        double[][] a = distancesWith(model, "0");
        double[][] b = distancesWith(other, "0");
        double[][] c = distancesWith(other, "1");
        double ratio = b[0][1] / a[0][1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[i][j] * ratio, b[i][j], 1e-4 * Math.max(1, b[i][j]));
            }
        }
        assertTrue(Math.abs(c[0][3] - a[0][3]) > 1e-3, "mix 1 uses the model");
    }

    @Test
    void writesOnlyTheTablesAskedForAndRefusesNothingToWrite() {
        Path samples = dir.resolve("only-samples.tsv");
        CliRun run = CliRun.of("embed", "--model", model.toString(), "--input", data.toString(),
                "--sample-key", "sample", "--label-key", "class", "--samples-out", samples.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(java.nio.file.Files.exists(samples));
        CliRun nothing = CliRun.of("embed", "--model", model.toString(), "--input", data.toString(),
                "--sample-key", "sample", "-q");
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.err().startsWith("error: nothing to write"), nothing.err());
    }

    @Test
    void refusesAMixOutsideTheUnitInterval() {
        CliRun run = CliRun.of("embed", "--model", model.toString(), "--input", data.toString(),
                "--sample-key", "sample", "--out", dir.resolve("x.tsv").toString(),
                "--samples-out", dir.resolve("y.tsv").toString(), "--mix", "1.5", "-q");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--mix 1.5"), run.err());
    }

    private static double[][] distancesWith(Path m, String mix) throws Exception {
        Path w = dir.resolve("w-" + m.getFileName() + "-" + mix + ".tsv");
        CliRun run = CliRun.of("embed", "--model", m.toString(), "--input", data.toString(),
                "--sample-key", "sample", "--out", dir.resolve("c.tsv").toString(),
                "--samples-out", dir.resolve("s.tsv").toString(), "--distances-out", w.toString(),
                "--mix", mix, "--no-cell-umap", "-q");
        assertEquals(0, run.exitCode(), run.err());
        return readMatrix(w);
    }

    static double[][] readMatrix(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        double[][] d = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            d[i - 1] = new double[f.length - 1];
            for (int j = 1; j < f.length; j++) {
                d[i - 1][j - 1] = Double.parseDouble(f[j]);
            }
        }
        return d;
    }
}
