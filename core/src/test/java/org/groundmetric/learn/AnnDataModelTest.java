package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.CohortBuilder;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.data.io.H5adSlots;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.ot.Solver;
import org.groundmetric.testing.TestResources;
import org.groundmetric.wasserstein.WassersteinMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models read from AnnData files in ggml-ot's layout, written by Python anndata
 * ({@code ggml_ot/make_ggml_ot_files.py}): W as ggml-ot stored it, the features it acts on, its
 * back-projection into genes, and the W_θ it gives, against POT's values computed in that script.
 */
class AnnDataModelTest {

    @TempDir
    Path dir;

    @Test
    void aMapOnTheGenesActsOnTheVarRows() {
        Path file = TestResources.ggmlOt("ggml_ot_genes.h5ad", dir);
        TrainedMetric m = TrainedMetric.read(file);
        double[][] stored = (double[][]) H5adSlots.uns(file).get("W_ggml");
        assertEquals(2, m.rank());
        assertEquals(List.of("g0", "g1", "g2", "g3", "g4"), m.featureNames());
        assertArrayEquals(stored, m.weights());
        assertEquals(List.of("healthy", "sick"), m.classNames()); // obs[label_col]
        assertEquals(1, m.config().neighbours()); // n_triplets
        assertNull(m.representation());
        assertTrue(m.geneLoadings().direct());
        assertClose(distances(file, null, m), reference(file), 1e-6);
    }

    @Test
    void aMapOnAPcaEmbeddingIsReadInGenesThroughItsPcs() {
        Path file = TestResources.ggmlOt("ggml_ot_pca.h5ad", dir);
        TrainedMetric m = TrainedMetric.read(file);
        assertEquals(List.of("X_pca_1", "X_pca_2", "X_pca_3"), m.featureNames());
        assertEquals("X_pca", m.representation().key());
        assertEquals("PCs", m.representation().loadingsKey());
        // g4 is no highly variable gene: its row of PCs is zero, so it is not recorded
        assertEquals(List.of("g0", "g1", "g2", "g3"), m.representation().genes());
        // W in genes is ggml-ot's own back-projection, varm["W_ggml"] = PCs · Aᵀ (float32 there)
        GeneLoadings inGenes = m.geneLoadings();
        DenseMatrix ggmlOt = H5adSlots.varm(file, "W_ggml");
        assertEquals(List.of("g0", "g1", "g2", "g3"), inGenes.genes());
        for (int g = 0; g < 4; g++) {
            for (int r = 0; r < 2; r++) {
                assertEquals(ggmlOt.get(g, r), inGenes.weights()[r][g], 1e-6);
            }
        }
        assertEquals(0f, ggmlOt.get(4, 0));
        assertClose(distances(file, "X_pca", m), reference(file), 1e-6);
    }

    @Test
    void anAnnDataWithoutTheMapIsRefusedNamingTheKey() {
        Path file = dir.resolve("plain.h5ad");
        H5adWriter.write(AnnData.of(new DenseMatrix(2, 2, new float[] {1, 2, 3, 4}),
                DataFrame.ofIndex(List.of("c1", "c2")), DataFrame.ofIndex(List.of("g1", "g2"))), file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainedMetric.read(file));
        assertTrue(e.getMessage().contains("without uns['W_ggml']"), e.getMessage());
    }

    @Test
    void aMapWhoseColumnsAreNotTheGenesIsRefused() {
        Path file = dir.resolve("wrong.h5ad");
        AnnData a = AnnData.of(new DenseMatrix(2, 3, new float[6]), DataFrame.ofIndex(List.of("c1", "c2")),
                DataFrame.ofIndex(List.of("g1", "g2", "g3"))).withUns("W_ggml", new double[][] {{1, 2, 3, 4}});
        H5adWriter.write(a, file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainedMetric.read(file));
        assertTrue(e.getMessage().contains("is 1 × 4 but var names 3 genes"), e.getMessage());
    }

    @Test
    void ourOwnRecordIsRefusedWhenAnotherToolReplacedTheMap() {
        Path file = dir.resolve("ours.h5ad");
        TrainedMetric m = new TrainedMetric(TrainedMetric.FORMAT_VERSION, TrainedMetric.KIND, 1,
                new double[][] {{1, 2}}, List.of("g1", "g2"), null, List.of("a", "b"),
                GgmlConfig.builder().rank(1).build(), null, List.of());
        AnnData a = AnnData.of(new DenseMatrix(2, 2, new float[4]), DataFrame.ofIndex(List.of("c1", "c2")),
                DataFrame.ofIndex(List.of("g1", "g2"))).withUns("groundmetric", Map.of("model", m.toJson()));
        H5adWriter.write(a.withUns("W_ggml", new double[][] {{1, 2}}), file);
        assertEquals(m.toJson(), TrainedMetric.read(file).toJson());
        H5adWriter.write(a.withUns("W_ggml", new double[][] {{1, 3}}), file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainedMetric.read(file));
        assertTrue(e.getMessage().contains("is not the W recorded in uns['groundmetric']"), e.getMessage());
    }

    /** W_θ between the file's patients under the model read from it. */
    private static double[][] distances(Path file, String useRep, TrainedMetric m) {
        AnnData data = H5adReader.read(file, new H5adReader.Options(null, useRep, null));
        Cohort c = CohortBuilder.build(data, new CohortBuilder.Spec("sample", null, CohortBuilder.LabelPolicy.STRICT,
                false), w -> { });
        Cohort prepared = m.prepare(c, w -> { });
        return WassersteinMatrix.pairwise(prepared.samples(), m.metric(), Solver.AUTO, 1, Progress.NONE)
                .distances();
    }

    private static double[][] reference(Path file) {
        return (double[][]) H5adSlots.uns(file).get("reference_distances");
    }

    private static void assertClose(double[][] actual, double[][] expected, double tolerance) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tolerance);
        }
    }
}
