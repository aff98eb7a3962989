package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict --confidence: a set per sample in the table, coverage printed; coverage itself is tested in core. */
class ConformalPredictCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesASetPerSampleAndPrintsCoverage() throws Exception {
        Path train = dir.resolve("train.h5ad");
        Path fresh = dir.resolve("new.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--seed", "1", "-q", "--out", train.toString()).exitCode());
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--seed", "2", "-q", "--out", fresh.toString()).exitCode());
        Path model = dir.resolve("model.json");
        assertEquals(0, CliRun.of("train", "-i", train.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "20", "--epochs", "3", "--keep-reference", "-q", "--out", model.toString()).exitCode());
        Path out = dir.resolve("pred.tsv");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "-i", fresh.toString(), "--sample-key", "sample",
                "--label-key", "class", "--confidence", "0.9", "-q", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("conformal sets at confidence 0.9: mean size"), run.out());
        assertTrue(run.out().contains("true classes in their set"), run.out());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).endsWith("\tset_0.9"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String set = line.substring(line.lastIndexOf('\t') + 1);
            assertTrue(set.matches("class_[0-2](,class_[0-2])*"), set);
        }

        Path bad = dir.resolve("bad.tsv");
        CliRun refused = CliRun.of("predict", "--model", model.toString(), "-i", fresh.toString(), "--sample-key", "sample",
                "--confidence", "1.5", "-q", "--out", bad.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().startsWith("error: --confidence 1.5"), refused.err());
        assertFalse(Files.exists(bad));
    }
}
