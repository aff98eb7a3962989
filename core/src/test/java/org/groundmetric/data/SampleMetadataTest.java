package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.junit.jupiter.api.Test;

/** The obs columns seen per sample: those constant within every sample, in their own kind. */
class SampleMetadataTest {

    private static final DataFrame OBS = new DataFrame(List.of("c1", "c2", "c3", "c4", "c5"), new java.util.LinkedHashMap<>(Map.of(
            "donor", Column.Categorical.of(List.of("d1", "d1", "d2", "d2", "d3")),
            "disease", Column.Categorical.of(List.of("flu", "flu", "none", "none", "flu")),
            "age", new Column.Numeric(new double[] {40, 40, 61, 61, Double.NaN}, true),
            "cell_type", Column.Categorical.of(List.of("T", "B", "T", "T", "B")),
            "sex", new Column.Strings(new String[] {"f", "f", "m", "f", "m"}))));

    @Test
    void keepsTheColumnsConstantWithinEverySampleInTheAskedOrder() {
        DataFrame t = SampleMetadata.of(OBS, "donor", List.of("d3", "d1", "d2"));
        assertEquals(List.of("d3", "d1", "d2"), t.index());
        assertEquals(java.util.Set.of("disease", "age"), t.columns().keySet()); // cell_type and sex vary
        Column disease = t.columns().get("disease");
        assertInstanceOf(Column.Categorical.class, disease);
        assertEquals(List.of("flu", "flu", "none"), List.of(disease.text(0), disease.text(1), disease.text(2)));
        Column age = t.columns().get("age");
        assertEquals(java.util.Arrays.asList(null, "40", "61"), java.util.Arrays.asList(age.text(0), age.text(1), age.text(2)));
    }

    @Test
    void aSampleWithoutCellsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SampleMetadata.of(OBS, "donor", List.of("d9")));
    }
}
