package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes an AnnData and reads it back with our reader and, when installed, Python's anndata. */
class H5adWriterTest {

    /** 4 cells × 3 genes, CSR, with every slot filled. */
    static AnnData example() {
        CsrMatrix x = new CsrMatrix(4, 3, new int[] {0, 2, 3, 3, 5}, new int[] {0, 2, 1, 0, 2},
                new float[] {1.5f, 2f, 3f, 4f, 0.25f});
        Map<String, Column> obsCols = new LinkedHashMap<>();
        obsCols.put("donor", Column.Categorical.of(List.of("d1", "d1", "d2", "d2")));
        obsCols.put("note", new Column.Strings(new String[] {"a", "bé", "c", "d"}));
        obsCols.put("n_genes", new Column.Numeric(new double[] {2, 1, 0, 2}, true));
        obsCols.put("score", new Column.Numeric(new double[] {0.5, 1.5, 2.5, 3.5}, false));
        obsCols.put("kept", new Column.Booleans(new boolean[] {true, false, true, true}));
        DataFrame obs = new DataFrame(List.of("c1", "c2", "c3", "c4"), obsCols);
        DataFrame var = new DataFrame(List.of("g1", "g2", "g3"),
                Map.of("feature_name", new Column.Strings(new String[] {"A", "B", "A"})));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("rank", 2L);
        nested.put("alpha", 0.5);
        nested.put("genes", new String[] {"g1", "g3"});
        nested.put("importance", new double[] {0.7, 0.3});
        return AnnData.of(x, obs, var)
                .withObsm("X_ggml", new DenseMatrix(4, 2, new float[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .withVarm("ggml_W", new DenseMatrix(3, 2, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}))
                .withLayer("dense", new DenseMatrix(4, 3, new float[] {1.5f, 0, 2, 0, 3, 0, 0, 0, 0, 4, 0, 0.25f}))
                .withUns("title", "round trip")
                .withUns("ggml", nested);
    }

    @Test
    void ourReaderReadsBackWhatWasWritten(@TempDir Path dir) {
        Path file = dir.resolve("out.h5ad");
        AnnData a = example();
        H5adWriter.write(a, file);
        AnnData b = H5adReader.readAll(file);
        CsrMatrix x = assertInstanceOf(CsrMatrix.class, b.x());
        assertArrayEquals(((CsrMatrix) a.x()).values(), x.values());
        assertArrayEquals(((CsrMatrix) a.x()).columnIndices(), x.columnIndices());
        assertEquals(a.obs().index(), b.obs().index());
        assertEquals(List.copyOf(a.obs().columns().keySet()), List.copyOf(b.obs().columns().keySet()));
        for (String c : a.obs().columns().keySet()) {
            for (int i = 0; i < 4; i++) {
                assertEquals(a.obs().columns().get(c).text(i), b.obs().columns().get(c).text(i), c);
            }
            assertEquals(a.obs().columns().get(c).kind(), b.obs().columns().get(c).kind(), c);
        }
        assertEquals(List.of("d1", "d2"), ((Column.Categorical) b.obs().column("donor", "k")).categories());
        assertEquals(a.var().index(), b.var().index());
        assertArrayEquals(a.obsm().get("X_ggml").data(), b.obsm().get("X_ggml").data());
        assertArrayEquals(a.varm().get("ggml_W").data(), b.varm().get("ggml_W").data());
        assertArrayEquals(((DenseMatrix) a.layers().get("dense")).data(), ((DenseMatrix) b.layers().get("dense")).data());
        assertEquals("round trip", b.uns().get("title"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ggml = (Map<String, Object>) b.uns().get("ggml");
        assertEquals(2L, ((Number) ggml.get("rank")).longValue());
        assertEquals(0.5, ((Number) ggml.get("alpha")).doubleValue());
        assertArrayEquals(new String[] {"g1", "g3"}, (String[]) ggml.get("genes"));
        assertArrayEquals(new double[] {0.7, 0.3}, (double[]) ggml.get("importance"));

        AnnData named = H5adReader.read(file, new H5adReader.Options(null, null, "feature_name"));
        assertEquals(List.of("A", "B", "A-1"), named.var().index());
    }

    /** 400 × 500 with ~40% non-zeros: above the size where X is chunked + deflated and read chunk by chunk. */
    private static CsrMatrix largeCounts() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        int rows = 400;
        int cols = 500;
        int[] ptr = new int[rows + 1];
        List<Integer> idx = new java.util.ArrayList<>();
        List<Float> val = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() < 0.4) {
                    idx.add(j);
                    val.add((float) rnd.nextInt(1, 50));
                }
            }
            ptr[i + 1] = idx.size();
        }
        int[] ix = idx.stream().mapToInt(Integer::intValue).toArray();
        float[] vx = new float[val.size()];
        for (int p = 0; p < vx.length; p++) {
            vx[p] = val.get(p);
        }
        return new CsrMatrix(rows, cols, ptr, ix, vx);
    }

