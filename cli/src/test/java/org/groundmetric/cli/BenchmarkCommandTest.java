package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.linalg.CsrMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCommandTest {
    @TempDir
    static Path dir;
    static Path h5ad;

    /** A small Synth2D (3 classes × 6 samples × 30 cells) written as .h5ad with obs columns distribution and class. */
    @BeforeAll
    static void writeCohort() {
        Cohort c = SyntheticCohorts.paper(1, 1000, 6, 10, 5);
        int n = (int) c.cellCount();
        int d = c.featureCount();
        float[] x = new float[n * d];
        List<String> index = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        List<String> label = new ArrayList<>();
        int o = 0;
        for (Sample s : c.samples()) {
            for (int r = 0; r < s.cellCount(); r++) {
                float[] row = s.cells().row(r);
                System.arraycopy(row, 0, x, o * d, d);
                index.add(s.cellIds().get(r));
                sample.add(s.id());
                label.add(s.classLabel());
                o++;
            }
        }
        Map<String, Column> obs = new LinkedHashMap<>();
        obs.put("distribution", Column.Categorical.of(sample));
        obs.put("class", Column.Categorical.of(label));
        AnnData a = AnnData.of(csr(n, d, x), new DataFrame(index, obs), DataFrame.ofIndex(c.featureNames()));
        h5ad = dir.resolve("small.h5ad");
        H5adWriter.write(a, h5ad);
    }

    /** X as CSR, the layout single-cell files use. */
    private static CsrMatrix csr(int n, int d, float[] x) {
        int[] indptr = new int[n + 1];
        int[] indices = new int[n * d];
        for (int i = 0; i < n; i++) {
            indptr[i + 1] = (i + 1) * d;
            for (int j = 0; j < d; j++) {
                indices[i * d + j] = j;
            }
        }
        return new CsrMatrix(n, d, indptr, indices, x);
    }

    @Test
    void writesTheResultsTableTheDetailsAndPrintsMarkdown() throws IOException {
        Path out = dir.resolve("results.csv");
        CliRun run = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--methods", "GGML,Euclidean,LFDA", "--splits", "2", "--epochs", "2",
                "--k", "3", "--cell-k", "5", "--baseline-cells", "10", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("samples=18 cells=540 features=2 classes=3 splits=2 methods=3"), run.out());
        assertTrue(run.out().contains("| method | patient accuracy |"), run.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals(BenchmarkReport.SUMMARY_HEADER, rows.get(0));
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).startsWith("GGML,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("Euclidean,"));
        assertTrue(rows.get(3).startsWith("LFDA,"));
        for (String r : rows.subList(1, 4)) {
            assertTrue(r.endsWith(",ok"), r);
            assertEquals(11, r.split(",", -1).length, r);
        }
        List<String> details = Files.readAllLines(dir.resolve("results.splits.csv"));
        assertEquals(1 + 3 * 2, details.size(), String.join("\n", details));
        assertTrue(details.get(0).startsWith("method,split,patient_accuracy"));
    }

    @Test
    void unknownMethodIsAClearError() {
        CliRun run = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--methods", "GGML,Magic", "--out", dir.resolve("x.csv").toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: Invalid value for option '--methods' (LIST): 'Magic' is not one of "
                + "GGML, Euclidean, Manhattan, Cosine, LMNN, NCA, ITML, LFDA", run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void unknownSampleKeyListsTheColumns() {
        CliRun run = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "donor",
                "--label-key", "class", "--out", dir.resolve("y.csv").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--sample-key 'donor' is not a column here; available: distribution, class"), run.err());
    }

    @Test
    void tunePrintsTheGridAndTheBestPair() throws IOException {
        Path out = dir.resolve("grid.csv");
        CliRun run = CliRun.of("tune", "--input", h5ad.toString(), "--sample-key", "distribution", "--label-key",
                "class", "--alpha", "1,10", "--lambda", "0.1", "--epochs", "1", "--k", "3", "--quiet",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("| alpha \\ lambda | 0.1 |"), run.out());
        assertTrue(run.out().contains("best: alpha="), run.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals("alpha,lambda,validation_accuracy,validation_accuracy_std", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("1.0,0.1,"));
    }

    @Test
    void helpTeachesTheProtocol() {
        CliRun run = CliRun.of("benchmark", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--budget-minutes"), run.out());
        assertTrue(run.out().contains("Example:"), run.out());
        assertEquals(0, CliRun.of("tune", "--help").exitCode());
    }
}
