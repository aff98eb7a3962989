package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.CohortBuilder;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

/**
 * The files under src/test/resources/io were written by Python (anndata 0.8.0, scipy.io.mmwrite,
 * pandas.to_csv) from one 30 cells × 12 genes count matrix (numpy seed 42): X as CSR, as gzip CSC,
 * as dense float64, without X (h5py del f["X"]), in anndata 0.7's layout (h5py: an h5sparse_format
 * X group, categories in obs/__categories, no encoding-type attributes), as a 10x directory with an
 * obs.tsv in shuffled order, and as a CSV with numeric donor ids. Sum of X = 134; X[0] = 1,2,0,0,0,0,0,2,0,0,0,0.
 */
class CellDataReaderTest {

    private static final CohortBuilder.Spec DONOR = new CohortBuilder.Spec("donor", "disease", null, true);

    static Path resource(String name) {
        try {
            return Path.of(CellDataReaderTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cohort cohort(String name) {
        // 10x directories name genes by symbol; use the ids so all inputs share feature names
        H5adReader.Options names = name.equals("tenx") ? new H5adReader.Options(null, null, "gene_ids") : null;
        AnnData a = CellDataReader.read(resource(name), CellDataReader.Request.of(names, null, "donor", "disease"));
        return CohortBuilder.build(a, DONOR, w -> { });
    }

    @Test
    void csrCscDenseTenXAndCsvReadToTheSameCohort() {
        Cohort csr = cohort("tiny_csr.h5ad");
        assertInstanceOf(CsrMatrix.class, csr.sample(0).cells());
        assertEquals(List.of("d0", "d1", "d2"), csr.sampleIds());
        assertEquals(List.of("healthy", "sick"), csr.classNames());
        assertEquals(134.0, H5adReaderTest.sum(csr.sample(0).cells()) + H5adReaderTest.sum(csr.sample(1).cells())
                + H5adReaderTest.sum(csr.sample(2).cells()), 0);
        assertEquals(List.of(1f, 2f, 0f), List.of(csr.sample(0).cells().get(0, 0), csr.sample(0).cells().get(0, 1),
                csr.sample(0).cells().get(0, 2)));
        sameCohort(csr, cohort("tiny_csc.h5ad"));
        sameCohort(csr, cohort("tiny_dense64.h5ad"));
        sameCohort(csr, cohort("tiny_legacy07.h5ad"));
        sameCohort(csr, cohort("tenx"));
        Cohort csv = cohort("tiny.csv");
        assertEquals(List.of("0", "1", "2"), csv.sampleIds()); // numeric donor ids stay metadata
        assertEquals(csr.featureNames(), csv.featureNames());
        for (int s = 0; s < 3; s++) {
            assertSameCells(csr.sample(s), csv.sample(s));
        }
    }

    @Test
    void geneNamesFromAVarColumnAreMadeUnique() {
        AnnData a = CellDataReader.read(resource("tiny_csr.h5ad"),
                CellDataReader.Request.of(new H5adReader.Options(null, null, "feature_name"), null));
        assertEquals(List.of("G0", "G1"), a.var().index().subList(0, 2));
        assertEquals(List.of("G0-1", "G1-1"), a.var().index().subList(10, 12));
        AnnData tenx = CellDataReader.read(resource("tenx"),
                CellDataReader.Request.of(new H5adReader.Options(null, null, "gene_ids"), null));
        assertEquals("ENSG00000", tenx.var().index().get(0));
        String msg = assertThrows(IllegalArgumentException.class, () -> CellDataReader.read(resource("tiny_csr.h5ad"),
                CellDataReader.Request.of(new H5adReader.Options(null, null, "symbol"), null))).getMessage();
        assertTrue(msg.contains("gene-name column 'symbol'") && msg.contains("feature_name"), msg);
    }

    @Test
    void aFileWithoutXIsRefusedWithTheAlternatives() {
        String msg = assertThrows(IllegalArgumentException.class, () -> H5adReader.read(resource("tiny_no_x.h5ad"),
                H5adReader.Options.DEFAULT)).getMessage();
        assertTrue(msg.contains("there is no X matrix") && msg.contains("choose a layer"), msg);
        assertEquals(null, H5adInspector.inspect(resource("tiny_no_x.h5ad")).x());
    }

    @Test
    void denseFloat64IsStoredAsFloat32() {
        AnnData a = H5adReader.read(resource("tiny_dense64.h5ad"), H5adReader.Options.DEFAULT);
        assertInstanceOf(DenseMatrix.class, a.x());
        assertEquals("float64", H5adInspector.inspect(resource("tiny_dense64.h5ad")).x().valueType());
    }

    static void sameCohort(Cohort a, Cohort b) {
        assertEquals(a.sampleIds(), b.sampleIds());
        assertEquals(a.featureNames(), b.featureNames());
        for (int s = 0; s < a.size(); s++) {
            assertEquals(a.sample(s).classLabel(), b.sample(s).classLabel());
            assertEquals(a.sample(s).cellIds(), b.sample(s).cellIds());
            assertSameCells(a.sample(s), b.sample(s));
        }
    }

    private static void assertSameCells(Sample a, Sample b) {
        assertEquals(a.cellCount(), b.cellCount());
        for (int i = 0; i < a.cellCount(); i++) {
            assertEquals(java.util.Arrays.toString(a.cells().row(i)), java.util.Arrays.toString(b.cells().row(i)),
                    a.id() + " cell " + i);
        }
    }
}
