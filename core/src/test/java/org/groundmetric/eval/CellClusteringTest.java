package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.groundmetric.Progress;
import org.groundmetric.data.Sample;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.ot.PointMetric;
import org.junit.jupiter.api.Test;

class CellClusteringTest {

    /** n class cells at x = centre (+ a small spread) and n shared cells at x = 50. */
    private static Sample sample(String id, double centre, int n) {
        float[] x = new float[2 * n];
        List<String> modes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = (float) (centre + 0.01 * i);
            modes.add("class_specific");
            ids.add(id + ":" + i);
        }
        for (int i = 0; i < n; i++) {
            x[n + i] = (float) (50 + 0.01 * i);
            modes.add("shared_a");
            ids.add(id + ":" + (n + i));
        }
        return new Sample(id, null, new DenseMatrix(2 * n, 1, x), ids, Map.of("mode", modes));
    }

    private static final List<Sample> SAMPLES = List.of(sample("a", 0, 6), sample("b", 1, 6), sample("c", 100, 6));
    private static final FixedGroundMetric EUCLIDEAN = new FixedGroundMetric(PointMetric.EUCLIDEAN);

    @Test
    void sharedModesAreLeftOutAndTheTreeIsCutAtTheMedianDistance() {
        CellClustering clustering = new CellClustering(1000, HierarchicalClustering.Method.AVERAGE, 0);
        int[][] rows = clustering.chooseCells(SAMPLES, new SplittableRandom(1));
        for (int[] r : rows) {
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, r, "the class cells only");
        }
        ClusterScores s = clustering.score(SAMPLES, new int[] {0, 1, 2}, EUCLIDEAN, 0, Progress.NONE);
        // pairwise distances between groups: 1 (a–b), ~99 and ~100 (to c); the median is ~99, so a and b
        // merge below it and c stays apart: clusters {a, b}, {c}
        int[] truth = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2};
        int[] found = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2};
        ClusterScores expected = ClusterScores.of(truth, found);
        assertEquals(expected.adjustedRandIndex(), s.adjustedRandIndex(), 1e-12);
        assertEquals(expected.mutualInformation(), s.mutualInformation(), 1e-12);
        assertEquals(expected.variationOfInformation(), s.variationOfInformation(), 1e-12);
    }

    @Test
    void theSubsampleIsSeededBoundedAndTheSameForEveryMetric() {
        CellClustering clustering = new CellClustering(10, HierarchicalClustering.Method.AVERAGE, 5);
        int[][] first = clustering.chooseCells(SAMPLES, new SplittableRandom(3));
        int[][] again = clustering.chooseCells(SAMPLES, new SplittableRandom(3));
        int total = 0;
        for (int s = 0; s < first.length; s++) {
            assertArrayEquals(first[s], again[s]);
            total += first[s].length;
            for (int r : first[s]) {
                assertTrue(r < 6, "never a shared cell");
            }
        }
        assertEquals(10, total);
        ClusterScores euclid = clustering.score(SAMPLES, new int[] {0, 1, 2}, EUCLIDEAN, 7, Progress.NONE);
        ClusterScores manhattan = clustering.score(SAMPLES, new int[] {0, 1, 2},
                new FixedGroundMetric(PointMetric.CITYBLOCK), 7, Progress.NONE);
        assertEquals(euclid, manhattan, "in one dimension both metrics agree, on the same cells");
        assertNull(clustering.score(SAMPLES.subList(0, 1), new int[] {0}, EUCLIDEAN, 7, Progress.NONE),
                "cells of one class: nothing to score");
    }
}
