package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** groundmetric inspect and distances, end to end through picocli. */
class DataCommandsTest {

    @TempDir
    Path dir;

    /** Copies a fixture of core's test resources (io/…, made by Python; see CellDataReaderTest) to a file. */
    private Path fixture(String name) throws IOException {
        try (InputStream in = DataCommandsTest.class.getResourceAsStream("/io/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        }
    }

    @Test
    void inspectShowsShapeEncodingColumnsAndLayers() {
        CliRun run = CliRun.of("inspect", TestData.file("kang_ifnb_example.h5ad").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("cells x features: 1556 x 1267"), run.out());
        assertTrue(run.out().contains("X: /X csr float32, 1556 x 1267, 585251 stored (29.69% of entries), deflate"), run.out());
        assertTrue(run.out().contains("layers: counts (csr float32, 1556 x 1267)"), run.out());
        assertTrue(run.out().matches("(?s).*sample_id\\s+categorical\\s+4 distinct\\s+stim101 \\(500\\), ctrl101 \\(454\\).*"), run.out());
    }

    @Test
    void inspectOfATextFileIsOneErrorLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("notes.h5ad"), "hello");
        CliRun run = CliRun.of("inspect", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: ") && run.err().contains("not an HDF5 file"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    /**
     * Expected values: POT 0.8.2, {@code ot.emd2(ot.unif(10), ot.unif(10), ot.dist(Xa, Xb, metric))}
     * on the cells of each donor of tiny_csr.h5ad (X.toarray() as float64).
     */
    @Test
    void distancesMatchPotOnThreeSmallSamples() throws IOException {
        Path input = fixture("tiny_csr.h5ad");
        Path out = dir.resolve("D.tsv");
        CliRun run = CliRun.of("distances", "--input", input.toString(), "--sample-key", "donor", "--out", out.toString(),
                "--quiet", "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("samples=3 cells=30 genes=12\nwrote " + out, run.out().strip());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sample\td0\td1\td2", lines.get(0));
        double[][] pot = {
            {0.0, 3.002854154634705, 2.6542451847942217},
            {3.002854154634705, 0.0, 2.7425935095784344},
            {2.6542451847942217, 2.742593509578435, 0.0}};
        for (int i = 0; i < 3; i++) {
            String[] f = lines.get(i + 1).split("\t");
            assertEquals("d" + i, f[0]);
            for (int j = 0; j < 3; j++) {
                assertEquals(pot[i][j], Double.parseDouble(f[j + 1]), 1e-9, "D[" + i + "][" + j + "]");
            }
        }
        CliRun city = CliRun.of("distances", "-i", input.toString(), "--sample-key", "donor", "-o", out.toString(),
                "-q", "--metric", "cityblock");
        assertEquals(0, city.exitCode(), city.err());
        assertEquals(5.9, Double.parseDouble(Files.readAllLines(out).get(1).split("\t")[2]), 1e-9);
        CliRun log = CliRun.of("distances", "-i", input.toString(), "--sample-key", "donor", "-o", out.toString(),
                "-q", "--normalize", "log1p");
        assertEquals(0, log.exitCode(), log.err());
        assertEquals(13.784097699657138, Double.parseDouble(Files.readAllLines(out).get(1).split("\t")[2]), 1e-5);
    }

    @Test
    void badInputIsOneLineExitTwoAndNoOutputFile() throws IOException {
        Path input = fixture("tiny_csr.h5ad");
        Path out = dir.resolve("D.tsv");
        CliRun unknownKey = CliRun.of("distances", "-i", input.toString(), "--sample-key", "patient", "-o", out.toString());
        assertEquals(2, unknownKey.exitCode());
        assertTrue(unknownKey.err().contains("sample key 'patient'") && unknownKey.err().contains("donor, disease, n_counts")
                && unknownKey.err().strip().endsWith("(--sample-key)"), unknownKey.err());
        CliRun layer = CliRun.of("distances", "-i", input.toString(), "--sample-key", "donor", "--layer", "counts",
                "-o", out.toString());
        assertEquals(2, layer.exitCode());
        assertTrue(layer.err().contains("there is no layer 'counts'") && layer.err().strip().endsWith("(--layer)"),
                layer.err());
        CliRun missing = CliRun.of("distances", "-i", dir.resolve("none.h5ad").toString(), "--sample-key", "donor",
                "-o", out.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        CliRun badFilter = CliRun.of("distances", "-i", input.toString(), "--sample-key", "donor", "--gene-filter", "top",
                "-o", out.toString());
        assertEquals(2, badFilter.exitCode());
        assertTrue(badFilter.err().contains("top-variance:N"), badFilter.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("tiny_csr.h5ad"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void smallSamplesAreDroppedWithAWarning() throws IOException {
        Path input = fixture("tiny_csr.h5ad");
        Path out = dir.resolve("D.tsv");
        CliRun run = CliRun.of("distances", "-i", input.toString(), "--sample-key", "donor", "-o", out.toString(), "-q",
                "--cells-per-sample", "8", "--seed", "5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("samples=3 cells=24 genes=12\nwrote " + out, run.out().strip());
        CliRun tooMany = CliRun.of("distances", "-i", input.toString(), "--sample-key", "donor", "-o", out.toString(),
                "-q", "--cells-per-sample", "20", "--keep-small-samples");
        assertEquals(0, tooMany.exitCode(), tooMany.err());
        assertTrue(tooMany.err().contains("warning: kept whole 3 samples"), tooMany.err());
    }
}
