package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures of the paper the report draws from a model (issue 21). */
class PaperFiguresTest {

    /** Fig. 2a: W = I on Synth2D's two features draws the raw cells, by class and by mode. */
    @Test
    void aRankTwoModelDrawsTheCellsImagesThemselves(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(1);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        Path identity = TestModels.withWeights(new double[][] {{1, 0}, {0, 1}}, List.of("dim0", "dim1"),
                dir.resolve("euclidean.json"));
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("report", "--model", identity.toString(), "--input", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--cell-type-key", "mode", "--out", report.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        for (String fig : new String[] {"cells-projection-class", "cells-projection-celltype"}) {
            assertTrue(Files.size(report.resolve(fig + ".svg")) > 1000, fig);
            assertTrue(html.contains(fig), fig);
        }
    }

    /** Fig. 3: the samples a model (trained with --keep-reference) saw are marked in samples.tsv. */
    @Test
    void theTrainingSamplesAreMarked(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path model = dir.resolve("m.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--filter", "sample=sample_00,sample_01,sample_10,sample_11,sample_20,sample_21",
                "--cells-per-sample", "10", "--epochs", "1", "--keep-reference", "--quiet", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path samples = dir.resolve("samples.tsv");
        CliRun embed = CliRun.of("embed", "--model", model.toString(), "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--filter", "sample=sample_00,sample_01,sample_02,sample_10,sample_11,"
                        + "sample_12,sample_20,sample_21,sample_22", "--samples-out", samples.toString(), "-q");
        assertEquals(0, embed.exitCode(), embed.err());
        List<String> rows = Files.readAllLines(samples);
        assertTrue(rows.get(0).endsWith("\ttraining"), rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            boolean seen = !row.startsWith("sample_02") && !row.startsWith("sample_12") && !row.startsWith("sample_22");
            assertTrue(row.endsWith(seen ? "\t1" : "\t0"), row);
        }
    }

    /** embed --metric euclidean: no model file; the images are the cells, W_θ is distances --metric euclidean. */
    @Test
    void theEuclideanMetricEmbedsWithoutAModel(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(2);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        Path cells = dir.resolve("cells.tsv");
        Path w = dir.resolve("w.tsv");
        CliRun run = CliRun.of("embed", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--out", cells.toString(), "--distances-out", w.toString(), "--no-cell-umap",
                "-q");
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(cells);
        assertTrue(rows.get(0).startsWith("cell\tsample\tclass\tproj1\tproj2"), rows.get(0));
        List<String> csv = Files.readAllLines(data);
        for (int r = 1; r < rows.size(); r++) {
            String[] got = rows.get(r).split("\t");
            String[] raw = csv.get(r).split(",");
            assertEquals(raw[0], got[0]);
            assertEquals(Double.parseDouble(raw[1]), Double.parseDouble(got[3]), 1e-5 * Math.max(1, Math.abs(Double.parseDouble(raw[1])))); // cells.tsv keeps 6 digits
            assertEquals(Double.parseDouble(raw[2]), Double.parseDouble(got[4]), 1e-5 * Math.max(1, Math.abs(Double.parseDouble(raw[2]))));
        }
        Path d = dir.resolve("d.tsv");
        assertEquals(0, CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--metric", "euclidean",
                "--quiet", "--out", d.toString()).exitCode());
        double[][] a = EmbedCommandTest.readMatrix(w);
        double[][] b = EmbedCommandTest.readMatrix(d);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                assertEquals(b[i][j], a[i][j], 1e-5 * Math.max(1, b[i][j])); // W.tsv keeps 6 digits
            }
        }
        CliRun neither = CliRun.of("embed", "-i", data.toString(), "--sample-key", "sample", "--out",
                dir.resolve("x.tsv").toString(), "-q");
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("give --model model.json or --metric euclidean"), neither.err());
    }
}
