package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.groundmetric.data.Cohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fig. 3's cell selection: benchmark --cells-out, then embed/report --cell-filter. */
class CellFilterTest {

    @Test
    void theBenchmarkCountsEveryHeldOutCellAndEmbedKeepsThoseRightOftenEnough(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(4);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        Path cellsOut = dir.resolve("bench-cells.tsv");
        Path results = dir.resolve("bench.csv");
        CliRun bench = CliRun.of("benchmark", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--methods", "GGML,Euclidean", "--cv", "split", "--splits", "3", "--epochs", "2", "--k", "1",
                "--cell-k", "5", "--clustering-cells", "0", "-q", "--out", results.toString(),
                "--cells-out", cellsOut.toString());
        assertEquals(0, bench.exitCode(), bench.err());
        List<String> rows = Files.readAllLines(cellsOut);
        assertEquals("sample\tcell\tclass\tsplits_evaluated\tsplits_correct\tfraction_correct\t"
                + "fraction_correct_Euclidean", rows.get(0));
        long evaluated = 0;
        long correct = 0;
        Set<String> atLeast09 = new HashSet<>();
        Set<String> cellIds = new HashSet<>();
        cohort.samples().forEach(s -> cellIds.addAll(s.cellIds()));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            assertTrue(cellIds.contains(f[1]), row);
            int e = Integer.parseInt(f[3]);
            int c = Integer.parseInt(f[4]);
            assertTrue(e >= 1 && e <= 3 && c <= e, row);
            assertEquals((double) c / e, Double.parseDouble(f[5]), 1e-15, row);
            evaluated += e;
            correct += c;
            if ((double) c / e >= 0.9) {
                atLeast09.add(f[1]);
            }
        }
        // each split tests equally many cells (3 classes × 1 or 2 samples × 30 cells), so the pooled share of
        // right votes is the mean over the three rounds of the cell accuracy the summary table reports
        String ggml = Files.readAllLines(results).get(1);
        List<String> header = List.of(Files.readAllLines(results).get(0).split(","));
        double cellAccuracy = Double.parseDouble(ggml.split(",")[header.indexOf("cell_accuracy")]);
        assertEquals(cellAccuracy, (double) correct / evaluated, 1e-12);
        assertTrue(bench.out().contains("wrote " + cellsOut + ": " + (rows.size() - 1) + " held-out cells, "
                + atLeast09.size() + " of them right in at least 90 % of GGML's splits"), bench.out());
        assertFalse(atLeast09.isEmpty());

        Path cells = dir.resolve("cells.tsv");
        CliRun embed = CliRun.of("embed", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--out", cells.toString(), "--no-cell-umap", "-q",
                "--cell-filter", cellsOut + ":0.9");
        assertEquals(0, embed.exitCode(), embed.err());
        assertTrue(embed.out().contains(" cells_drawn=" + atLeast09.size() + " "), embed.out());
        Set<String> drawn = new HashSet<>();
        for (String row : Files.readAllLines(cells).subList(1, atLeast09.size() + 1)) {
            drawn.add(row.split("\t")[0]);
        }
        assertEquals(atLeast09, drawn);
        assertEquals(atLeast09.size() + 1, Files.readAllLines(cells).size());
    }

    @Test
    void aMissingTableUnknownCellsOrNoCellLeaveNothingBehind(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(5);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        String cell = cohort.sample(0).cellIds().get(0);
        Path unknown = Files.writeString(dir.resolve("unknown.tsv"), "sample\tcell\tfraction_correct\n"
                + cohort.sample(0).id() + "\tnot-a-cell\t1\n");
        Path low = Files.writeString(dir.resolve("low.tsv"), "sample\tcell\tfraction_correct\n"
                + cohort.sample(0).id() + "\t" + cell + "\t0.5\n");
        String[][] cases = {
            {dir.resolve("missing.tsv").toString(), "does not exist"},
            {unknown.toString(), "names cell 'not-a-cell'"},
            {low + ":0.9", "no cell of cell table"},
        };
        for (String[] c : cases) {
            Path cells = dir.resolve("cells.tsv");
            CliRun embed = CliRun.of("embed", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                    "--out", cells.toString(), "--no-cell-umap", "-q", "--cell-filter", c[0]);
            assertEquals(2, embed.exitCode(), embed.err());
            assertTrue(embed.err().startsWith("error: --cell-filter"), embed.err());
            assertTrue(embed.err().contains(c[1]), embed.err());
            assertEquals(1, embed.err().strip().lines().count(), embed.err());
            assertFalse(Files.exists(cells));
            Path report = dir.resolve("report");
            CliRun rep = CliRun.of("report", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                    "--label-key", "class", "--out", report.toString(), "--no-cell-umap", "-q", "--cell-filter", c[0]);
            assertEquals(2, rep.exitCode(), rep.err());
            assertTrue(rep.err().contains(c[1]), rep.err());
            assertFalse(Files.exists(report.resolve("index.html")));
        }
        CliRun noGgml = CliRun.of("benchmark", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--methods", "Euclidean", "-q", "--out", dir.resolve("b.csv").toString(), "--cells-out",
                dir.resolve("c.tsv").toString());
        assertEquals(2, noGgml.exitCode());
        assertTrue(noGgml.err().contains("add GGML to --methods"), noGgml.err());
    }
}
