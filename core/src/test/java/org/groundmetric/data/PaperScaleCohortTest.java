package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.groundmetric.linalg.CsrMatrix;
import org.junit.jupiter.api.Test;

class PaperScaleCohortTest {

    @Test
    void paperScaleDefaultsAreTheBreastCancerSetting() {
        PaperScaleCohort p = PaperScaleCohort.paperScale(1);
        assertEquals(131, p.samples());
        assertEquals(4, p.classes());
        assertEquals(1000, p.cellsPerSample());
        assertEquals(8433, p.features());
    }

    @Test
    void sparseNonNegativeAboutTenPercentWithEveryCellTypeInEverySample() {
        Cohort c = PaperScaleCohort.paperScale(3).withSamples(8).withCellsPerSample(200).generate();
        assertEquals(8, c.size());
        assertEquals(List.of("class_0", "class_1", "class_2", "class_3"), c.classNames());
        assertEquals(8433, c.featureCount());
        long stored = 0;
        for (Sample s : c.samples()) {
            CsrMatrix x = (CsrMatrix) s.cells();
            assertEquals(200, x.rows());
            stored += x.storedEntries();
            for (float value : x.values()) {
                assertTrue(value > 0, "values are log1p of positive levels");
            }
            assertEquals(8, new HashSet<>(s.cellAnnotations().get("cell_type")).size(), s.id());
        }
        double density = stored / (8.0 * 200 * 8433);
        assertEquals(0.10, density, 0.01, "fraction of non-zeros");
    }

    @Test
    void sameSeedSameCohortOtherSeedOtherCohort() {
        PaperScaleCohort p = new PaperScaleCohort(6, 3, 50, 600, 4, 0.1, 20, 7);
        CsrMatrix a = (CsrMatrix) p.generate().sample(4).cells();
        CsrMatrix b = (CsrMatrix) p.generate().sample(4).cells();
        CsrMatrix other = (CsrMatrix) new PaperScaleCohort(6, 3, 50, 600, 4, 0.1, 20, 8).generate().sample(4).cells();
        assertTrue(Arrays.equals(a.values(), b.values()) && Arrays.equals(a.columnIndices(), b.columnIndices()));
        assertTrue(!Arrays.equals(a.values(), other.values()));
    }

    /** The class signal: type_0 cells' mean over the signal genes differs between classes, other types' does not. */
    @Test
    void classSignalSitsInTheSignalGenesOfType0() {
        Cohort c = new PaperScaleCohort(8, 2, 400, 2000, 4, 0.1, 40, 11).generate();
        double[][] mean = new double[2][2]; // [class][type0?]
        long[][] count = new long[2][2];
        for (Sample s : c.samples()) {
            int cls = s.classLabel().equals("class_0") ? 0 : 1;
            List<String> types = s.cellAnnotations().get("cell_type");
            for (int i = 0; i < s.cellCount(); i++) {
                int t = types.get(i).equals("type_0") ? 1 : 0;
                for (int g = 0; g < 40; g++) {
                    mean[cls][t] += s.cells().get(i, g);
                }
                count[cls][t]++;
            }
        }
        double type0Gap = Math.abs(mean[0][1] / count[0][1] - mean[1][1] / count[1][1]);
        double otherGap = Math.abs(mean[0][0] / count[0][0] - mean[1][0] / count[1][0]);
        assertTrue(type0Gap > 5 * otherGap + 0.5, "type_0 gap " + type0Gap + " vs other types " + otherGap);
    }

    @Test
    void badSizesAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PaperScaleCohort(10, 4, 100, 50, 8, 0.1, 300, 1));
        assertTrue(e.getMessage().contains("signal genes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PaperScaleCohort(3, 4, 100, 8433, 8, 0.1, 300, 1));
        assertThrows(IllegalArgumentException.class, () -> new PaperScaleCohort(8, 4, 100, 8433, 8, 0.9, 300, 1));
    }
}
