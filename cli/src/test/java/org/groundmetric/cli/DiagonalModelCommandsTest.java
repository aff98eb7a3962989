package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --form diagonal} and every command that applies a model: the model file holds kind
 * "diagonal" with one row w ≥ 0, and predict, embed (with --write-h5ad), genes, distances and
 * report take it like a low-rank model.
 */
class DiagonalModelCommandsTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static CliRun train;

    @BeforeAll
    static void trainDiagonal() throws Exception {
        Cohort cohort = TestModels.smallSynth2d(1);
        data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        model = dir.resolve("diagonal.json");
        train = CliRun.of("train", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--form", "diagonal", "--epochs", "5", "--keep-reference", "-q", "--out", model.toString());
    }

    @Test
    void theModelFileIsOfKindDiagonal() throws Exception {
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("form=diagonal") && train.out().contains("trained w (2 weights)"), train.out());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("diagonal", m.get("kind").asText());
        assertEquals("diagonal", m.get("config").get("form").asText());
        assertEquals(2, m.get("rank").asInt());
        assertEquals(1, m.get("weights").size());
        for (JsonNode w : m.get("weights").get(0)) {
            assertTrue(w.asDouble() >= 0, "w ≥ 0: " + m.get("weights"));
        }
        assertEquals(2, m.get("reference").get(0).get("cells").get(0).size(), "reference cells are w ⊙ x");
    }

    @Test
    void predictEmbedGenesDistancesAndReportTakeIt() throws Exception {
        assertEquals(0, train.exitCode(), train.err());
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--input", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--k", "3", "-q", "--out", dir.resolve("pred.tsv").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        CliRun embed = CliRun.of("embed", "--model", model.toString(), "--input", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--no-cell-umap", "-q", "--samples-out",
                dir.resolve("samples.tsv").toString(), "--write-h5ad", dir.resolve("embedded.h5ad").toString());
        assertEquals(0, embed.exitCode(), embed.err());
        CliRun genes = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("genes.tsv").toString());
        assertEquals(0, genes.exitCode(), genes.err());
        List<String> table = Files.readAllLines(dir.resolve("genes.tsv"));
        assertEquals("feature\timportance\trank", table.get(0), "a diagonal model has no axis columns");
        assertTrue(table.get(1).startsWith("dim0\t"), "the class axis weighs most: " + table);
        CliRun distances = CliRun.of("distances", "--model", model.toString(), "--input", data.toString(),
                "--sample-key", "sample", "-q", "--out", dir.resolve("D.tsv").toString());
        assertEquals(0, distances.exitCode(), distances.err());
        CliRun report = CliRun.of("report", "--model", model.toString(), "--input", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--no-cell-umap", "-q", "--out", dir.resolve("report").toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.size(dir.resolve("report/unit-balls.svg")) > 1000, "the diagonal unit ball is drawn");
    }

    @Test
    void axisListsAndRankAreRefusedForTheDiagonalForm() {
        assertEquals(0, train.exitCode(), train.err());
        CliRun lists = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("g.tsv").toString(),
                "--axis-lists", dir.resolve("lists").toString());
        assertEquals(2, lists.exitCode());
        assertTrue(lists.err().startsWith("error: --axis-lists needs a model with axes"), lists.err());
        CliRun rank = CliRun.of("train", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--form", "diagonal", "--rank", "3", "--out", dir.resolve("x.json").toString());
        assertEquals(2, rank.exitCode());
        assertTrue(rank.err().startsWith("error: --rank has no effect with --form diagonal"), rank.err());
        CliRun pca = CliRun.of("train", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--form", "diagonal", "--init", "pca", "--out", dir.resolve("x.json").toString());
        assertEquals(2, pca.exitCode());
        assertTrue(pca.err().trim().endsWith("(--init)"), pca.err());
        assertTrue(Files.notExists(dir.resolve("x.json")));
    }
}
