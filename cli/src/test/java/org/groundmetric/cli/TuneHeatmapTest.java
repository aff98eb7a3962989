package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tune --heatmap draws the grid it prints, titled with the regulariser (Fig. 5). */
class TuneHeatmapTest {

    @Test
    void theHeatmapHoldsEveryGridValueAndTheRegulariser(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path svg = dir.resolve("grid.svg");
        Path csv = dir.resolve("grid.csv");
        CliRun run = CliRun.of("tune", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "10", "--epochs", "1", "--alpha", "1,10", "--lambda", "0.1,1", "--cv", "split",
                "--reg", "matrix-l1", "--quiet", "--out", csv.toString(), "--heatmap", svg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + svg), run.out());
        String picture = Files.readString(svg);
        assertTrue(picture.startsWith("<?xml") && picture.contains("<svg"), picture.substring(0, 80));
        assertTrue(picture.contains("matrix-l1 regulariser"), "titled with the regulariser");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            double v = Double.parseDouble(row.split(",")[2]);
            assertTrue(picture.contains(">" + String.format(Locale.ROOT, "%.2f", v) + "<"), "cell " + row);
        }
    }
}
