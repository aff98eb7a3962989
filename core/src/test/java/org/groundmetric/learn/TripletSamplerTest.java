package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TripletSamplerTest {
    private static final int[] CLASSES = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};

    @Test
    void randomDrawHasThePapersSizeAndStructure() {
        TripletSampler s = new TripletSampler(CLASSES, 3);
        List<Triplet> t = s.random(new SplittableRandom(1));
        assertEquals(12 * 9 * 2, t.size());
        assertEquals(s.tripletsPerEpoch(), t.size());
        for (Triplet tr : t) {
            assertEquals(CLASSES[tr.i()], CLASSES[tr.j()]);
            assertNotEquals(tr.i(), tr.j());
            assertNotEquals(CLASSES[tr.j()], CLASSES[tr.k()]);
        }
        // 3 positives out of 3 candidates without replacement: all distinct for every anchor.
        for (int j = 0; j < 12; j++) {
            Set<Integer> positives = new HashSet<>();
            for (Triplet tr : t) {
                if (tr.j() == j) {
                    positives.add(tr.i());
                }
            }
            assertEquals(3, positives.size());
        }
    }

    @Test
    void smallClassesAreDrawnWithReplacement() {
        List<Triplet> t = new TripletSampler(new int[] {0, 0, 1, 1}, 3).random(new SplittableRandom(2));
        assertEquals(4 * 9, t.size());
        for (Triplet tr : t) {
            assertEquals(CLASSES.length > 0 ? new int[] {0, 0, 1, 1}[tr.i()] : 0, new int[] {0, 0, 1, 1}[tr.j()]);
        }
    }

    @Test
    void nearestTakesTheClosestOfEachClass() {
        int n = 6;
        int[] classes = {0, 0, 0, 1, 1, 1};
        double[] d = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                d[a * n + b] = Math.abs(a - b);
            }
        }
        List<Triplet> t = new TripletSampler(classes, 1).nearest(d);
        assertEquals(6, t.size());
        assertTrue(t.contains(new Triplet(1, 2, 3)), t.toString());
        assertTrue(t.contains(new Triplet(4, 3, 2)), t.toString());
    }
}
