package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --engine without the Spark jar, and engine options that do not fit together: one error line, no output. */
class EngineOptionsTest {
    @TempDir
    Path dir;

    private Path tiny() throws IOException {
        try (InputStream in = EngineOptionsTest.class.getResourceAsStream("/io/tiny.csv")) {
            Path p = dir.resolve("tiny.csv");
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return p;
        }
    }

    private CliRun distances(String... engine) throws IOException {
        String[] base = {"distances", "-i", tiny().toString(), "--sample-key", "donor", "--quiet",
            "--out", dir.resolve("D.tsv").toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + engine.length);
        System.arraycopy(engine, 0, all, base.length, engine.length);
        return CliRun.of(all);
    }

    @Test
    void sparkWithoutTheSparkJarSaysHowToRunIt() throws IOException {
        CliRun run = distances("--engine", "spark");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: engine 'spark' is not on this classpath"), run.err());
        assertEquals("", run.out(), "refused before reading the data");
        assertTrue(run.err().contains("main class org.groundmetric.spark.SparkMain") && run.err().contains("spark-submit"),
                run.err());
        assertTrue(Files.notExists(dir.resolve("D.tsv")));
    }

    @Test
    void aMasterNeedsTheSparkEngineAndUnknownEnginesAreNamed() throws IOException {
        CliRun master = distances("--spark-master", "local[2]");
        assertEquals(2, master.exitCode());
        assertTrue(master.err().contains("--spark-master local[2] needs --engine spark"), master.err());
        CliRun unknown = distances("--engine", "flink");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown engine 'flink'; expected one of [local]"), unknown.err());
        CliRun local = distances("--engine", "local");
        assertEquals(0, local.exitCode(), local.err());
    }
}
