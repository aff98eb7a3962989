package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleSummary;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --summarize and the commands that replay it (predict, distances, benchmark), with --full-samples. */
class SummaryCommandsTest {

    @TempDir
    static Path dir;
    static Cohort train;
    static Cohort test;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnSummaries() throws Exception {
        train = PredictCommandTest.renamed(TestModels.smallSynth2d(1), "train_");
        test = PredictCommandTest.renamed(TestModels.smallSynth2d(2), "test_");
        data = dir.resolve("synth.h5ad");
        H5adWriter.write(PredictCommandTest.twoSplits(train, test, new int[] {0, 1}, List.of("dim0", "dim1")), data);
        model = dir.resolve("summary.json");
        CliRun run = CliRun.of("train", "--input", data.toString(), "--filter", "split=train", "--sample-key", "sample",
                "--label-key", "class", "--epochs", "3", "--summarize", "kmeans:4", "--keep-reference", "--seed", "2",
                "--out", model.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("summary=kmeans:4"), run.out());
    }

    @Test
    void theModelRecordsTheSummaryAndKeepsWeightedCentroids() throws Exception {
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("kmeans", m.get("config").get("summary").get("method").asText());
        assertEquals(4, m.get("config").get("summary").get("clusters").asInt());
        assertEquals(2, m.get("config").get("summary").get("seed").asInt());
        JsonNode first = m.get("reference").get(0);
        assertEquals(4, first.get("cells").size(), "a kept reference sample is its 4 centroids");
        double total = 0;
        for (JsonNode w : first.get("weights")) {
            total += w.asDouble();
        }
        assertEquals(1, total, 1e-12);
        assertEquals(SampleSummary.kmeans(4, 2), TrainedMetric.read(model).summary());
    }

    /** distances --model compares the replayed summaries: the same matrix as the library's on summaries. */
    @Test
    void distancesReplayTheSummaryUnlessFullSamples() throws Exception {
        TrainedMetric m = TrainedMetric.read(model);
        Path summarised = dir.resolve("d.tsv");
        Path full = dir.resolve("d-full.tsv");
        assertEquals(0, distances(summarised).exitCode());
        CliRun run = distances(full, "--full-samples");
        assertEquals(0, run.exitCode(), run.err());
        WassersteinMatrix expected = WassersteinMatrix.pairwise(m.summarised(test, 1).samples(), m.metric(),
                Solver.AUTO, 1, org.groundmetric.Progress.NONE);
        WassersteinMatrix cells = WassersteinMatrix.pairwise(test.samples(), m.metric(), Solver.AUTO, 1,
                org.groundmetric.Progress.NONE);
        String[] row = Files.readAllLines(summarised).get(1).split("\t");
        String[] fullRow = Files.readAllLines(full).get(1).split("\t");
        assertEquals(expected.get(0, 1), Double.parseDouble(row[2]), 0);
        assertEquals(cells.get(0, 1), Double.parseDouble(fullRow[2]), 0);
        assertTrue(expected.get(0, 1) != cells.get(0, 1));
        CliRun noModel = CliRun.of("distances", "--input", data.toString(), "--sample-key", "sample", "--full-samples",
                "--out", dir.resolve("never.tsv").toString(), "-q");
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().startsWith("error: --full-samples goes with --model"), noModel.err());
    }

    @Test
    void predictUsesTheKeptCentroidsAndFullSamplesNeedsTheTrainingCells() throws Exception {
        Path out = dir.resolve("pred.tsv");
        CliRun kept = predict(out);
        assertEquals(0, kept.exitCode(), kept.err());
        assertTrue(kept.out().contains("samples=9 reference=9 (kept in the model)"), kept.out());
        Path never = dir.resolve("never-pred.tsv");
        CliRun refused = predict(never, "--full-samples");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("keeps only its reference samples' centroids")
                && refused.err().contains("--reference FILE"), refused.err());
        assertTrue(Files.notExists(never));
        CliRun full = predict(dir.resolve("pred-full.tsv"), "--full-samples", "--reference", data.toString(),
                "--reference-filter", "split=train");
        assertEquals(0, full.exitCode(), full.err());
        Path fromFile = dir.resolve("pred-file.tsv");
        assertEquals(0, predict(fromFile, "--reference", data.toString(), "--reference-filter", "split=train")
                .exitCode());
        assertEquals(Files.readAllLines(out), Files.readAllLines(fromFile),
                "summaries of the training cells give the kept reference's table");
    }

    @Test
    void benchmarkComparesSummariesAndTrainIsRefusedABadSpec() {
        CliRun run = CliRun.of("benchmark", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--methods", "GGML,Euclidean", "--splits", "1", "--epochs", "2", "--summarize", "kmeans:3",
                "--out", dir.resolve("bench.csv").toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(dir.resolve("bench.csv")));
        CliRun bad = CliRun.of("train", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--summarize", "kmeans:many", "--out", dir.resolve("never.json").toString(), "-q");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("kmeans:20"), bad.err());
        assertTrue(Files.notExists(dir.resolve("never.json")));
        CliRun help = CliRun.of("train", "--help");
        assertTrue(help.out().contains("--summarize") && help.out().contains("group:cell_type"), help.out());
    }

    private static CliRun distances(Path out, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(List.of("distances", "--model", model.toString(),
                "--input", data.toString(), "--filter", "split=test", "--sample-key", "sample", "--out",
                out.toString(), "-q"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    private static CliRun predict(Path out, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(List.of("predict", "--model", model.toString(),
                "--input", data.toString(), "--filter", "split=test", "--sample-key", "sample", "--label-key", "class",
                "--out", out.toString(), "-q"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }
}
