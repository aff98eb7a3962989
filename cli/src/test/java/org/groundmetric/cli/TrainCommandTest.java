package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.learn.TrainedMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void synthThenTrainThenDistancesWithTheModel(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth2d.h5ad");
        CliRun synth = CliRun.of("synth", "--preset", "synth2d", "--seed", "3", "--out", data.toString());
        assertEquals(0, synth.exitCode(), synth.err());
        assertTrue(synth.out().contains("30 samples, 9000 cells, 2 features"), synth.out());

        Path model = dir.resolve("model.json");
        CliRun train = CliRun.of("train", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "30", "--epochs", "2", "--threads", "2", "--quiet", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("samples=30 classes=3 cells=900 features=2"), train.out());
        assertTrue(train.out().contains("model written to"), train.out());
        // 30 samples in 3 classes: anchors would solve only 2.3x fewer problems, so auto keeps random
        assertTrue(train.out().contains("2 threads, random batch order (auto);"), train.out());
        TrainedMetric m = TrainedMetric.read(model);
        assertEquals(org.groundmetric.learn.BatchOrder.RANDOM, m.config().batchOrder());
        assertEquals(List.of("dim0", "dim1"), m.featureNames());
        assertEquals(Integer.valueOf(30), m.preprocessing().cellsPerSample());
        assertEquals(2, m.history().size());

        Path d = dir.resolve("D.tsv");
        CliRun distances = CliRun.of("distances", "--input", data.toString(), "--sample-key", "sample",
                "--model", model.toString(), "--threads", "2", "--quiet", "--out", d.toString());
        assertEquals(0, distances.exitCode(), distances.err());
        List<String> lines = Files.readAllLines(d);
        assertEquals(31, lines.size());
        assertTrue(lines.get(1).startsWith("sample_00\t0.0\t"), lines.get(1));
    }

    @Test
    void perEpochLinesAndSubset(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--out", data.toString()).exitCode());
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--filter", "mode=shared_a", "--cells-per-sample", "20", "--epochs", "1", "--batch-order", "anchors",
                "--out", dir.resolve("m.json").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("cells=600 features=200"), train.out());
        assertTrue(train.out().contains("epoch 1/1  loss="), train.out());
        assertTrue(train.out().contains(", anchors batch order;"), "asked for, not auto: " + train.out());
        String model = java.nio.file.Files.readString(dir.resolve("m.json"));
        assertTrue(model.matches("(?s).*\"batchOrder\" ?: ?\"anchors\".*"), "the model records the batch order");
    }

    @Test
    void aFilterThatLeavesOneSampleInAClassTrainsWithAutomaticClassWeights(@TempDir Path dir) {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path model = dir.resolve("m.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--filter", "sample=sample_00,sample_01,sample_02,sample_03,sample_10,sample_20,sample_21",
                "--cells-per-sample", "20", "--epochs", "1", "--quiet", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("samples=7 classes=3"), train.out());
        assertTrue(train.out().contains("class_weight=balanced (auto)"), "4, 1, 2 samples: " + train.out());
        assertEquals(org.groundmetric.learn.ClassWeight.BALANCED, TrainedMetric.read(model).config().classWeight());
        CliRun none = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--filter", "sample=sample_00,sample_10", "--out", dir.resolve("n.json").toString());
        assertEquals(2, none.exitCode());
        assertEquals("error: no class has two samples (class 'class_0' 1 sample, class 'class_1' 1 sample): every"
                + " triplet needs an anchor and a second sample of its class", none.err().strip());
    }

    @Test
    void badOptionsAreOneLineErrors(@TempDir Path dir) {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        CliRun reg = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--reg", "l2", "--out", dir.resolve("m.json").toString());
        assertEquals(2, reg.exitCode());
        assertEquals("error: Invalid value for option '--reg': 'l2' is not one of fro, l1, matrix-l1, none"
                + " (see 'groundmetric train --help')", reg.err().strip(), "one line naming the problem and the fix");
        CliRun american = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--neighbors", "2", "--feature-scaling", "STANDARDIZE", "--normalize", "None", "--epochs", "1",
                "--out", dir.resolve("n.json").toString());
        assertEquals(0, american.exitCode(), "the old spellings still work: " + american.err());
        assertTrue(TrainedMetric.read(dir.resolve("n.json")).config().neighbours() == 2);
        CliRun filter = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--filter", "split=train", "--out", dir.resolve("m.json").toString());
        assertEquals(2, filter.exitCode());
        assertEquals("error: cell filter column 'split' is not among the columns: sample, class, mode (--filter)",
                filter.err().strip());
        CliRun preset = CliRun.of("synth", "--preset", "synth3d", "--out", data.toString());
        assertEquals(2, preset.exitCode());
        assertTrue(preset.err().contains("'synth3d' is not one of synth2d, synth200d, paper-scale"), preset.err());
        assertEquals(1, preset.err().lines().count(), "one error line: " + preset.err());
        assertTrue(!Files.exists(dir.resolve("m.json")), "no model after a failure");
    }

    @Test
    void demoComparesGgmlWithEuclidean() {
        // 8 of the demo's 30 epochs already separate the held-out samples (seed 0: GGML 1.00).
        CliRun demo = CliRun.of("demo", "--epochs", "8", "--threads", "2");
        assertEquals(0, demo.exitCode(), demo.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "leave-one-out 5-NN accuracy on held-out samples:  GGML (\\d\\.\\d\\d)   Euclidean (\\d\\.\\d\\d)")
                .matcher(demo.out());
        assertTrue(m.find(), demo.out());
        double ggml = Double.parseDouble(m.group(1));
        double euclidean = Double.parseDouble(m.group(2));
        assertTrue(ggml >= 0.95, "GGML " + ggml + "\n" + demo.out());
        // The Euclidean ground metric sees the 1000x noise axis, not the class: at most chance (1/3).
        assertTrue(euclidean < 0.34, demo.out());
    }

    @Test
    void helpTeaches() {
        CliRun help = CliRun.of("train", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--feature-scaling") && help.out().contains("Examples:"), help.out());
    }
}
