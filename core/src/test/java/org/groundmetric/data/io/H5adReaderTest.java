package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every file in the test data folder (TestData). The expected shapes, categories, names and values were printed
 * by Python anndata 0.8.0 ({@code anndata.read_h5ad}; X entries via {@code X.toarray()[i, j]}, sums
 * in float64) on the same files.
 */
class H5adReaderTest {

    @Test
    void synth2dIsDenseWithTheSplitAndClassColumns() {
        AnnData a = H5adReader.read(TestData.file("synth2d_paper.h5ad"), H5adReader.Options.DEFAULT);
        assertEquals(18000, a.cells());
        assertEquals(2, a.features());
        assertInstanceOf(DenseMatrix.class, a.x());
        assertEquals(List.of("dim0", "dim1"), a.var().index());
        assertEquals("cell0", a.obs().index().get(0));
        assertEquals(List.of("distribution", "class", "split", "mode"), List.copyOf(a.obs().columns().keySet()));
        Column.Categorical cls = (Column.Categorical) a.obs().column("class", "key");
        assertEquals(List.of("class_0", "class_1", "class_2"), cls.categories());
        assertEquals(60, a.obs().column("distribution", "key").valueCounts().size());
        assertEquals(21.79564666748047f, a.x().get(0, 0));
        assertEquals(11535.5263671875f, a.x().get(0, 1));
        assertEquals(51049.625f, a.x().get(17999, 1));
        assertEquals(441750380.6978289, sum(a.x()), 1e-6 * 441750380.7);
    }

    @Test
    void synth200dHas200Dimensions() {
        AnnData a = H5adReader.read(TestData.file("synth200d_paper.h5ad"), H5adReader.Options.DEFAULT);
        assertEquals(18000, a.cells());
        assertEquals(200, a.features());
        assertEquals(11.535526275634766f, a.x().get(0, 1));
        assertEquals(50.965919494628906f, a.x().get(17999, 199));
        assertEquals(88208854.05336018, sum(a.x()), 1e-6 * 88208854.0);
    }

    @Test
    void kangIsSparseCsrWithACountsLayer() {
        Path file = TestData.file("kang_ifnb_example.h5ad");
        AnnData a = H5adReader.read(file, H5adReader.Options.DEFAULT);
        assertEquals(1556, a.cells());
        assertEquals(1267, a.features());
        CsrMatrix x = assertInstanceOf(CsrMatrix.class, a.x());
        assertEquals(585251, x.storedEntries());
        assertEquals(List.of("HES4", "ISG15", "AURKAIP1"), a.var().index().subList(0, 3));
        assertEquals("ATCATGCTGCGTAT-1", a.obs().index().get(0));
        assertEquals(List.of("ctrl101", "ctrl107", "stim101", "stim107"),
                ((Column.Categorical) a.obs().column("sample_id", "key")).categories());
        assertEquals(500, a.obs().column("sample_id", "key").valueCounts().get("stim101"));
        assertEquals(806, a.obs().column("group_id", "key").valueCounts().get("stim"));
        assertEquals(0f, x.get(0, 0));
        assertEquals(2.379539728164673f, x.get(0, 1));
        assertEquals(0.46155568957328796f, x.get(1555, 1266));
        assertEquals(973283.5988205075, sum(x), 1e-6 * 973283.6);

        AnnData counts = H5adReader.read(file, new H5adReader.Options("counts", null, null));
        assertEquals(2f, counts.x().get(0, 1));
        assertEquals(1f, counts.x().get(0, 14));
    }

    @Test
    void glioblastomaHasEnsemblIdsAndTenSamples() {
        AnnData a = H5adReader.read(TestData.file("glioblastoma_panobinostat.h5ad"), H5adReader.Options.DEFAULT);
        assertEquals(5000, a.cells());
        assertEquals(300, a.features());
        assertEquals("ENSG00000210082.2", a.var().index().get(0));
        assertEquals(10, a.obs().column("sample_id", "key").valueCounts().size());
        assertEquals(List.of("ctrl", "panobinostat"),
                ((Column.Categorical) a.obs().column("condition", "key")).categories());
        assertEquals(4000, a.obs().column("gender", "key").valueCounts().get("M"));
        assertEquals(8.476005554199219f, a.x().get(0, 0));
        assertEquals(0.4435926675796509f, a.x().get(4999, 299));
        assertEquals(866327, a.x().storedEntries());
        assertEquals(2139653.4964507557, sum(a.x()), 1e-6 * 2139653.5);
    }

