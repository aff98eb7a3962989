package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.groundmetric.testing.Python;
import org.groundmetric.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples-level AnnData (distances and predict --write-h5ad, embed --samples-h5ad), read by Python
 * anndata: one obs row per sample with its constant obs columns, X = W_θ with the samples it goes
 * to as var, the MDS against numpy's classical MDS. Input: ggml_ot_genes.h5ad (4 patients; obs
 * patient_group and donor_age are constant per patient).
 */
class SamplesH5adTest {

    @TempDir
    Path dir;

    @Test
    void distancesWritesOneObsRowPerSampleWithTheMatrixAndItsMds() {
        Path input = TestResources.ggmlOt("ggml_ot_genes.h5ad", dir);
        Path tsv = dir.resolve("D.tsv");
        Path h5ad = dir.resolve("samples.h5ad");
        CliRun run = CliRun.of("distances", "--input", input.toString(), "--sample-key", "sample", "--label-key",
                "patient_group", "--out", tsv.toString(), "--write-h5ad", h5ad.toString(), "--mds", "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + tsv + " and " + h5ad), run.out());
        Python.assumeAnndata();
        Python.Result r = Python.run(String.join("\n",
                "import sys, anndata, numpy as np, pandas as pd",
                "a = anndata.read_h5ad(sys.argv[1])",
                "d = pd.read_csv(sys.argv[2], sep='\\t', index_col=0)",
                "assert list(a.obs_names) == ['p1', 'p2', 'p3', 'p4'] and list(a.var_names) == list(a.obs_names)",
                "assert list(a.obs['patient_group']) == ['healthy', 'healthy', 'sick', 'sick'], a.obs",
                "assert str(a.obs['patient_group'].dtype) == 'category'",
                "assert list(a.obs['donor_age']) == [40, 50, 60, 70], a.obs",
                "assert list(a.obs['n_cells_used']) == [6, 6, 6, 6], a.obs",
                "assert np.allclose(a.to_df().values, d.loc[a.obs_names, a.var_names].values, rtol=1e-6), a.X",
                "assert a.uns['groundmetric']['ground_metric'] == 'euclidean', a.uns",
                "# classical MDS (Torgerson) in numpy: the same picture up to the sign of each axis",
                "D = d.values.astype(float)",
                "n = len(D); J = np.eye(n) - np.ones((n, n)) / n",
                "B = -0.5 * J @ (D ** 2) @ J",
                "w, v = np.linalg.eigh(B); top = np.argsort(w)[::-1][:2]",
                "ref = v[:, top] * np.sqrt(np.maximum(w[top], 0))",
                "mds = np.asarray(a.obsm['X_mds'], dtype=float)",
                "assert mds.shape == (4, 2), mds.shape",
                "for c in range(2):",
                "    s = np.sign(ref[:, c] @ mds[:, c])",
                "    assert np.allclose(mds[:, c], s * ref[:, c], atol=1e-5), (mds, ref)",
                "print('ok')"), h5ad.toString(), tsv.toString());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void predictWritesTheNewSamplesAgainstTheReference() {
        Path input = TestResources.ggmlOt("ggml_ot_genes.h5ad", dir);
        Path model = dir.resolve("model.json");
        CliRun train = CliRun.of("train", "--input", input.toString(), "--sample-key", "sample", "--label-key",
                "patient_group", "--neighbours", "1", "--epochs", "2", "--keep-reference", "--out", model.toString(), "-q");
        assertEquals(0, train.exitCode(), train.err());
        Path pred = dir.resolve("pred.tsv");
        Path w = dir.resolve("W.tsv");
        Path h5ad = dir.resolve("samples.h5ad");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--sample-key",
                "sample", "--k", "2", "--out", pred.toString(), "--distances-out", w.toString(),
                "--write-h5ad", h5ad.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        Python.assumeAnndata();
        Python.Result r = Python.run(String.join("\n",
                "import sys, anndata, numpy as np, pandas as pd",
                "a = anndata.read_h5ad(sys.argv[1])",
                "p = pd.read_csv(sys.argv[2], sep='\\t', index_col=0)",
                "w = pd.read_csv(sys.argv[3], sep='\\t', index_col=0)",
                "assert list(a.obs_names) == list(p.index) and list(a.var_names) == list(w.columns), (a.obs, a.var)",
                "assert list(a.obs['predicted']) == list(p['predicted']), a.obs",
                "assert np.allclose(a.obs['p_sick'], p['p_sick']) and np.allclose(a.obs['p_healthy'], p['p_healthy'])",
                "assert list(a.obs['patient_group']) == ['healthy', 'healthy', 'sick', 'sick'], a.obs",
                "assert list(a.var['class']) == ['healthy', 'healthy', 'sick', 'sick'], a.var",
                "assert np.allclose(a.X, w.values, rtol=1e-6)",
                "print('ok')"), h5ad.toString(), pred.toString(), w.toString());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void embedWritesTheSampleLayoutsItComputes() {
        Path input = TestResources.ggmlOt("ggml_ot_genes.h5ad", dir);
        Path samplesTsv = dir.resolve("samples.tsv");
        Path h5ad = dir.resolve("samples.h5ad");
        CliRun run = CliRun.of("embed", "--model", input.toString(), "--input", input.toString(), "--sample-key",
                "sample", "--label-key", "patient_group", "--samples-out", samplesTsv.toString(),
                "--samples-h5ad", h5ad.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        Python.assumeAnndata();
        Python.Result r = Python.run(String.join("\n",
                "import sys, anndata, numpy as np, pandas as pd",
                "a = anndata.read_h5ad(sys.argv[1])",
                "s = pd.read_csv(sys.argv[2], sep='\\t', index_col=0)",
                "assert list(a.obs_names) == list(s.index)",
                "assert np.allclose(a.obsm['X_mds'], s[['mds1', 'mds2']].values, atol=1e-5)",
                "assert np.allclose(a.obsm['X_umap'], s[['umap1', 'umap2']].values, atol=1e-5)",
                "assert np.allclose(a.X, a.X.T) and np.allclose(np.diag(a.X), 0)",
                "print('ok')"), h5ad.toString(), samplesTsv.toString());
        assertEquals(0, r.exitCode(), r.output());
    }
}
