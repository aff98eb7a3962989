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
        assertTrue(run.out().startsWith("samples=18 cells=540 features=2 classes=3 protocol=split rounds=2 fits=2 methods=3"),
                run.out());
        assertTrue(run.out().contains("vote: distance (classes class_0 6, class_1 6, class_2 6; --vote balanced overrides)"),
                run.out());
        assertTrue(run.out().contains("| method | balanced accuracy | AUC | recall class_0 |"), run.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals(BenchmarkReport.summaryHeader(List.of("class_0", "class_1", "class_2")), rows.get(0));
        assertTrue(rows.get(0).startsWith("method,vote,rounds,balanced_accuracy,balanced_accuracy_std,auc,auc_std,"
                + "recall_class_0,recall_class_0_std,"), rows.get(0));
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).startsWith("GGML,distance,2,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("Euclidean,"));
        assertTrue(rows.get(3).startsWith("LFDA,"));
        int columns = rows.get(0).split(",", -1).length;
        for (String r : rows.subList(1, 4)) {
            assertTrue(r.endsWith(",ok"), r);
            assertEquals(columns, r.split(",", -1).length, r);
        }
        List<String> rounds = Files.readAllLines(dir.resolve("results.rounds.csv"));
        assertEquals(1 + 3 * 2, rounds.size(), String.join("\n", rounds));
        assertTrue(rounds.get(0).startsWith("method,round,balanced_accuracy,auc,"), rounds.get(0));
        List<String> predictions = Files.readAllLines(dir.resolve("results.predictions.csv"));
        assertEquals("method,round,fit,sample,class,predicted,p_class_0,p_class_1,p_class_2,alpha,lambda",
                predictions.get(0));
        // 18 samples, half of each class held out per split: 9 per split, 2 splits, 3 methods
        assertEquals(1 + 3 * 2 * 9, predictions.size());
    }

    @Test
    void unknownMethodIsAClearError() {
        CliRun run = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--methods", "GGML,Magic", "--out", dir.resolve("x.csv").toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: Invalid value for option '--methods' (LIST): 'Magic' is not one of "
                + "GGML, Euclidean, Manhattan, Cosine, LMNN, NCA, ITML, LFDA (see 'groundmetric benchmark --help')",
                run.err().strip(), "one line");
    }

    @Test
    void unknownSampleKeyListsTheColumns() {
        CliRun run = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "donor",
                "--label-key", "class", "--out", dir.resolve("y.csv").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("sample key 'donor' is not among the columns: distribution, class (--sample-key)"),
                run.err());
    }

    @Test
    void tunePrintsTheGridAndTheBestPair() throws IOException {
        Path out = dir.resolve("grid.csv");
        CliRun run = CliRun.of("tune", "--input", h5ad.toString(), "--sample-key", "distribution", "--label-key",
                "class", "--alpha", "1,10", "--lambda", "0.1", "--epochs", "1", "--k", "3", "--splits", "1", "--quiet",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("| alpha \\ lambda | 0.1 |"), run.out());
        assertTrue(run.out().contains("best: alpha="), run.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals("alpha,lambda,validation_balanced_accuracy,validation_balanced_accuracy_std,validation_accuracy,"
                + "validation_accuracy_std,validation_auc,validation_auc_std", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("1.0,0.1,"));
    }

    @Test
    void helpTeachesTheProtocol() {
        CliRun run = CliRun.of("benchmark", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--budget-minutes"), run.out());
        assertTrue(run.out().contains("Examples:"), run.out());
        assertTrue(run.out().contains("--cv=split|loo|kfold:K"), run.out());
        assertTrue(run.out().contains("Examples: --cv loo, --cv kfold:5 --repeats 3."), run.out());
        assertTrue(run.out().contains("--vote=distance|balanced"), run.out());
        CliRun tune = CliRun.of("tune", "--help");
        assertEquals(0, tune.exitCode());
        assertTrue(tune.out().contains("--cv=split|loo|kfold:K"), tune.out());
    }

    @Test
    void smallCohortsGetLeaveOneOutByDefaultSayingSo() throws IOException {
        Path out = dir.resolve("loo.csv");
        CliRun run = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--methods", "Euclidean", "--k", "3", "--cell-k", "5", "--clustering-cells", "50",
                "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("samples=18 cells=540 features=2 classes=3 protocol=loo rounds=1 fits=18 methods=1"),
                run.out());
        assertTrue(run.err().contains("note: 18 samples (fewer than 30): leave-one-out, 18 fits per method"), run.err());
        List<String> rows = Files.readAllLines(out);
        assertTrue(rows.get(1).startsWith("Euclidean,distance,1,"), rows.get(1));
        assertEquals(1 + 18, Files.readAllLines(dir.resolve("loo.predictions.csv")).size());
        // one round: no spread to print; one held-out sample per fit: no clustering
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("| Euclidean | ") && !l.contains("±")), run.out());
        assertTrue(run.out().contains("| method | balanced accuracy | AUC | recall class_0 | recall class_1 |"
                + " recall class_2 | accuracy | cell accuracy | fit s | status |"), run.out());
        assertTrue(run.out().contains("not defined here: MI, ARI, VI, cell MI, cell ARI, cell VI (clustering needs"),
                run.out());
    }

    @Test
    void repeatedKFoldTheVoteOverrideAndTuningOnlyWhenAsked() throws IOException {
        Path out = dir.resolve("kfold.csv");
        CliRun run = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--methods", "GGML,Euclidean", "--cv", "kfold:3", "--repeats", "2",
                "--vote", "balanced", "--tune", "--alpha-grid", "1", "--lambda-grid", "0.1,1", "--epochs", "1",
                "--k", "3", "--cell-k", "5", "--clustering-cells", "0", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("samples=18 cells=540 features=2 classes=3 protocol=kfold:3 rounds=2 fits=6"
                + " methods=2 tune=GGML"), run.out());
        assertTrue(run.out().contains("vote: balanced (--vote)"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("| GGML | ") && l.contains("±")), run.out());
        List<String> predictions = Files.readAllLines(dir.resolve("kfold.predictions.csv"));
        assertEquals(1 + 2 * 2 * 18, predictions.size(), "every sample held out once per repeat, per method");
        for (String p : predictions.subList(1, predictions.size())) {
            if (p.startsWith("GGML,")) {
                assertTrue(p.endsWith(",1.0,0.1") || p.endsWith(",1.0,1.0"), "the pair tuning chose: " + p);
            } else {
                assertTrue(p.endsWith(",,"), "Euclidean is not tuned: " + p);
            }
        }
        List<String> summary = Files.readAllLines(out);
        assertTrue(summary.get(1).startsWith("GGML,balanced,2,"), summary.get(1));
    }

    @Test
    void protocolMistakesAreOneErrorLine() {
        CliRun bad = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--cv", "kfold:x", "--out", dir.resolve("z.csv").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: Invalid value for option '--cv': protocol 'kfold:x' is unknown;"
                + " expected split, loo or kfold:K"), bad.err());
        CliRun repeats = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--cv", "loo", "--repeats", "3", "--out", dir.resolve("z.csv").toString());
        assertEquals(2, repeats.exitCode());
        assertEquals("error: --repeats applies to --cv kfold:K only; the protocol is loo; give --cv kfold:5 --repeats 3",
                repeats.err().strip());
        CliRun folds = CliRun.of("benchmark", "--input", h5ad.toString(), "--sample-key", "distribution",
                "--label-key", "class", "--cv", "kfold:40", "--out", dir.resolve("z.csv").toString());
        assertEquals(2, folds.exitCode());
        assertEquals("error: --cv kfold:40: 40 folds asked for 18 samples; expected 2 to 18", folds.err().strip());
        assertTrue(Files.notExists(dir.resolve("z.csv")));
    }
}