    @Test
    void cellxgeneSchemaExampleHasRawBooleansObsmAndUns() {
        Path file = TestData.file("cellxgene_schema_example.h5ad");
        AnnData a = H5adReader.readAll(file);
        assertEquals(2, a.cells());
        assertEquals(7, a.features());
        assertEquals(List.of("X", "Y"), a.obs().index());
        assertEquals("ENSG00000127603", a.var().index().get(0));
        assertEquals("donor_1", a.obs().column("donor_id", "key").text(0));
        assertEquals(List.of("tissue", "primary cell culture", "organoid", "cell line"),
                ((Column.Categorical) a.obs().column("tissue_type", "key")).categories());
        assertInstanceOf(Column.Booleans.class, a.obs().column("is_primary_data", "key"));
        assertInstanceOf(Column.Booleans.class, a.var().column("feature_is_filtered", "key"));
        assertEquals(1.5f, a.x().get(0, 0));
        assertEquals(7f, a.x().get(1, 6));
        assertEquals(50.5, sum(a.x()), 1e-9);
        assertEquals(2, a.obsm().get("X_umap").cols());
        assertEquals("X_umap", a.uns().get("default_embedding"));
        assertEquals("A title", a.uns().get("title"));
        assertTrue(Arrays.equals(new String[] {"is_primary_data"}, (String[]) a.uns().get("batch_condition")));

        AnnData raw = H5adReader.read(file, new H5adReader.Options("raw", null, null));
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f), boxed(raw.x().row(0)));
        AnnData umap = H5adReader.read(file, new H5adReader.Options(null, "X_umap", null));
        assertEquals(List.of("X_umap_1", "X_umap_2"), umap.var().index());
    }

    @Test
    void inspectReadsShapesAndEncodingsWithoutX() {
        H5adSummary s = H5adInspector.inspect(TestData.file("kang_ifnb_example.h5ad"));
        assertEquals("csr", s.x().format());
        assertEquals("float32", s.x().valueType());
        assertEquals(1556, s.x().rows());
        assertEquals(585251, s.x().storedEntries());
        assertEquals(585251.0 / (1556.0 * 1267.0), s.x().density(), 1e-12);
        assertTrue(s.x().compression().contains("deflate"), s.x().compression());
        assertEquals(List.of("counts"), List.copyOf(s.layers().keySet()));
        assertEquals(3, s.obs().columns().size());
    }

    @Test
    void refusesMissingNonHdf5AndTruncatedFiles(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.h5ad");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> H5adReader.read(missing, H5adReader.Options.DEFAULT)).getMessage().contains("does not exist"));
        Path text = Files.writeString(dir.resolve("text.h5ad"), "cell,gene\n1,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> H5adReader.read(text, H5adReader.Options.DEFAULT)).getMessage().contains("not an HDF5 file"));
        byte[] whole = Files.readAllBytes(TestData.file("kang_ifnb_example.h5ad"));
        Path truncated = Files.write(dir.resolve("cut.h5ad"), Arrays.copyOf(whole, whole.length / 3));
        String msg = assertThrows(IllegalArgumentException.class,
                () -> H5adReader.read(truncated, H5adReader.Options.DEFAULT)).getMessage();
        assertTrue(msg.contains("truncated"), msg);
    }

    @Test
    void unknownLayerAndObsmKeyListWhatExists() {
        Path file = TestData.file("kang_ifnb_example.h5ad");
        String layer = assertThrows(IllegalArgumentException.class,
                () -> H5adReader.read(file, new H5adReader.Options("spliced", null, null))).getMessage();
        assertTrue(layer.contains("no layer 'spliced'") && layer.contains("available: counts"), layer);
        String rep = assertThrows(IllegalArgumentException.class,
                () -> H5adReader.read(file, new H5adReader.Options(null, "X_pca", null))).getMessage();
        assertTrue(rep.contains("X_pca") && rep.contains("(none)"), rep);
        String raw = assertThrows(IllegalArgumentException.class,
                () -> H5adReader.read(file, new H5adReader.Options("raw", null, null))).getMessage();
        assertTrue(raw.contains("no raw/X"), raw);
    }

    static double sum(CellMatrix m) {
        double s = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (float v : m.row(i)) {
                s += v;
            }
        }
        return s;
    }

    private static List<Float> boxed(float[] row) {
        Float[] out = new Float[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i];
        }
        return List.of(out);
    }
}
