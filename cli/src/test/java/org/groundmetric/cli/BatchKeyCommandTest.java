package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.groundmetric.learn.TrainedMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synth's batch effect and train --batch-key end to end (few cells and epochs: the learning itself is tested in core). */
class BatchKeyCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainRecordsTheBatchKeyAndItsSeparationAndRefusesACompletelyConfoundedBatch() throws Exception {
        Path data = dir.resolve("train.h5ad");
        CliRun synth = CliRun.of("synth", "--preset", "synth200d", "--batch-effect", "10", "--confounding", "0.8",
                "--seed", "1", "-q", "--out", data.toString());
        assertEquals(0, synth.exitCode(), synth.err());
        assertTrue(synth.out().contains("batches in obs batch"), synth.out());
        Path model = dir.resolve("model.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-key", "batch", "--cells-per-sample", "30", "--epochs", "2", "-q", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("batch_separation="), train.out());
        assertTrue(train.out().contains("class_weight=none (auto, batch-aware)"), train.out());
        TrainedMetric m = TrainedMetric.read(model);
        assertEquals("batch", m.batches().batchKey());
        assertTrue(m.batches().separation() >= 0 && m.batches().separation() <= 1);

        // benchmark and tune take the same option: GGML trains batch-aware in every split
        Path table = dir.resolve("bench.csv");
        CliRun bench = CliRun.of("benchmark", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-key", "batch", "--methods", "GGML,Euclidean", "--splits", "1", "--epochs", "1", "--k", "3",
                "--cells-per-sample", "20", "--quiet", "--out", table.toString());
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(Files.exists(table));
        java.util.regex.Matcher sep = java.util.regex.Pattern.compile("batch_separation=([0-9.]+) \\(GGML, held-out")
                .matcher(bench.out());
        assertTrue(sep.find(), bench.out());
        double benchSeparation = Double.parseDouble(sep.group(1));
        assertTrue(benchSeparation >= 0 && benchSeparation <= 1, bench.out());

        Path confounded = dir.resolve("confounded.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--batch-effect", "10", "--confounding", "1",
                "-q", "--out", confounded.toString()).exitCode());
        Path refused = dir.resolve("refused.json");
        CliRun bad = CliRun.of("train", "-i", confounded.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-key", "batch", "--cells-per-sample", "30", "--epochs", "2", "-q", "--out", refused.toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("--batch-key")
                && bad.err().contains("cannot be told apart from the class"), bad.err());
        assertFalse(Files.exists(refused));

        CliRun balanced = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-key", "batch", "--class-weight", "balanced", "--cells-per-sample", "30", "--epochs", "1", "-q",
                "--out", refused.toString());
        assertEquals(2, balanced.exitCode(), balanced.err());
        assertTrue(balanced.err().startsWith("error: ") && balanced.err().contains("--class-weight"), balanced.err());
        assertFalse(Files.exists(refused));

        CliRun noKey = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-key", "site", "--cells-per-sample", "30", "--epochs", "1", "-q", "--out", refused.toString());
        assertEquals(2, noKey.exitCode());
        assertTrue(noKey.err().contains("batch key site"), noKey.err());
    }

    @Test
    void tuneReportsTheBestPairsBatchSeparationOnValidationSamples() throws Exception {
        Path data = dir.resolve("train.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--batch-effect", "10", "--confounding", "0.8",
                "--seed", "1", "-q", "--out", data.toString()).exitCode());
        Path grid = dir.resolve("grid.csv");
        CliRun tune = CliRun.of("tune", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-key", "batch", "--alpha", "1,10", "--lambda", "0.1", "--cv", "kfold:3", "--epochs", "1",
                "--k", "3", "--cells-per-sample", "20", "-q", "--out", grid.toString());
        assertEquals(0, tune.exitCode(), tune.err());
        java.util.regex.Matcher sep = java.util.regex.Pattern.compile(
                "batch_separation=([0-9.]+) \\(GGML at alpha=([0-9.]+) lambda=0.1, validation samples").matcher(tune.out());
        assertTrue(sep.find(), tune.out());
        double printed = Double.parseDouble(sep.group(1));
        assertTrue(printed >= 0 && printed <= 1, tune.out());
        java.util.List<String> rows = Files.readAllLines(grid);
        assertTrue(rows.get(0).endsWith(",validation_auc_std,validation_batch_separation"), rows.get(0));
        String bestRow = rows.stream().filter(r -> r.startsWith(sep.group(2) + ",0.1,")).findFirst().orElseThrow();
        double inCsv = Double.parseDouble(bestRow.substring(bestRow.lastIndexOf(',') + 1));
        assertEquals(printed, inCsv, 5e-4, "the printed score is the best pair's column: " + rows);

        // without --batch-key: neither the line nor the column
        CliRun plain = CliRun.of("tune", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--alpha", "1", "--lambda", "0.1", "--cv", "kfold:3", "--epochs", "1", "--k", "3",
                "--cells-per-sample", "20", "-q", "--out", grid.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(plain.out().contains("batch_separation"), plain.out());
        assertTrue(Files.readAllLines(grid).get(0).endsWith(",validation_auc_std"));
    }

    @Test
    void theTransportPenaltyIsRecordedInTheModelAndOldFilesReadAsAlignment() throws Exception {
        Path data = dir.resolve("train.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--batch-effect", "10", "--confounding", "0.8",
                "--seed", "1", "-q", "--out", data.toString()).exitCode());
        Path model = dir.resolve("transport.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-key", "batch", "--batch-penalty", "0.1", "--batch-penalty-form", "transport",
                "--cells-per-sample", "20", "--epochs", "1", "-q", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        TrainedMetric m = TrainedMetric.read(model);
        assertEquals(org.groundmetric.learn.BatchPenaltyForm.TRANSPORT, m.batches().penaltyForm());
        assertEquals(0.1, m.batches().penalty(), 0.0);

        // a file written before the transport form existed has no penaltyForm: it meant alignment
        String json = Files.readString(model);
        assertTrue(json.contains("\"penaltyForm\" : \"transport\""), json.substring(0, Math.min(json.length(), 400)));
        Path old = dir.resolve("old.json");
        Files.writeString(old, json.replace("\"penaltyForm\" : \"transport\",", ""));
        assertEquals(org.groundmetric.learn.BatchPenaltyForm.ALIGNMENT, TrainedMetric.read(old).batches().penaltyForm());

        Path refused = dir.resolve("refused.json");
        CliRun noKey = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--batch-penalty-form", "transport", "--cells-per-sample", "20", "--epochs", "1", "-q", "--out",
                refused.toString());
        assertEquals(2, noKey.exitCode(), noKey.err());
        assertTrue(noKey.err().startsWith("error: --batch-penalty-form needs --batch-key"), noKey.err());
        assertFalse(Files.exists(refused));
    }
}
