package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundmetric.data.CellSelection;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.ot.PointMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-cell correctness of the cell-level kNN across fits (paper Fig. 3), and the selection it feeds. */
class CellCorrectnessTest {

    private static Sample sample(String id, String label, double... xs) {
        double[][] rows = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            rows[i] = new double[] {xs[i]};
        }
        return Sample.of(id, label, DenseMatrix.of(rows));
    }

    /** Class a lives near 0, class b near 10: a cell of an a-sample lying at 9.9 is voted b. */
    @Test
    void theCellLevelVoteIsRightForACellAmongItsClassAndWrongForOneAmongTheOther() {
        List<Sample> train = List.of(sample("a1", "a", 0, 0.2, -0.1), sample("b1", "b", 10, 10.1, 9.8));
        List<Sample> test = List.of(sample("a2", "a", 0.1, 9.9, 0.3), sample("b2", "b", 10.2));
        FixedGroundMetric euclid = new FixedGroundMetric(PointMetric.EUCLIDEAN);
        int[] predicted = CellKnn.predict(euclid, train, new int[] {0, 1}, test, new int[] {0, 1}, 2, 3);
        assertArrayEquals(new int[] {0, 1, 0, 1}, predicted);
        boolean[] right = CellKnn.correctCells(euclid, train, new int[] {0, 1}, test, new int[] {0, 1}, 2, 3);
        assertArrayEquals(new boolean[] {true, false, true, true}, right);
        assertEquals(3, CellKnn.correct(euclid, train, new int[] {0, 1}, test, new int[] {0, 1}, 2, 3));
    }

    private static BenchmarkResult.Fit fit(String method, int index, int[] heldOut, boolean... cells) {
        return new BenchmarkResult.Fit(method, index, index, "ok", 1, heldOut, new int[heldOut.length],
                new double[heldOut.length][1], 0, cells.length, null, null, Double.NaN, Double.NaN, Double.NaN, cells);
    }

    private static final Cohort COHORT = new Cohort(List.of(sample("s0", "a", 1, 2), sample("s1", "b", 3),
            sample("s2", "a", 4)), List.of("x"));

    /** Three fits: s0 (2 cells) held out twice, s1 once, s2 never; another method's fits are not counted. */
    private static BenchmarkResult result() {
        List<BenchmarkResult.Fit> fits = List.of(
                fit("GGML", 0, new int[] {0, 1}, true, false, true),
                fit("GGML", 1, new int[] {0}, true, true),
                fit("GGML", 2, new int[] {1}, false),
                fit("Euclidean", 0, new int[] {0, 1}, false, false, false));
        return new BenchmarkResult(null, null, List.of("a", "b"), List.of(), fits);
    }

    @Test
    void countsEveryHeldOutCellOverTheFitsOfOneMethod() {
        CellCorrectness c = CellCorrectness.of(result(), COHORT, "GGML");
        assertArrayEquals(new int[] {2, 2}, c.evaluated()[0]);
        assertArrayEquals(new int[] {2, 1}, c.correct()[0]);
        assertArrayEquals(new int[] {2}, c.evaluated()[1]);
        assertArrayEquals(new int[] {1}, c.correct()[1]);
        assertArrayEquals(new int[] {0}, c.evaluated()[2]);
        assertEquals(1.0, c.fraction(0, 0));
        assertEquals(0.5, c.fraction(0, 1));
        assertTrue(Double.isNaN(c.fraction(2, 0)));
        assertEquals(1, c.atLeast(0.9));
        assertEquals(3, c.atLeast(0));
        assertThrows(IllegalArgumentException.class, () -> CellCorrectness.of(result(), COHORT, "LMNN"));
    }

    @Test
    void theWrittenTableSelectsTheCellsRightOftenEnough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cells.tsv");
        try (OutputFiles files = new OutputFiles()) {
            CellCorrectness.writeTsv(files, file, COHORT, CellCorrectness.of(result(), COHORT, "GGML"),
                    List.of(CellCorrectness.of(result(), COHORT, "Euclidean")));
            files.commit();
        }
        assertEquals(List.of(
                "sample\tcell\tclass\tsplits_evaluated\tsplits_correct\tfraction_correct\tfraction_correct_Euclidean",
                "s0\ts0:0\ta\t2\t2\t1.0\t0.0",
                "s0\ts0:1\ta\t2\t1\t0.5\t0.0",
                "s1\ts1:0\tb\t2\t1\t0.5\t0.0"), Files.readAllLines(file));
        Map<String, Set<String>> at09 = CellSelection.parse(file + ":0.9").selected();
        assertEquals(Map.of("s0", Set.of("s0:0"), "s1", Set.of()), at09);
        Cohort kept = CellSelection.parse(file + ":0.5").apply(COHORT);
        assertEquals(List.of("s0", "s1"), kept.sampleIds());
        assertEquals(List.of("s0:0", "s0:1"), kept.sample(0).cellIds());
        assertEquals(2.0, kept.sample(0).cells().get(1, 0));
        Cohort paper = CellSelection.parse(file.toString()).apply(COHORT);
        assertEquals(0.9, CellSelection.parse(file.toString()).minFraction());
        assertEquals(List.of("s0"), paper.sampleIds());
        assertEquals(1, paper.cellCount());
    }

    @Test
    void refusesAMissingTableUnknownCellsAndASelectionOfNoCell(@TempDir Path dir) throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CellSelection.parse(dir.resolve("nope.tsv") + ":0.9").apply(COHORT));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path other = Files.writeString(dir.resolve("other.tsv"),
                "sample\tcell\tfraction_correct\ns0\ts0:7\t1\n");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CellSelection.parse(other.toString()).apply(COHORT));
        assertTrue(unknown.getMessage().contains("'s0:7'"), unknown.getMessage());
        Path low = Files.writeString(dir.resolve("low.tsv"), "sample\tcell\tfraction_correct\ns0\ts0:0\t0.5\n");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CellSelection.parse(low + ":0.9").apply(COHORT));
        assertTrue(none.getMessage().contains("no cell"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CellSelection.parse(low + ":1.5"));
    }
}
