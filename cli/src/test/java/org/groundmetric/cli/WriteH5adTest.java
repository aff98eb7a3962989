package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.testing.Python;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * embed --write-h5ad: the input copied with ggml-ot's keys (obsm X_ggml, varm W_ggml, uns W_ggml and
 * ggml_params) and ours (uns groundmetric); read back by us and by anndata, and given back as --model.
 */
class WriteH5adTest {

    @TempDir
    static Path dir;
    static TrainedMetric model;
    static Path input;
    static AnnData original;
    static AnnData raw;
    static Path written;
    static CliRun run;

    @BeforeAll
    static void embedTheTrainSplitAndWriteTheCopy() {
        Cohort train = PredictCommandTest.renamed(TestModels.smallSynth2d(1), "train_");
        Cohort test = PredictCommandTest.renamed(TestModels.smallSynth2d(2), "test_");
        model = TestModels.train(train, dir.resolve("model.json"));
        original = PredictCommandTest.twoSplits(train, test, new int[] {0, 1}, List.of("dim0", "dim1"));
        input = dir.resolve("in.h5ad");
        float[] counts = ((DenseMatrix) original.x()).data().clone();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.round(Math.abs(counts[i]));
        }
        raw = AnnData.of(new DenseMatrix(original.cells(), 2, counts), original.obs(),
                org.groundmetric.data.io.DataFrame.ofIndex(List.of("dim0", "dim1")));
        H5adWriter.write(original, raw, input);
        written = dir.resolve("out.h5ad");
        // Only the train split is embedded, but every cell of the file gets its X_ggml row.
        run = CliRun.of("embed", "--model", dir.resolve("model.json").toString(), "--input", input.toString(),
                "--sample-key", "sample", "--label-key", "class", "--filter", "split=train",
                "--out", dir.resolve("cells.tsv").toString(), "--samples-out", dir.resolve("samples.tsv").toString(),
                "--no-cell-umap", "-q", "--write-h5ad", written.toString());
    }

    @Test
    void ourReaderSeesTheInputPlusTheResults() {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + written + " (540 cells with obsm X_ggml, varm W_ggml, uns W_ggml, ggml_params, groundmetric)"), run.out());
        AnnData back = H5adReader.readAll(written);
        // Everything of the input is still there.
        assertArrayEquals(((DenseMatrix) original.x()).data(), ((DenseMatrix) back.x()).data());
        assertEquals(original.obs().index(), back.obs().index());
        for (String c : List.of("sample", "class", "split")) {
            for (int i = 0; i < original.cells(); i++) {
                assertEquals(original.obs().columns().get(c).text(i), back.obs().columns().get(c).text(i));
            }
        }
        assertEquals(original.var().index(), back.var().index());
        assertArrayEquals(((DenseMatrix) original.layers().get("counts")).data(),
                ((DenseMatrix) back.layers().get("counts")).data());
        assertArrayEquals(original.obsm().get("X_pca").data(), back.obsm().get("X_pca").data());
        assertEquals("two splits", back.uns().get("title"));
        AnnData backRaw = H5adReader.read(written, new H5adReader.Options("raw", null, null));
        assertArrayEquals(((DenseMatrix) raw.x()).data(), ((DenseMatrix) backRaw.x()).data());
        assertEquals(raw.var().index(), backRaw.var().index());
        // X_ggml = X·Wᵀ for every cell, the test split's too, in the file's order.
        DenseMatrix image = back.obsm().get("X_ggml");
        assertEquals(original.cells(), image.rows());
        assertEquals(5, image.cols());
        double[] expected = model.metric().project(original.x());
        for (int i = 0; i < expected.length; i++) {
            assertEquals((float) expected[i], image.data()[i], 0f);
        }
        // varm W_ggml = Wᵀ (genes × k), uns W_ggml = W (k × D) to the last bit.
        assertArrayEquals(model.weights(), (double[][]) back.uns().get("W_ggml"));
        DenseMatrix w = back.varm().get("W_ggml");
        assertEquals(2, w.rows());
        for (int g = 0; g < 2; g++) {
            for (int r = 0; r < 5; r++) {
                assertEquals((float) model.weights()[r][g], w.get(g, r), 0f);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> uns = (Map<String, Object>) back.uns().get("groundmetric");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) uns.get("params");
        assertEquals(5L, ((Number) params.get("rank")).longValue());
        assertEquals(10.0, ((Number) params.get("alpha")).doubleValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> importance = (Map<String, Object>) uns.get("gene_importance");
        assertArrayEquals(new String[] {"dim0", "dim1"}, (String[]) importance.get("genes"));
        double[] imp = (double[]) importance.get("importance");
        assertEquals(1.0, imp[0] + imp[1], 1e-12);
    }

    @Test
    void pythonAnndataReadsTheSameShapesAndValues() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        Python.assumeAnndata();
        Path dump = dir.resolve("dump.txt");
        String script = String.join("\n",
                "import sys, anndata, numpy as np",
                "a = anndata.read_h5ad(sys.argv[1])",
                "e = a.obsm['X_ggml']",
                "w = a.varm['W_ggml']",
                "g = a.uns['groundmetric']",
                "m = a.uns['W_ggml']",
                "p = a.uns['ggml_params']",
                "assert m.shape == (5, 2) and m.dtype == np.float64 and np.allclose(m.T, w), (m.shape, m.dtype)",
                "assert dict(p) == {'patient_col': 'sample', 'label_col': 'class', 'n_triplets': 3}, dict(p)",
                "with open(sys.argv[2], 'w') as f:",
                "    f.write('%d %d %d %d %d %d\\n' % (a.n_obs, a.n_vars, e.shape[0], e.shape[1], w.shape[0], w.shape[1]))",
                "    f.write(' '.join(sorted(a.obsm.keys())) + ' | ' + ' '.join(sorted(a.layers.keys())) + '\\n')",
                "    f.write('%s %d %s\\n' % (a.obs['split'].iloc[-1], int(g['params']['rank']), a.uns['title']))",
                "    f.write(' '.join('%.9g' % v for v in np.asarray(e, dtype=np.float32).ravel()) + '\\n')",
                "    f.write(' '.join('%.9g' % v for v in np.asarray(w, dtype=np.float32).ravel()) + '\\n')",
                "    f.write(' '.join(list(g['gene_importance']['genes'])) + '\\n')",
                "    r = np.asarray(a.raw.X, dtype=np.float32)",
                "    f.write('%d %d %s\\n' % (r.shape[0], r.shape[1], ' '.join(a.raw.var_names)))",
                "    f.write(' '.join('%.9g' % v for v in r.ravel()) + '\\n')");
        Python.Result r = Python.run(script, written.toString(), dump.toString());
        assertEquals(0, r.exitCode(), r.output());
        List<String> lines = Files.readAllLines(dump);
        assertEquals("540 2 540 5 2 5", lines.get(0));
        assertEquals("X_ggml X_pca | counts", lines.get(1));
        assertEquals("test 5 two splits", lines.get(2));
        AnnData back = H5adReader.readAll(written);
        assertArrayEquals(back.obsm().get("X_ggml").data(), floats(lines.get(3)));
        assertArrayEquals(back.varm().get("W_ggml").data(), floats(lines.get(4)));
        assertEquals("dim0 dim1", lines.get(5));
        assertEquals("540 2 dim0 dim1", lines.get(6));
        assertArrayEquals(((DenseMatrix) raw.x()).data(), floats(lines.get(7)));
    }

    /** The written file is a model too: the same W_θ as from model.json, to the last bit. */
    @Test
    void theWrittenFileIsTheModelForDistances() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        String[] common = {"--input", input.toString(), "--sample-key", "sample", "--filter", "split=test", "-q"};
        Path fromJson = dir.resolve("d_json.tsv");
        Path fromH5ad = dir.resolve("d_h5ad.tsv");
        CliRun a = CliRun.of(concat(new String[] {"distances", "--model", dir.resolve("model.json").toString(),
                "--out", fromJson.toString()}, common));
        CliRun b = CliRun.of(concat(new String[] {"distances", "--model", written.toString(),
                "--out", fromH5ad.toString()}, common));
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(Files.readString(fromJson), Files.readString(fromH5ad));
        assertEquals(model.toJson(), TrainedMetric.read(written).toJson());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static float[] floats(String line) {
        String[] parts = line.trim().split(" ");
        float[] out = new float[parts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

}
