package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneImportanceTest {

    // W (2×4): axis 1 = 3·dim0 − 1·dim2, axis 2 = 1·dim1 + 1·dim2. diag(WᵀW) = 9, 1, 2, 0 → /12.
    static final double[] W = {3, 0, -1, 0, 0, 1, 1, 0};
    static final List<String> NAMES = List.of("dim0", "dim1", "dim2", "dim3");

    @Test
    void importanceIsTheNormalisedDiagonalOfWtW() {
        GeneImportance g = GeneImportance.of(W, 2, NAMES);
        assertEquals(9 / 12.0, g.importance()[0], 1e-12);
        assertEquals(1 / 12.0, g.importance()[1], 1e-12);
        assertEquals(2 / 12.0, g.importance()[2], 1e-12);
        assertEquals(0, g.importance()[3], 1e-12);
        List<GeneImportance.Ranked> r = g.ranked();
        assertEquals(List.of("dim0", "dim2", "dim1", "dim3"), r.stream().map(GeneImportance.Ranked::name).toList());
        assertEquals(1, r.get(0).rank());
    }

    @Test
    void axesListTheirTopFeaturesWithSigns() {
        GeneImportance g = GeneImportance.of(W, 2, NAMES);
        List<GeneImportance.AxisFeature> a1 = g.topOfAxis(0, 2);
        assertEquals("dim0", a1.get(0).name());
        assertEquals(3, a1.get(0).weight());
        assertEquals("dim2", a1.get(1).name());
        assertEquals(-1, a1.get(1).weight());
    }

    @Test
    void writesTheTableAndOneListPerAxis(@TempDir Path dir) throws Exception {
        GeneImportance g = GeneImportance.of(W, 2, NAMES);
        Path tsv = dir.resolve("genes.tsv");
        g.writeTsv(tsv, 0);
        List<String> lines = Files.readAllLines(tsv);
        assertEquals("feature\timportance\trank\taxis1\taxis2", lines.get(0));
        assertEquals("dim0\t0.750000\t1\t3.00000\t0.00000", lines.get(1));
        assertEquals(5, lines.size());
        g.writeAxisLists(dir, 2);
        assertEquals(List.of("dim0", "dim2"), Files.readAllLines(dir.resolve("axis1.txt")));
        assertEquals(List.of("dim0"), Files.readAllLines(dir.resolve("axis1_positive.txt")));
        assertEquals(List.of("dim2"), Files.readAllLines(dir.resolve("axis1_negative.txt")));
    }

    /** Per SD: column f of W is scaled by sd_f first; here sd = (1, 3, 0, 1) → diag = 9, 9, 0, 0. */
    @Test
    void perStandardDeviationScalesColumnsFirst() {
        GeneImportance g = GeneImportance.perStandardDeviation(W, 2, NAMES, new double[] {1, 3, 0, 1});
        assertEquals(0.5, g.importance()[0], 1e-12);
        assertEquals(0.5, g.importance()[1], 1e-12);
        assertEquals(0, g.importance()[2], 1e-12);
        assertEquals(3, g.weight(1, 1), 1e-12);
    }

    @Test
    void rejectsAShapeMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneImportance.of(new double[] {1, 2, 3}, 2, NAMES));
        assertEquals(true, e.getMessage().contains("k×D"));
    }
}
