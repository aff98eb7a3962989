package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.testing.TestData;
import org.junit.jupiter.api.Test;

class CohortBuilderTest {

    /** 5 cells: samples s1 (3 cells, labels a,a,b) and s2 (2 cells, label b). */
    static AnnData mixed() {
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put("donor", Column.Categorical.of(List.of("s1", "s2", "s1", "s1", "s2")));
        cols.put("disease", Column.Categorical.of(List.of("a", "b", "a", "b", "b")));
        cols.put("cell_type", Column.Categorical.of(List.of("T", "B", "T", "B", "T")));
        DataFrame obs = new DataFrame(List.of("c0", "c1", "c2", "c3", "c4"), cols);
        DenseMatrix x = new DenseMatrix(5, 1, new float[] {0, 1, 2, 3, 4});
        return AnnData.of(x, obs, DataFrame.ofIndex(List.of("g")));
    }

    @Test
    void groupsCellsBySampleInOrderOfFirstAppearance() {
        Cohort c = CohortBuilder.build(mixed(), new CohortBuilder.Spec("donor", null, null, false), w -> { });
        assertEquals(List.of("s1", "s2"), c.sampleIds());
        assertEquals(List.of("c0", "c2", "c3"), c.sample(0).cellIds());
        assertEquals(3f, c.sample(0).cells().get(2, 0));
        assertNull(c.sample(0).classLabel());
        assertEquals(List.of("B", "T"), c.sample(1).cellAnnotations().get("cell_type"));
    }

    /** Sparse X is held once: a sample keeping every cell views X's rows; a subsample is copied out. */
    @Test
    void samplesViewSparseCellsAndCopyOnlySubsamples() {
        AnnData dense = mixed();
        float[] v = {10, 11, 12, 13, 14};
        org.groundmetric.linalg.CsrMatrix x = new org.groundmetric.linalg.CsrMatrix(5, 1, new int[] {0, 1, 2, 3, 4, 5},
                new int[5], v);
        AnnData sparse = AnnData.of(x, dense.obs(), dense.var());
        CohortBuilder.Spec spec = new CohortBuilder.Spec("donor", null, null, false);
        Cohort all = CohortBuilder.build(sparse, spec, w -> { });
        org.groundmetric.linalg.CsrMatrix s1 = (org.groundmetric.linalg.CsrMatrix) all.sample(0).cells();
        assertTrue(s1.isView());
        assertTrue(s1.values() == v, "the sample's cells are X's, not a copy");
        assertEquals(13f, s1.get(2, 0));
        Cohort sub = CohortBuilder.build(sparse, spec, (id, rows) -> java.util.Arrays.copyOf(rows, 1), w -> { });
        org.groundmetric.linalg.CsrMatrix one = (org.groundmetric.linalg.CsrMatrix) sub.sample(0).cells();
        assertTrue(!one.isView() && one.values().length == 1, "a subsample owns only its own cells");
    }

    @Test
    void mixedLabelsAreAnErrorNamingSampleAndBothLabels() {
        IllegalParameterException e = assertThrows(IllegalParameterException.class, () -> CohortBuilder.build(mixed(),
                new CohortBuilder.Spec("donor", "disease", CohortBuilder.LabelPolicy.STRICT, true), w -> { }));
        String msg = e.getMessage();
        assertTrue(msg.contains("'s1'") && msg.contains("'a' (2)") && msg.contains("'b' (1)")
                && msg.contains("label policy majority"), msg);
        assertEquals("CohortBuilder.Spec.policy", e.parameter());
        assertFalse(msg.contains("--"), "the library names no command-line flag: " + msg);
    }

    @Test
    void majorityPolicyTakesTheCommonLabelAndWarns() {
        List<String> warnings = new ArrayList<>();
        Cohort c = CohortBuilder.build(mixed(),
                new CohortBuilder.Spec("donor", "disease", CohortBuilder.LabelPolicy.MAJORITY, true), warnings::add);
        assertEquals("a", c.sample(0).classLabel());
        assertEquals("b", c.sample(1).classLabel());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("majority label 'a'"), warnings.get(0));
    }

    @Test
    void unknownKeyListsTheObsColumns() {
        IllegalParameterException e = assertThrows(IllegalParameterException.class, () -> CohortBuilder.build(mixed(),
                new CohortBuilder.Spec("patient", null, null, false), w -> { }));
        assertTrue(e.getMessage().contains("sample key 'patient'") && e.getMessage().contains("donor, disease, cell_type"),
                e.getMessage());
        assertEquals("CohortBuilder.Spec.sampleKey", e.parameter());
    }

    @Test
    void labelKeyWithOneClassIsRefusedWhenLabelsAreRequired() {
        AnnData kang = H5adReader.read(TestData.file("kang_ifnb_example.h5ad"), H5adReader.Options.DEFAULT);
        List<String> pbmc = java.util.Collections.nCopies(kang.cells(), "PBMC");
        AnnData oneClass = new AnnData(kang.x(), kang.obs().with("tissue", Column.Categorical.of(pbmc)), kang.var(),
                Map.of(), Map.of(), Map.of(), Map.of());
        String msg = assertThrows(IllegalArgumentException.class, () -> CohortBuilder.build(oneClass,
                new CohortBuilder.Spec("sample_id", "tissue", null, true), w -> { })).getMessage();
        assertTrue(msg.contains("label key tissue has only one class ('PBMC')"), msg);
        // not required: a one-class label is fine (e.g. predicting new samples)
        Cohort c = CohortBuilder.build(kang, new CohortBuilder.Spec("sample_id", "group_id", null, false), w -> { });
        assertEquals(4, c.size());
    }

    @Test
    void kangHasFourSamplesOfTwoClasses() {
        AnnData kang = H5adReader.read(TestData.file("kang_ifnb_example.h5ad"), H5adReader.Options.DEFAULT);
        Cohort c = CohortBuilder.build(kang, new CohortBuilder.Spec("sample_id", "group_id", null, true), w -> { });
        assertEquals(List.of("ctrl", "stim"), c.classNames());
        assertEquals(1556, c.cellCount());
        Map<String, String> labels = new LinkedHashMap<>();
        c.samples().forEach(s -> labels.put(s.id(), s.classLabel()));
        assertEquals("stim", labels.get("stim101"));
        assertEquals("ctrl", labels.get("ctrl107"));
        assertEquals(500, c.samples().stream().filter(s -> s.id().equals("stim101")).findFirst().orElseThrow().cellCount());
    }
}
