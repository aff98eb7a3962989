package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.predict.Predictor;
import org.groundmetric.predict.SamplePredictions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** groundmetric predict on a small two-split .h5ad (the paper's 2-D generator, shrunk). */
class PredictCommandTest {

    @TempDir
    static Path dir;
    static Cohort train;
    static Cohort test;
    static TrainedMetric bare;
    static Path modelWithReference;
    static Path modelWithout;
    static Path data;

    @BeforeAll
    static void trainOnTheTrainSplit() throws Exception {
        train = renamed(TestModels.smallSynth2d(1), "train_");
        test = renamed(TestModels.smallSynth2d(2), "test_");
        modelWithout = dir.resolve("model.json");
        bare = TestModels.train(train, modelWithout);
        modelWithReference = dir.resolve("model-ref.json");
        bare.withReference(train).write(modelWithReference);
        data = dir.resolve("synth.h5ad");
        H5adWriter.write(twoSplits(train, test, new int[] {0, 1}, List.of("dim0", "dim1")), data);
    }

    @Test
    void predictsTheTestSplitFromTheModelAlone() throws Exception {
        Path out = dir.resolve("pred.tsv");
        CliRun run = predict(modelWithReference, data, out, "--filter", "split=test");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("samples=9 reference=9 (kept in the model) k=5"), run.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sample\tclass\tpredicted\tp_class_0\tp_class_1\tp_class_2\tnearest1\tdistance1\tnearest2"
                + "\tdistance2\tnearest3\tdistance3", lines.get(0));
        assertEquals(1 + test.size(), lines.size());
        // The table says what the Java API says.
        SamplePredictions api = Predictor.defaults().predict(TrainedMetric.read(modelWithReference), test);
        for (int i = 0; i < test.size(); i++) {
            String[] f = lines.get(1 + i).split("\t");
            SamplePredictions.Row r = api.rows().get(i);
            assertEquals(r.sampleId(), f[0]);
            assertEquals(r.trueClass(), f[1]);
            assertEquals(r.predictedClass(), f[2]);
            for (int c = 0; c < 3; c++) {
                assertEquals(r.probabilities()[c], Double.parseDouble(f[3 + c]), 0);
            }
            assertEquals(r.nearest().get(0).id(), f[6]);
            assertEquals(r.nearest().get(0).distance(), Double.parseDouble(f[7]), 0);
        }
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT,
                "balanced_accuracy=%.4f accuracy=%.4f auc=%.4f (9 labelled samples)", api.balancedAccuracy(),
                api.accuracy(), api.auc())), run.out());
        assertTrue(run.out().contains(" vote=distance (automatic) "), "9 reference samples, 3 per class: " + run.out());
    }

    @Test
    void referenceFileGivesTheSameTableAsTheKeptReference() throws Exception {
        Path kept = dir.resolve("kept.tsv");
        Path fromFile = dir.resolve("from-file.tsv");
        Path w = dir.resolve("w.tsv");
        assertEquals(0, predict(modelWithReference, data, kept, "--filter", "split=test").exitCode());
        CliRun run = predict(modelWithout, data, fromFile, "--filter", "split=test", "--reference", data.toString(),
                "--reference-filter", "split=train", "--distances-out", w.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readAllLines(kept), Files.readAllLines(fromFile));
        List<String> wLines = Files.readAllLines(w);
        assertEquals(1 + test.size(), wLines.size());
        assertEquals(1 + train.size(), wLines.get(0).split("\t").length);
    }

    @Test
    void reorderedGenesGiveTheSameTable() throws Exception {
        Path swapped = dir.resolve("swapped.h5ad");
        H5adWriter.write(twoSplits(train, test, new int[] {1, 0}, List.of("dim1", "dim0")), swapped);
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        assertEquals(0, predict(modelWithReference, data, a, "--filter", "split=test").exitCode());
        CliRun run = predict(modelWithReference, swapped, b, "--filter", "split=test");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readAllLines(a), Files.readAllLines(b));
    }

    @Test
    void missingGenesAreAnErrorSayingHowManyAndWhich() throws Exception {
        Path renamed = dir.resolve("renamed.h5ad");
        H5adWriter.write(twoSplits(train, test, new int[] {0, 1}, List.of("dim0", "DIM_1")), renamed);
        Path out = dir.resolve("never.tsv");
        CliRun run = predict(modelWithReference, renamed, out);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: 1 of the 2 genes the model uses are missing from the data: [dim1]"),
                run.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void badInputExitsWithTwo() {
        Path out = dir.resolve("x.tsv");
        CliRun noReference = predict(modelWithout, data, out);
        assertEquals(2, noReference.exitCode());
        assertTrue(noReference.err().contains("keeps no reference samples"), noReference.err());
        CliRun badFilter = predict(modelWithReference, data, out, "--filter", "split");
        assertEquals(2, badFilter.exitCode());
        assertTrue(badFilter.err().contains("cell filter 'split' is not COLUMN=VALUE") && badFilter.err().contains("(--filter)"),
                badFilter.err());
        CliRun noCells = predict(modelWithReference, data, out, "--filter", "split=validation");
        assertEquals(2, noCells.exitCode());
        assertTrue(noCells.err().contains("no cell is left after the cell filter split=validation"), noCells.err());
        CliRun bigK = predict(modelWithReference, data, out, "--k", "50");
        assertEquals(2, bigK.exitCode());
        assertTrue(bigK.err().contains("k = 50 neighbours asked") && bigK.err().strip().endsWith("(--k)"), bigK.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void trainKeepReferenceStoresProjectedCellsThatPredictUses() throws Exception {
        Path trainCsv = TestModels.writeCsv(train, dir.resolve("train.csv"));
        Path testCsv = TestModels.writeCsv(test, dir.resolve("test.csv"));
        Path m = dir.resolve("kept.json");
        CliRun trained = CliRun.of("train", "--input", trainCsv.toString(), "--sample-key", "sample", "--label-key",
                "class", "--epochs", "2", "--keep-reference", "--out", m.toString(), "-q");
        assertEquals(0, trained.exitCode(), trained.err());
        com.fasterxml.jackson.databind.JsonNode reference = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(m.toFile()).get("reference");
        assertEquals(train.size(), reference.size());
        assertEquals(train.sample(0).id(), reference.get(0).get("id").asText());
        assertEquals(train.sample(0).cellCount(), reference.get(0).get("cells").size());
        assertEquals(5, reference.get(0).get("cells").get(0).size());
        Path out = dir.resolve("kept-pred.tsv");
        CliRun run = CliRun.of("predict", "--model", m.toString(), "--input", testCsv.toString(), "--sample-key",
                "sample", "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("sample\tpredicted\tp_class_0\tp_class_1\tp_class_2\tnearest1\tdistance1\tnearest2\tdistance2"
                + "\tnearest3\tdistance3\tnearest4\tdistance4\tnearest5\tdistance5", Files.readAllLines(out).get(0));
        assertTrue(!run.out().contains("accuracy"), run.out());
    }

    @Test
    void helpTeaches() {
        CliRun run = CliRun.of("predict", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--keep-reference") && run.out().contains("--nearest")
                && run.out().contains("Example"), run.out());
    }

    @Test
    void anImbalancedReferenceGetsTheBalancedVoteUnlessToldOtherwise() throws Exception {
        String[] reference = {"--reference", data.toString(), "--reference-filter",
            "sample=train_sample_00,train_sample_01,train_sample_02,train_sample_03,train_sample_06,train_sample_07",
            "--filter", "split=test"};
        Path out = dir.resolve("balanced.tsv");
        CliRun auto = predict(modelWithout, data, out, reference);
        assertEquals(0, auto.exitCode(), auto.err());
        assertTrue(auto.out().contains("reference=6 (" + data + ") k=5 vote=balanced (automatic)"),
                "classes 3, 1, 2: the largest is 3x the smallest: " + auto.out());
        String[] distance = java.util.Arrays.copyOf(reference, reference.length + 2);
        distance[reference.length] = "--vote";
        distance[reference.length + 1] = "distance";
        CliRun told = predict(modelWithout, data, dir.resolve("distance.tsv"), distance);
        assertEquals(0, told.exitCode(), told.err());
        assertTrue(told.out().contains("k=5 vote=distance seconds="), told.out());
        CliRun wrong = predict(modelWithout, data, dir.resolve("wrong.tsv"), "--vote", "majority");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().startsWith("error: Invalid value for option '--vote': 'majority' is not one of distance, balanced"),
                wrong.err());
    }

    private static CliRun predict(Path model, Path input, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--input", input.toString(),
                "--sample-key", "sample", "--label-key", "class", "--nearest", "3", "--out", out.toString(), "-q"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    static Cohort renamed(Cohort c, String prefix) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : c.samples()) {
            out.add(new Sample(prefix + s.id(), s.classLabel(), s.cells(), s.cellIds().stream().map(x -> prefix + x).toList(),
                    s.cellAnnotations()));
        }
        return new Cohort(out, c.featureNames());
    }

    /**
     * Both cohorts in one AnnData (obs sample, class, split), X's columns taken in {@code order} and
     * named {@code names}; plus a counts layer, an obsm embedding and uns, as a real file would have.
     */
    static AnnData twoSplits(Cohort a, Cohort b, int[] order, List<String> names) {
        List<String> cells = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        List<String> label = new ArrayList<>();
        List<String> split = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (Cohort c : List.of(a, b)) {
            for (Sample s : c.samples()) {
                for (int i = 0; i < s.cellCount(); i++) {
                    cells.add(s.cellIds().get(i));
                    sample.add(s.id());
                    label.add(s.classLabel());
                    split.add(c == a ? "train" : "test");
                    float[] row = new float[order.length];
                    for (int j = 0; j < order.length; j++) {
                        row[j] = s.cells().get(i, order[j]);
                    }
                    rows.add(row);
                }
            }
        }
        DenseMatrix x = DenseMatrix.of(rows.toArray(new float[0][]));
        Map<String, Column> obs = new LinkedHashMap<>();
        obs.put("sample", Column.Categorical.of(sample));
        obs.put("class", Column.Categorical.of(label));
        obs.put("split", Column.Categorical.of(split));
        float[] pca = new float[x.rows()];
        for (int i = 0; i < pca.length; i++) {
            pca[i] = i;
        }
        return AnnData.of(x, new DataFrame(cells, obs), DataFrame.ofIndex(names))
                .withLayer("counts", x)
                .withObsm("X_pca", new DenseMatrix(x.rows(), 1, pca))
                .withUns("title", "two splits");
    }
}
