package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
        for (int j = 0; j < 12; j++) {
            // 3 positives out of the 3 others of j's class, without replacement: all of them.
            Set<Integer> positives = new HashSet<>();
            for (int c = 0; c < 3; c++) {
                if (c == CLASSES[j]) {
                    continue;
                }
                // 3 negatives of class c out of its 4, without replacement: 3 distinct, each paired
                // with every positive once (t² = 9 triplets).
                List<Triplet> ofClass = new ArrayList<>();
                for (Triplet tr : t) {
                    if (tr.j() == j && CLASSES[tr.k()] == c) {
                        ofClass.add(tr);
                        positives.add(tr.i());
                    }
                }
                assertEquals(9, ofClass.size(), "anchor " + j + ", class " + c);
                assertEquals(9, new HashSet<>(ofClass).size(), "every (i, k) once: " + ofClass);
                assertEquals(3, ofClass.stream().map(Triplet::k).distinct().count(), ofClass.toString());
            }
            Set<Integer> others = new HashSet<>();
            for (int i = 4 * CLASSES[j]; i < 4 * CLASSES[j] + 4; i++) {
                if (i != j) {
                    others.add(i);
                }
            }
            assertEquals(others, positives, "anchor " + j);
        }
    }

    @Test
    void smallClassesAreDrawnWithReplacement() {
        int[] classes = {0, 0, 1, 1};
        Set<Integer> negativesSeen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            List<Triplet> t = new TripletSampler(classes, 3).random(new SplittableRandom(seed));
            assertEquals(4 * 9, t.size());
            for (Triplet tr : t) {
                // j's class has one other sample: every positive is that one, never j itself
                assertNotEquals(tr.i(), tr.j());
                assertEquals(classes[tr.j()], classes[tr.i()]);
                assertNotEquals(classes[tr.j()], classes[tr.k()]);
                if (tr.j() == 0) {
                    negativesSeen.add(tr.k());
                }
            }
            for (int j = 0; j < 4; j++) {
                int anchor = j;
                List<Integer> negatives = t.stream().filter(tr -> tr.j() == anchor).map(Triplet::k).toList();
                // 3 draws from 2 candidates: some candidate is drawn twice or more
                assertTrue(negatives.stream().distinct().count() <= 2, negatives.toString());
            }
        }
        assertEquals(Set.of(2, 3), negativesSeen, "both samples of the other class are drawn");
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
        for (Triplet tr : t) {
            assertNotEquals(tr.i(), tr.j(), "a sample is not its own nearest positive");
        }
    }
}
