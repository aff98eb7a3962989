package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Small and imbalanced classes: lone samples, class-balanced anchors, messages by label. */
class TripletSamplerClassesTest {
    private static final List<String> NAMES = List.of("disease", "healthy");

    @Test
    void aLoneSampleIsTheOtherClassSampleKAndNeverAnAnchor() {
        int[] classes = {0, 0, 0, 1};
        TripletSampler s = new TripletSampler(classes, NAMES, 2, ClassWeight.NONE);
        List<Triplet> t = s.random(new SplittableRandom(3));
        assertEquals(3 * 4, t.size(), "3 anchors · t² · (C − 1)");
        assertEquals(s.tripletsPerEpoch(), t.size());
        for (Triplet tr : t) {
            assertTrue(tr.j() < 3 && tr.i() < 3, tr.toString());
            assertEquals(3, tr.k(), "the lone healthy sample is every triplet's k");
        }
        double[] d = new double[16];
        assertEquals(3 * 4, s.nearest(d).size());
    }

    @Test
    void balancedWeightsGiveEveryClassTheSameAnchorSlots() {
        int[] classes = new int[20];
        for (int i = 16; i < 20; i++) {
            classes[i] = 1;
        }
        TripletSampler s = new TripletSampler(classes, NAMES, 3, ClassWeight.BALANCED);
        assertEquals(20, s.anchorSlots(), "as many anchors as without weights: 10 per class");
        List<Triplet> t = s.random(new SplittableRandom(7));
        assertEquals(20 * 9, t.size());
        Map<Integer, Integer> anchored = new HashMap<>();
        for (Triplet tr : t) {
            anchored.merge(tr.j(), 1, Integer::sum);
        }
        int majority = 0;
        int minority = 0;
        Set<Integer> majorityAnchors = new HashSet<>();
        for (Map.Entry<Integer, Integer> e : anchored.entrySet()) {
            if (e.getKey() < 16) {
                majority += e.getValue();
                majorityAnchors.add(e.getKey());
                assertEquals(9, e.getValue(), "a majority sample anchors at most once");
            } else {
                minority += e.getValue();
                assertTrue(e.getValue() == 18 || e.getValue() == 27, "10 slots over 4 samples: 2 or 3 each, got "
                        + e.getValue() / 9);
            }
        }
        assertEquals(majority, minority, "each class anchors the same number of triplets");
        assertEquals(10, majorityAnchors.size(), "10 of the 16 majority samples anchor this epoch");
        // without weights the majority anchors 16 · 9, the minority 4 · 9
        List<Triplet> plain = new TripletSampler(classes, NAMES, 3, ClassWeight.NONE).random(new SplittableRandom(7));
        assertEquals(4 * 9, plain.stream().filter(tr -> tr.j() >= 16).count());
    }

    @Test
    void balancedWeightsOnEqualClassesAreThePapersDraw() {
        int[] classes = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        List<String> names = List.of("a", "b", "c");
        assertEquals(new TripletSampler(classes, names, 2, ClassWeight.NONE).random(new SplittableRandom(11)),
                new TripletSampler(classes, names, 2, ClassWeight.BALANCED).random(new SplittableRandom(11)));
    }

    @Test
    void autoWeightsBalanceImbalancedClassesOnly() {
        assertEquals(ClassWeight.BALANCED, new TripletSampler(new int[] {0, 0, 0, 0, 1, 1}, NAMES, 1, ClassWeight.AUTO).weight(),
                "4 against 2: twice the smallest");
        assertEquals(ClassWeight.NONE, new TripletSampler(new int[] {0, 0, 0, 1, 1}, NAMES, 1, ClassWeight.AUTO).weight());
        assertEquals(ClassWeight.BALANCED, new TripletSampler(new int[] {0, 0, 0, 1, 1}, NAMES, 1, ClassWeight.BALANCED).weight());
    }

    @Test
    void refusalsNameClassesByLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TripletSampler(new int[] {0, 1}, NAMES, 3, ClassWeight.NONE));
        assertEquals("no class has two samples (class 'disease' 1 sample, class 'healthy' 1 sample): every triplet"
                + " needs an anchor and a second sample of its class", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TripletSampler(new int[] {1, 1, 1}, NAMES, 3, ClassWeight.BALANCED));
        assertEquals("triplets need samples of at least two classes; all 3 training samples are of class 'healthy'",
                e.getMessage());
        TripletSampler balanced = new TripletSampler(new int[] {0, 0, 1, 1}, NAMES, 1, ClassWeight.BALANCED);
        assertThrows(IllegalStateException.class, () -> balanced.nearest(new double[16]),
                "balanced anchors need the epoch's stream");
        assertEquals(4, balanced.nearest(new double[16], new SplittableRandom(1)).size());
    }
}
