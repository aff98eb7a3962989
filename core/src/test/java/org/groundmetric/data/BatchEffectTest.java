package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchEffectTest {

    private static int batchOf(Sample s) {
        return Integer.parseInt(s.cellAnnotations().get(BatchEffect.ANNOTATION).get(0).substring("batch_".length()));
    }

    @Test
    void confoundingIsTheShareOfEachClassInItsHomeBatchAndReversalMovesTheHome() {
        Cohort plain = SyntheticCohorts.paper(5, 1, 10, 10, 3);
        Cohort train = new BatchEffect(4, 0.8, false).apply(plain, 7);
        Cohort reversed = new BatchEffect(4, 0.8, true).apply(plain, 7);
        int[] classOf = plain.classIndices();
        int[] home = new int[3];
        int[] homeReversed = new int[3];
        for (int s = 0; s < plain.size(); s++) {
            if (batchOf(train.sample(s)) == classOf[s]) {
                home[classOf[s]]++;
            }
            if (batchOf(reversed.sample(s)) == (classOf[s] + 1) % 3) {
                homeReversed[classOf[s]]++;
            }
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(8, home[c], "class " + c + ": 0.8 of 10 samples at home");
            assertEquals(8, homeReversed[c]);
        }
    }

    @Test
    void theBatchShiftsItsOwnFeatureOnEveryCellAndNothingElse() {
        Cohort plain = SyntheticCohorts.paper(5, 1, 4, 10, 3);
        Cohort batched = new BatchEffect(4, 0.5, false).apply(plain, 1);
        for (int s = 0; s < plain.size(); s++) {
            int column = BatchEffect.featureOf(batchOf(batched.sample(s)));
            for (int i = 0; i < 30; i++) {
                for (int j = 0; j < 6; j++) {
                    float want = plain.sample(s).cells().get(i, j) + (j == column ? 4f : 0f);
                    assertEquals(want, batched.sample(s).cells().get(i, j), 1e-4);
                }
            }
        }
        assertTrue(batched.sample(0).cellAnnotations().containsKey("mode"), "other annotations are kept");
    }

    @Test
    void refusesTooFewNoiseFeaturesAndBadShares() {
        assertThrows(IllegalArgumentException.class, () -> new BatchEffect(1, 0.8, false).apply(SyntheticCohorts.synth2d(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchEffect(1, 1.5, false));
        assertThrows(IllegalArgumentException.class, () -> new BatchEffect(-1, 0.5, false));
    }
}
