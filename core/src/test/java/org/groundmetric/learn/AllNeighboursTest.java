package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AllNeighboursTest {

    /** Classes 0,0,0,1,1,2: every (i, j, k) with class(i) = class(j), i ≠ j, class(k) ≠ class(j), by brute force. */
    private static final int[] CLASS_OF = {0, 0, 0, 1, 1, 2};

    private static TreeSet<String> bruteForce() {
        TreeSet<String> all = new TreeSet<>();
        for (int i = 0; i < CLASS_OF.length; i++) {
            for (int j = 0; j < CLASS_OF.length; j++) {
                for (int k = 0; k < CLASS_OF.length; k++) {
                    if (i != j && CLASS_OF[i] == CLASS_OF[j] && CLASS_OF[k] != CLASS_OF[j]) {
                        all.add(i + "," + j + "," + k);
                    }
                }
            }
        }
        return all;
    }

    private static List<String> keys(List<Triplet> triplets) {
        List<String> out = new ArrayList<>();
        for (Triplet t : triplets) {
            out.add(t.i() + "," + t.j() + "," + t.k());
        }
        return out;
    }

    @Test
    void anEpochHoldsEveryTripletOfTheCohortOnce() {
        TripletSampler sampler = new TripletSampler(CLASS_OF, TripletSampler.ALL_NEIGHBOURS);
        // class 0: 3 anchors × 2 partners × 3 others; class 1: 2 × 1 × 4; class 2 anchors nothing
        assertEquals(26, sampler.tripletsPerEpoch());
        assertEquals(bruteForce().size(), sampler.tripletsPerEpoch());
        List<String> drawn = keys(sampler.random(new SplittableRandom(1)));
        assertEquals(26, drawn.size());
        assertEquals(bruteForce(), new TreeSet<>(drawn));
        double[] distances = new double[36];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                distances[a * 6 + b] = Math.abs(a - b);
            }
        }
        assertEquals(bruteForce(), new TreeSet<>(keys(sampler.nearest(distances))));
    }

    @Test
    void describedAsAll() {
        assertEquals("all", TripletSampler.describe(TripletSampler.ALL_NEIGHBOURS));
        assertEquals("3", TripletSampler.describe(3));
    }
}
