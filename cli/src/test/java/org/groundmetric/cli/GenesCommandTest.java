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

    /**
     * --gene-sets: a paper-scale cohort's signal genes, as a set among random ones, come first in the
     * printed table; every set is written against the overall ranking and each axis to the default
     * --enrichment-out name; symbols match ignoring case and unmatched genes are counted.
     */
    @Test
    void geneSetsAreEnrichedAndWrittenBesideTheTable(@TempDir Path dir) throws Exception {
        org.groundmetric.data.Cohort cohort = new org.groundmetric.data.PaperScaleCohort(24, 2, 40, 80, 4, 0.3, 10, 1)
                .generate();
        Path model = dir.resolve("model.json");
        new org.groundmetric.learn.Ggml(org.groundmetric.learn.GgmlConfig.builder().epochs(15).learningRate(0.02)
                .batchSize(32).seed(0).build()).train(cohort, org.groundmetric.learn.TrainingListener.NONE).write(model);
        StringBuilder gmt = new StringBuilder("SIGNAL\tclass signal");
        for (int g = 0; g < 10; g++) {
            gmt.append(String.format("\tGENE_%04d", g));
        }
        gmt.append("\tNOT_A_GENE\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        for (int s = 0; s < 9; s++) {
            gmt.append("RANDOM_").append(s).append("\t");
            rng.ints(10, 80).distinct().limit(10).forEach(g -> gmt.append(String.format("\tgene_%04d", g)));
            gmt.append('\n');
        }
        Path sets = Files.writeString(dir.resolve("sets.gmt"), gmt.toString());
        Path out = dir.resolve("genes.tsv");
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", out.toString(), "--importance", "per-sd",
                "--gene-sets", sets.toString(), "--top", "3", "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("gene sets: 10 read, 10 tested"), run.out());
        assertTrue(run.out().matches("(?s).*; 1 of the \\d+ distinct genes in the sets are not among the model's 80"
                + " features.*"), run.out());
        assertTrue(run.out().contains("set\taxis\toverlap\tscore\tp_value\tfdr\nSIGNAL\tall\t10\t"), run.out());
        List<String> rows = Files.readAllLines(dir.resolve("genes.enrichment.tsv"));
        assertEquals("set\tdescription\taxis\tsize\toverlap\tscore\tp_value\tfdr", rows.get(0));
        assertEquals(1 + 10 * 6, rows.size(), "10 sets against the overall ranking and 5 axes");
        String[] first = rows.get(1).split("\t");
        assertEquals(List.of("SIGNAL", "class signal", "all", "11", "10"), List.of(first).subList(0, 5));
        assertTrue(Double.parseDouble(first[7]) < 0.05, "FDR of the signal set: " + rows.get(1));
    }

    @Test
    void geneSetSettingsNeedGeneSetsAndAFileWithoutOverlapIsOneLine(@TempDir Path dir) throws Exception {
        Path model = TestModels.withWeights(new double[][] {{0.1, -2, 0}}, List.of("IFI6", "ISG15", "CD3E"),
                dir.resolve("m.json"));
        CliRun alone = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("g.tsv").toString(),
                "--permutations", "50");
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().startsWith("error: --permutations has no effect without --gene-sets"), alone.err());
        Path gmt = Files.writeString(dir.resolve("other.gmt"), "MOUSE\t\tIfng\tCd8a\tGzmb\n");
        CliRun none = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("g.tsv").toString(),
                "--gene-sets", gmt.toString(), "--min-set-size", "1");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("no gene set has between 1 and 500 genes among the 3 ranked genes")
                && none.err().trim().endsWith("(--min-set-size)"), none.err());
        assertEquals(1, none.err().trim().lines().count(), none.err());
        assertTrue(Files.notExists(dir.resolve("g.tsv")) && Files.notExists(dir.resolve("g.enrichment.tsv")));
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
