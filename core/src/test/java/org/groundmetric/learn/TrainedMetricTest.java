package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.groundmetric.data.SyntheticCohorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedMetricTest {

    private static TrainedMetric small() {
        return new Ggml(GgmlConfig.builder().epochs(2).seed(3).build())
                .train(SyntheticCohorts.paper(2, 1, 3, 6, 4), TrainingListener.NONE);
    }

    @Test
    void jsonRoundTripKeepsEverything(@TempDir Path dir) {
        TrainedMetric m = small();
        Path f = dir.resolve("model.json");
        m.write(f);
        TrainedMetric back = TrainedMetric.read(f);
        for (int r = 0; r < m.rank(); r++) {
            assertArrayEquals(m.weights()[r], back.weights()[r], 0.0);
        }
        assertEquals(m.featureNames(), back.featureNames());
        assertEquals(m.classNames(), back.classNames());
        assertEquals(m.config(), back.config());
        assertEquals(m.history(), back.history());
        assertArrayEquals(m.featureScales(), back.featureScales(), 0.0);
        assertEquals(m.preprocessing(), back.preprocessing());
        assertEquals(m.metric().distance(new float[] {1, 2, 3}, new float[] {0, 5, 1}),
                back.metric().distance(new float[] {1, 2, 3}, new float[] {0, 5, 1}), 0.0);
    }

    /**
     * Files written before the British spelling ("neighbors", "regularizer", normalize null) and
     * before the one solver vocabulary ("solver" : "exact") still read.
     */
    @Test
    void olderSpellingsStillRead(@TempDir Path dir) throws Exception {
        TrainedMetric m = small();
        Path f = dir.resolve("model.json");
        m.write(f);
        String json = Files.readString(f);
        assertTrue(json.contains("\"neighbours\"") && json.contains("\"regulariser\"")
                && json.contains("\"normalize\" : \"none\"") && json.contains("\"solver\" : \"auto\""), json);
        Path old = dir.resolve("old.json");
        Files.writeString(old, json.replace("\"neighbours\"", "\"neighbors\"").replace("\"regulariser\"", "\"regularizer\"")
                .replace("\"normalize\" : \"none\"", "\"normalize\" : null")
                .replace("\"solver\" : \"auto\"", "\"solver\" : \"exact\""));
        TrainedMetric back = TrainedMetric.read(old);
        assertEquals(m.config(), back.config());
        assertEquals(m.preprocessing().normalize(), back.preprocessing().normalize());
    }

    /** The schema promise: Python's json.load reads the file (skipped when python3 is absent). */
    @Test
    void pythonJsonLoadReadsTheModel(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "skipped: no /usr/bin/python3");
        Path f = dir.resolve("model.json");
        TrainedMetric m = small();
        m.write(f);
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import json,sys; m=json.load(open(sys.argv[1])); print(m['formatVersion'], m['kind'], len(m['weights']), len(m['weights'][0]), m['config']['regulariser'])",
                f.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals("1 low-rank-mahalanobis 5 3 fro", out);
    }

    @Test
    void refusesDataWithOtherFeatures() {
        TrainedMetric m = small();
        m.requireFeatures(List.of("dim0", "dim1", "dim2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.requireFeatures(List.of("dim0", "dim1", "gene7")));
        assertTrue(e.getMessage().contains("1 model features are missing from the data [dim2]"), e.getMessage());
        assertTrue(e.getMessage().contains("[gene7]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.requireFeatures(List.of("dim1", "dim0", "dim2")));
        assertTrue(e.getMessage().contains("different order"), e.getMessage());
    }

    @Test
    void refusesUnknownFormatVersions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("model.json");
        small().write(f);
        Files.writeString(f, Files.readString(f).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainedMetric.read(f));
        assertTrue(e.getMessage().contains("formatVersion is 99"), e.getMessage());
    }
}
