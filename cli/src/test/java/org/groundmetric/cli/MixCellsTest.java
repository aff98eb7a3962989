package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** embed --mix blends at the level of cells (Fig. 4): the cell UMAP changes with s, the projection does not. */
class MixCellsTest {

    private static List<String> column(Path cells, String name) throws Exception {
        List<String> lines = Files.readAllLines(cells);
        int c = List.of(lines.get(0).split("\t")).indexOf(name);
        return lines.stream().skip(1).map(l -> l.split("\t")[c]).toList();
    }

    @Test
    void theCellUmapIsDrawnUnderTheBlend(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(1);
        Path model = dir.resolve("model.json");
        TestModels.train(cohort, model);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        Path pure = dir.resolve("pure.tsv");
        Path half = dir.resolve("half.tsv");
        for (Path[] run : new Path[][] {{pure, Path.of("1")}, {half, Path.of("0.5")}}) {
            CliRun r = CliRun.of("embed", "--model", model.toString(), "--input", data.toString(), "--sample-key",
                    "sample", "--label-key", "class", "--out", run[0].toString(), "--mix", run[1].toString(), "-q",
                    "--umap-epochs", "50");
            assertEquals(0, r.exitCode(), r.err());
            if (run[0] == half) {
                assertTrue(r.out().contains("metric=blend(0.5·ggml"), r.out());
                assertTrue(r.out().contains("same median)"), r.out());
            }
        }
        assertEquals(column(pure, "proj1"), column(half, "proj1"), "proj stays the model's image");
        assertNotEquals(column(pure, "umap1"), column(half, "umap1"), "the cell UMAP follows the blend");
    }
}
