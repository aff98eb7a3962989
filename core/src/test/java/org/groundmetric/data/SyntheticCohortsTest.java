package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.groundmetric.linalg.CellMatrix;
import org.junit.jupiter.api.Test;

class SyntheticCohortsTest {

    @Test
    void synth2dHasThePapersShapeLabelsAndScales() {
        Cohort c = SyntheticCohorts.synth2d(1);
        assertEquals(30, c.size());
        assertEquals(List.of("dim0", "dim1"), c.featureNames());
        assertEquals(List.of("class_0", "class_1", "class_2"), c.classNames());
        Sample s = c.sample(13); // class 1, s = 3
        assertEquals("class_1", s.classLabel());
        assertEquals(300, s.cellCount());
        List<String> modes = s.cellAnnotations().get("mode");
        assertEquals("class_specific", modes.get(0));
        assertEquals("shared_b", modes.get(299));
        // Class mode: axis 0 mean (10 + 10)·5/4 = 25; noise axis U(7.5 + 9, 12.5 + 9)·1000.
        CellMatrix x = s.cells();
        double mean0 = 0;
        for (int i = 0; i < 100; i++) {
            mean0 += x.get(i, 0) / 100.0;
            float noise = x.get(i, 1);
            assertEquals(true, noise >= 16_500 && noise <= 21_500, "noise " + noise);
        }
        assertEquals(25, mean0, 0.6);
        // Shared mode b: axis 1 ~ N(50, 1.5²)·1000.
        double mean1 = 0;
        for (int i = 200; i < 300; i++) {
            mean1 += x.get(i, 1) / 100.0;
        }
        assertEquals(50_000, mean1, 600);
    }

    @Test
    void sameSeedSameDataAndSynth200dShape() {
        assertEquals(SyntheticCohorts.synth200d(4).sample(7).cells().get(5, 150),
                SyntheticCohorts.synth200d(4).sample(7).cells().get(5, 150));
        assertEquals(200, SyntheticCohorts.synth200d(4).featureCount());
        assertThrows(IllegalArgumentException.class, () -> SyntheticCohorts.preset("synth3d", 1));
    }

    @Test
    void anImbalancedCohortSpreadsItsMinorityOverTheNoiseRanges() {
        Cohort c = SyntheticCohorts.imbalanced(1, 1000, 16, 4, 2, 7);
        assertEquals(20, c.size());
        assertEquals(java.util.List.of("class_0", "class_1"), c.classNames());
        assertEquals(java.util.List.of("sample_16", "sample_21", "sample_26", "sample_31"), c.sampleIds().subList(16, 20),
                "class_1 samples of index 0, 5, 10, 15 (the draw numbers class_1 from 16)");
    }
}