    private static Path writeLarge(Path dir) {
        CsrMatrix x = largeCounts();
        AnnData a = AnnData.of(x, DataFrame.ofIndex(DataFrame.rangeIndex(x.rows())),
                DataFrame.ofIndex(DataFrame.rangeIndex(x.cols())));
        Path file = dir.resolve("big.h5ad");
        H5adWriter.write(a, file);
        return file;
    }

    @Test
    void aLargeChunkedCompressedMatrixRoundTrips(@TempDir Path dir) {
        Path file = writeLarge(dir);
        CsrMatrix x = largeCounts();
        assertEquals("deflate", H5adReader.inspect(file).x().compression().replaceAll("[^a-z].*", ""));
        CsrMatrix back = (CsrMatrix) H5adReader.read(file, H5adReader.Options.DEFAULT).x();
        assertArrayEquals(x.rowPointers(), back.rowPointers());
        assertArrayEquals(x.columnIndices(), back.columnIndices());
        assertArrayEquals(x.values(), back.values());
    }

    @Test
    void pythonAnndataReadsTheLargeChunkedMatrix(@TempDir Path dir) {
        assumeTrue(PythonCheck.hasAnndata(), "skipped: /usr/bin/python3 cannot import anndata (apt-get install python3-anndata)");
        Path file = writeLarge(dir);
        float[] vx = largeCounts().values();
        PythonCheck.Result r = assertDoesNotThrow(() -> PythonCheck.run(String.join("\n",
                "import sys, anndata",
                "a = anndata.read_h5ad(sys.argv[1])",
                "assert a.shape == (400, 500) and a.X.nnz == int(sys.argv[2]) and a.X.sum() == float(sys.argv[3]), a",
                "print('ok')"), file.toString(), Integer.toString(vx.length), Double.toString(sum(vx))));
        assertEquals(0, r.exitCode(), r.output());
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    @Test
    void pythonAnndataOpensTheFile(@TempDir Path dir) throws Exception {
        assumeTrue(PythonCheck.hasAnndata(), "skipped: /usr/bin/python3 cannot import anndata (apt-get install python3-anndata)");
        Path file = dir.resolve("out.h5ad");
        H5adWriter.write(example(), file);
        String script = String.join("\n",
                "import sys, anndata, numpy as np",
                "a = anndata.read_h5ad(sys.argv[1])",
                "assert a.shape == (4, 3), a.shape",
                "X = a.X.toarray()",
                "assert np.allclose(X, [[1.5,0,2],[0,3,0],[0,0,0],[4,0,0.25]]), X",
                "assert list(a.obs_names) == ['c1','c2','c3','c4']",
                "assert list(a.var_names) == ['g1','g2','g3']",
                "assert str(a.obs['donor'].dtype) == 'category' and list(a.obs['donor'].cat.categories) == ['d1','d2']",
                "assert list(a.obs['donor']) == ['d1','d1','d2','d2']",
                "assert list(a.obs['note']) == ['a','bé','c','d'], list(a.obs['note'])",
                "assert list(a.obs['n_genes']) == [2,1,0,2]",
                "assert np.allclose(a.obs['score'], [0.5,1.5,2.5,3.5])",
                "assert list(a.var['feature_name']) == ['A','B','A']",
                "assert list(a.obs['kept']) == [1,0,1,1]",
                "assert np.allclose(a.obsm['X_ggml'], [[1,2],[3,4],[5,6],[7,8]])",
                "assert np.allclose(a.varm['ggml_W'], [[.1,.2],[.3,.4],[.5,.6]])",
                "assert np.allclose(a.layers['dense'], X)",
                "assert a.uns['title'] == 'round trip', a.uns['title']",
                "g = a.uns['ggml']",
                "assert g['rank'] == 2 and g['alpha'] == 0.5, g",
                "assert list(g['genes']) == ['g1','g3'] and np.allclose(g['importance'], [0.7,0.3]), g",
                "print('ok')");
        PythonCheck.Result r = PythonCheck.run(script, file.toString());
        assertEquals(0, r.exitCode(), r.output());
    }

    /** Runs /usr/bin/python3 for reference checks. */
    static final class PythonCheck {
        record Result(int exitCode, String output) {
        }

        static boolean hasAnndata() {
            try {
                return run("import anndata").exitCode() == 0;
            } catch (Exception e) {
                return false;
            }
        }

        static Result run(String script, String... args) throws IOException, InterruptedException {
            List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-W", "ignore", "-c", script));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + out);
            }
            return new Result(p.exitValue(), out);
        }
    }

    static Path write(Path dir, AnnData a) throws IOException {
        Path file = Files.createTempFile(dir, "a", ".h5ad");
        H5adWriter.write(a, file);
        return file;
    }
}
