package org.groundmetric.testing;

import org.groundmetric.data.Cohort;
import org.groundmetric.data.SyntheticCohorts;

/**
 * Test helper: cohorts whose classes differ in size, drawn with the paper's generator.
 */
public final class ImbalancedCohorts {
    private ImbalancedCohorts() {
    }

    /**
     * 16 samples of class_0 and 4 of class_1 from a Synth2D draw with 16 samples per class: the
     * class lives on dim0 of the class mode only, while dim1 (noise ×1000, its range growing with
     * the sample's index within its class) dominates Euclidean distances. The minority samples are
     * those of index 0, 5, 10 and 15, spread over the noise ranges, so each has a majority sample
     * of the same range beside it: separable in a learned metric that drops dim1, not in the
     * Euclidean one.
     *
     * @param pointsPerMode cells per mode (3 modes per sample; obs "mode" marks the shared ones)
     */
    public static Cohort sixteenFour(int pointsPerMode, long seed) {
        Cohort all = SyntheticCohorts.paper(1, 1000, 16, pointsPerMode, seed);
        int[] keep = new int[20];
        for (int i = 0; i < 16; i++) {
            keep[i] = i;
        }
        for (int m = 0; m < 4; m++) {
            keep[16 + m] = 16 + 5 * m;
        }
        return all.subset(keep);
    }
}
