package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    static Path dir;
    static Path report;
    static CliRun run;

    /** One report on the small synth2d draw (2 features, so the unit-ball figure is drawn too). */
    @BeforeAll
    static void writeReport() throws Exception {
        Cohort cohort = TestModels.smallSynth2d(2);
        Path model = dir.resolve("model.json");
        TestModels.train(cohort, model);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        Path bench = dir.resolve("results.csv");
        Files.writeString(bench, "method,accuracy,seconds\nggml,1.00,3.2\n\"euclidean, exact\",0.67,0.4\n");
        Path gmt = Files.writeString(dir.resolve("sets.gmt"), "CLASS_AXIS\tthe class\tDIM0\nNOISE_AXIS\t\tdim1\n");
        report = dir.resolve("report");
        run = CliRun.of("report", "--model", model.toString(), "--input", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--cell-type-key", "mode", "--benchmark", bench.toString(),
                "--out", report.toString(), "-q", "--top", "2", "--gene-sets", gmt.toString(), "--min-set-size", "1");
    }

    @Test
    void writesThePageFiguresAndTables() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        for (String section : List.of("Settings", "Training", "Benchmark", "Samples", "Cells", "Genes")) {
            assertTrue(html.contains("<h2>" + section + "</h2>"), "section " + section);
        }
        assertTrue(html.contains("euclidean, exact"), "benchmark rows are shown, quoted commas kept");
        assertTrue(html.contains(">0.6700</td>"), "benchmark numbers shown to 4 significant digits");
        for (String fig : List.of("training-loss", "wasserstein-heatmap", "samples-mds", "samples-umap",
                "cells-umap-class", "cells-umap-celltype", "gene-importance", "unit-balls")) {
            assertTrue(Files.size(report.resolve(fig + ".png")) > 1000, fig + ".png");
            assertTrue(Files.size(report.resolve(fig + ".svg")) > 1000, fig + ".svg");
        }
        assertFalse(html.contains("http://") || html.contains("https://"), "no network references");
        List<String> genes = Files.readAllLines(report.resolve("genes.tsv"));
        assertTrue(genes.get(1).startsWith("dim0\t"), "dim0 ranks first: " + genes.get(1));
        assertTrue(run.out().startsWith("samples=9 cells=270 k=5"), run.out());
        assertTrue(Files.exists(report.resolve("wasserstein.tsv")) && Files.exists(report.resolve("cells.tsv")));
    }

    /** --gene-sets: the page lists the top sets and enrichment.tsv holds every set against every ranking. */
    @Test
    void showsTheTopGeneSets() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Top gene sets by FDR"), "the gene-set table");
        assertTrue(html.contains("CLASS_AXIS"), "the class axis set is shown");
        List<String> rows = Files.readAllLines(report.resolve("enrichment.tsv"));
        assertEquals("set\tdescription\taxis\tsize\toverlap\tscore\tp_value\tfdr", rows.get(0));
        assertEquals(1 + 2 * 6, rows.size(), "two sets against the overall ranking and 5 axes");
        assertTrue(rows.get(1).startsWith("CLASS_AXIS\tthe class\tall\t1\t1\t1.00000\t"), "dim0 tops the ranking: "
                + rows.get(1));
    }

    @Test
    void rendersInHeadlessChromium() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        String dom = org.groundmetric.report.HeadlessChromiumAccess.dumpDom(report.resolve("index.html"));
        assertTrue(dom.contains("data-images-shown=\"8/8\""), "all 8 figures shown: "
                + dom.substring(0, Math.min(200, dom.length())));
        assertTrue(dom.contains("data-errors=\"0\""));
    }

    @Test
    void unknownCellTypeKeyNamesTheAvailableColumns() throws Exception {
        Path model = dir.resolve("model.json");
        CliRun bad = CliRun.of("report", "--model", model.toString(), "--input", dir.resolve("cells.csv").toString(),
                "--sample-key", "sample", "--label-key", "class", "--cell-type-key", "celltype",
                "--out", dir.resolve("bad").toString(), "-q");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("celltype") && bad.err().contains("mode"), bad.err());
    }
}
