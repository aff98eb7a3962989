package org.groundmetric.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.groundmetric.cli.GroundMetricCommand;
import org.groundmetric.learn.TrainedMetric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands with --engine spark --spark-master local[2] write what --engine local writes, on the
 * paper's synth200d generator (30 samples, 40 cells each after subsampling). Each Spark run starts
 * and stops its own context, as a real run does; a listener in that context ({@link TaskCounter})
 * proves the work ran as Spark tasks, and none run for --engine local.
 */
class SparkCommandsTest {
    @TempDir
    static Path dir;
    private static Path synth;

    private record Run(int exitCode, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GroundMetricCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void makeData() {
        synth = dir.resolve("synth200d.h5ad");
        Run r = run("synth", "--preset", "synth200d", "--seed", "4", "--out", synth.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    private static String[] withEngine(String[] args, String... engine) {
        String[] all = java.util.Arrays.copyOf(args, args.length + engine.length);
        System.arraycopy(engine, 0, all, args.length, engine.length);
        return all;
    }

    @Test
    void distancesOnSparkWriteTheLocalMatrix() throws Exception {
        Path local = dir.resolve("local.tsv");
        Path spark = dir.resolve("spark.tsv");
        String[] common = {"distances", "-i", synth.toString(), "--sample-key", "sample", "--cells-per-sample", "40",
            "--seed", "1", "--quiet", "--threads", "2"};
        Run[] a = new Run[1];
        assertEquals(0, TaskCounter.during(() -> a[0] = run(withEngine(common, "--out", local.toString()))));
        assertEquals(0, a[0].exitCode(), a[0].err());
        Run[] b = new Run[1];
        int tasks = TaskCounter.during(() -> b[0] = run(withEngine(common, "--out", spark.toString(), "--engine",
                "spark", "--spark-master", "local[2]")));
        assertEquals(0, b[0].exitCode(), b[0].err());
        // 435 pairs in 4 partitions per core of local[2]: 8 tasks.
        assertEquals(8, tasks, "Spark tasks of the distance matrix");
        assertEquals(a[0].out(), b[0].out());
        assertEquals(Files.readString(local), Files.readString(spark));
        assertEquals(31, Files.readAllLines(spark).size());
    }

    @Test
    void trainingOnSparkWritesTheLocalW() {
        Path local = dir.resolve("local.json");
        Path spark = dir.resolve("spark.json");
        String[] common = {"train", "-i", synth.toString(), "--sample-key", "sample", "--label-key", "class",
            "--cells-per-sample", "40", "--rank", "3", "--epochs", "1", "--seed", "2", "--quiet", "--threads", "2"};
        Run a = run(withEngine(common, "--out", local.toString()));
        assertEquals(0, a.exitCode(), a.err());
        Run[] b = new Run[1];
        int tasks = TaskCounter.during(() -> b[0] = run(withEngine(common, "--out", spark.toString(), "--engine",
                "spark", "--spark-master", "local[2]")));
        assertEquals(0, b[0].exitCode(), b[0].err());
        // One epoch: 30 samples × t² = 9 × 2 other classes = 540 triplets in 5 batches, each one Spark job
        // of 8 tasks (more than 8 distinct pairs per batch).
        assertEquals(5 * 8, tasks, "Spark tasks of the training epoch");
        double[][] w = TrainedMetric.read(local).weights();
        double[][] v = TrainedMetric.read(spark).weights();
        for (int r = 0; r < w.length; r++) {
            assertArrayEquals(w[r], v[r], 1e-9, "row " + r);
        }
    }

    @Test
    void aSparkEngineWithoutMasterSaysHowToGiveOne() {
        Run r = run("distances", "-i", synth.toString(), "--sample-key", "sample", "--out",
                dir.resolve("never.tsv").toString(), "--engine", "spark", "--quiet");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no Spark master given; pass --spark-master local[*]"), r.err());
        assertTrue(Files.notExists(dir.resolve("never.tsv")));
    }
}
