package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesCommandTest {

    /** Issue 6's check: on the paper's synthetic data only dim0 separates the classes, so it ranks first. */
    @Test
    void topFeatureOnSynth2dIsDim0(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        TestModels.train(TestModels.smallSynth2d(1), model);
        Path out = dir.resolve("genes.tsv");
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", out.toString(), "--top", "2");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(1).startsWith("dim0\t"), "first ranked row: " + lines.get(1));
        assertTrue(run.out().contains("1\tdim0\t"), run.out());
        CliRun perSd = CliRun.of("genes", "--model", model.toString(), "--out", out.toString(), "--importance", "per-sd");
        assertEquals(0, perSd.exitCode(), perSd.err());
        assertTrue(Files.readAllLines(out).get(1).startsWith("dim0\t"), "per-sd ranks dim0 first too");
    }

    @Test
    void perSdNeedsAStandardisedModel(@TempDir Path dir) {
        Path model = TestModels.withWeights(new double[][] {{1, 2}}, List.of("a", "b"), dir.resolve("m.json"));
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("g.tsv").toString(),
                "--importance", "per-sd");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--feature-scaling standardize"), run.err());
    }

    @Test
    void writesTableAndAxisLists(@TempDir Path dir) throws Exception {
        Path model = TestModels.withWeights(new double[][] {{0.1, -2, 0}, {0, 1, 0.5}},
                List.of("IFI6", "ISG15", "CD3E"), dir.resolve("m.json"));
        Path out = dir.resolve("genes.tsv");
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", out.toString(), "--top", "2",
                "--axis-lists", dir.resolve("lists").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("feature\timportance\trank\taxis1\taxis2", lines.get(0));
        assertTrue(lines.get(1).startsWith("ISG15\t"), lines.get(1));
        assertEquals(List.of("ISG15", "IFI6"), Files.readAllLines(dir.resolve("lists/axis1.txt")));
        assertEquals(List.of("ISG15"), Files.readAllLines(dir.resolve("lists/axis1_negative.txt")));
        assertEquals(List.of("ISG15", "CD3E"), Files.readAllLines(dir.resolve("lists/axis2_positive.txt")));
    }

    /** A model over Ensembl ids reports the symbols of an h5ad's var column, matched by the var index. */
    @Test
    void geneNamesFromRenamesByTheVarIndex(@TempDir Path dir) throws Exception {
        List<String> ids = List.of("ENSG01", "ENSG02", "ENSG03");
        // Written by Python anndata 0.8 (Debian python3-anndata): var index ENSG01..03, var/feature_name
        // ISG15, IFI6, CD3E; X is 2×3 zeros.
        Path h5ad = Path.of(GenesCommandTest.class.getResource("/viz/ensembl_symbols.h5ad").toURI());
        Path model = TestModels.withWeights(new double[][] {{0, 3, 1}}, ids, dir.resolve("m.json"));
        Path out = dir.resolve("g.tsv");
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", out.toString(),
                "--input", h5ad.toString(), "--gene-names-from", "feature_name");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(1).startsWith("IFI6\t") && lines.get(2).startsWith("CD3E\t"), lines.toString());
        CliRun unknown = CliRun.of("genes", "--model", model.toString(), "--out", out.toString(),
                "--input", h5ad.toString(), "--gene-names-from", "symbol");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("feature_name"), "lists the available columns: " + unknown.err());
    }

    @Test
    void geneNamesFromNeedsAnInput(@TempDir Path dir) {
        Path model = TestModels.withWeights(new double[][] {{1, 2}}, List.of("a", "b"), dir.resolve("m.json"));
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("g.tsv").toString(),
                "--gene-names-from", "feature_name");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("needs --input"), run.err());
    }

    @Test
    void helpTeachesWithAnExample() {
        CliRun run = CliRun.of("genes", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("WᵀW") && run.out().contains("Example"), run.out());
    }
}
