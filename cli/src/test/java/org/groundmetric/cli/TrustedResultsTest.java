package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.testing.FuzzInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The valid oddities of the fuzz inputs give right results: ids with a tab, a newline or a quote
 * survive every table (pandas reads them back), a byte-order mark costs no point, genes in another
 * order are matched by name, cells with NaN are left out when asked; and Ctrl-C during synth leaves
 * no temporary file.
 */
class TrustedResultsTest {

    @TempDir
    static Path dir;

    static Path model;

    private static final List<String> ODD_IDS = List.of("s\t0", "s\t1", "s\n2", "s\n3", "s\"4", "s\"5");

    @BeforeAll
    static void trainOnce() {
        for (String f : List.of("good.h5ad", "odd_sample_ids.h5ad", "reordered_genes.h5ad", "nan_in_x.h5ad",
                "points_bom_a.csv", "points_b.csv")) {
            FuzzInputs.copy(f, dir);
        }
        model = dir.resolve("model.json");
        CliRun train = CliRun.of("train", "-i", dir.resolve("good.h5ad").toString(), "--sample-key", "sample",
                "--label-key", "class", "--epochs", "2", "--keep-reference", "-q", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
    }

    private static List<String> firstColumn(Path tsv) {
        List<String> ids = new ArrayList<>();
        for (DelimitedText.Row r : DelimitedText.rows(tsv, '\t').subList(1, 7)) {
            ids.add(r.fields()[0]);
        }
        return ids;
    }

    @Test
    void idsWithTabsNewlinesAndQuotesSurviveEveryTable() throws Exception {
        Path input = dir.resolve("odd_sample_ids.h5ad");
        Path d = dir.resolve("odd_D.tsv");
        assertEquals(0, CliRun.of("distances", "-i", input.toString(), "--sample-key", "sample", "-q", "-o",
                d.toString()).exitCode());
        assertEquals(ODD_IDS, firstColumn(d));
        assertEquals(ODD_IDS, List.of(DelimitedText.rows(d, '\t').get(0).fields()).subList(1, 7));
        Path p = dir.resolve("odd_p.tsv");
        Path pd = dir.resolve("odd_pd.tsv");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "-i", input.toString(), "--sample-key",
                "sample", "-q", "--out", p.toString(), "--distances-out", pd.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(ODD_IDS, firstColumn(p));
        assertEquals(ODD_IDS, firstColumn(pd));
        Path samples = dir.resolve("odd_samples.tsv");
        assertEquals(0, CliRun.of("embed", "--model", model.toString(), "-i", input.toString(), "--sample-key", "sample",
                "-q", "--samples-out", samples.toString()).exitCode());
        assertEquals(ODD_IDS, firstColumn(samples));
        assertEquals(List.of("6 x 6", String.join("|", ODD_IDS)), pandasIndex(d), "pandas reads the same table");
    }

    /** The shape and index pandas reads from a TSV we wrote (skipped without Debian's python3 + pandas). */
    private static List<String> pandasIndex(Path tsv) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "skipped: /usr/bin/python3 is absent");
        Process p = new ProcessBuilder(python.toString(), "-c", "import sys, pandas as pd\n"
                + "d = pd.read_csv(sys.argv[1], sep='\\t', index_col=0)\n"
                + "print('%d x %d' % d.shape)\nprint('|'.join(d.index).encode('unicode_escape').decode())",
                tsv.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0 && !out.contains("No module named"), "skipped: pandas is absent: " + out);
        List<String> lines = out.strip().lines().toList();
        return List.of(lines.get(0), lines.get(1).replace("\\t", "\t").replace("\\n", "\n"));
    }

    @Test
    void genesInAnotherOrderAreMatchedByName() throws IOException {
        Path a = dir.resolve("pa.tsv");
        Path b = dir.resolve("pb.tsv");
        assertEquals(0, CliRun.of("predict", "--model", model.toString(), "-i", dir.resolve("good.h5ad").toString(),
                "--sample-key", "sample", "-q", "--out", a.toString()).exitCode());
        assertEquals(0, CliRun.of("predict", "--model", model.toString(), "-i", dir.resolve("reordered_genes.h5ad").toString(),
                "--sample-key", "sample", "-q", "--out", b.toString()).exitCode());
        assertEquals(Files.readAllLines(a), Files.readAllLines(b));
    }

    /** POT 0.8.2: ot.emd2(ot.unif(3), ot.unif(3), ot.dist(A, B, 'euclidean')) for these points = 2.9391125999353145. */
    @Test
    void aByteOrderMarkDoesNotCostEmdItsFirstPoint() {
        CliRun run = CliRun.of("emd", dir.resolve("points_bom_a.csv").toString(), dir.resolve("points_b.csv").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2.9391125999353145, Double.parseDouble(run.out().lines().findFirst().orElseThrow().substring("cost=".length())), 1e-12);
    }

    @Test
    void cellsWithNaNAreLeftOutWhenAskedAndTheWarningSaysHowMany() {
        Path out = dir.resolve("nan_model.json");
        CliRun run = CliRun.of("train", "-i", dir.resolve("nan_in_x.h5ad").toString(), "--sample-key", "sample",
                "--label-key", "class", "--epochs", "1", "-q", "--drop-nonfinite-cells", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: nan_in_x.h5ad: left out 1 of 60 cells holding non-finite values"),
                run.err());
        assertTrue(run.out().contains("cells=59"), run.out());
    }

    /**
     * SIGINT while synth writes: the shutdown hook removes the hidden temporary (tens of MB before).
     * A separate JVM, started with SIGINT at its default (a background shell would have it ignored).
     */
    @Test
    void ctrlCDuringSynthLeavesNoTemporaryAndSynthShowsProgress() throws Exception {
        assumeTrue(new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0,
                "skipped: env --default-signal is unavailable");
        Path work = Files.createDirectory(dir.resolve("sigint"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("env", "--default-signal=INT", java, "-cp", System.getProperty("java.class.path"),
                GroundMetricCommand.class.getName(), "synth", "--preset", "paper-scale", "--seed", "1", "--samples", "40",
                "--out", work.resolve("big.h5ad").toString())
                .redirectError(work.resolve("stderr.txt").toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!hasTemporary(work) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(hasTemporary(work), "synth started writing its temporary");
        Thread.sleep(200);
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(130, p.exitValue(), "stopped by SIGINT");
        assertFalse(hasTemporary(work), "no temporary left");
        assertFalse(Files.exists(work.resolve("big.h5ad")), "no half-written result");
        assertTrue(Files.readString(work.resolve("stderr.txt")).contains("drawing samples"), "progress was shown");
    }

    private static boolean hasTemporary(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }
}
