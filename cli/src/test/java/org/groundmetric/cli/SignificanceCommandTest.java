package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** significance end to end: the printed statistic, the leak warning and its honest alternative. */
class SignificanceCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsPseudoFAndPValueWarnsAboutTrainingSamplesAndTestsHeldOutFolds() {
        Path data = dir.resolve("synth.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--seed", "1", "-q", "--out", data.toString()).exitCode());
        Path model = dir.resolve("model.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "20", "--epochs", "3", "--keep-reference", "-q", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());

        CliRun leaky = CliRun.of("significance", "--model", model.toString(), "-i", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--permutations", "99", "-q");
        assertEquals(0, leaky.exitCode(), leaky.err());
        assertTrue(leaky.err().contains("30 of the 30 samples trained the model"), leaky.err());
        Matcher m = Pattern.compile("(?m)^pseudo_F=([0-9.]+) p_value=([0-9.]+)$").matcher(leaky.out());
        assertTrue(m.find(), leaky.out());
        double p = Double.parseDouble(m.group(2));
        assertEquals(Math.round(p * 100) / 100.0, p, 1e-12, "p = (1 + count) / (1 + 99)");
        assertTrue(p >= 0.01 && p <= 1, "p " + p);
        assertTrue(leaky.out().contains("class_0 vs class_1: pseudo_F="), leaky.out());

        CliRun honest = CliRun.of("significance", "--model", model.toString(), "-i", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--permutations", "99", "--cv", "kfold:3", "-q");
        assertEquals(0, honest.exitCode(), honest.err());
        assertFalse(honest.err().contains("trained the model"), honest.err());
        assertTrue(honest.out().contains("cv=kfold:3") && honest.out().contains("pseudo_F="), honest.out());

        CliRun euclidean = CliRun.of("significance", "--metric", "euclidean", "-i", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--cells-per-sample", "20", "--permutations", "9", "-q");
        assertEquals(0, euclidean.exitCode(), euclidean.err());

        CliRun bad = CliRun.of("significance", "--model", model.toString(), "-i", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--cv", "5", "-q");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: --cv '5' is not kfold:K"), bad.err());
    }
}
