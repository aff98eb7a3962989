package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class SampleSummaryTest {

    private static final Cohort PAPER = new PaperScaleCohort(6, 2, 90, 40, 3, 0.3, 5, 2).generate();

    @Test
    void kmeansCentroidsKeepTheSamplesMeanAndWeighByShare() {
        Sample s = PAPER.sample(0);
        Sample summary = SampleSummary.kmeans(7, 1).summarise(s);
        assertEquals(7, summary.cellCount());
        assertTrue(summary.weighted());
        double[] mean = new double[s.cells().cols()];
        for (int i = 0; i < s.cellCount(); i++) {
            float[] row = s.cells().row(i);
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / (double) s.cellCount();
            }
        }
        double[] weighted = new double[mean.length];
        double total = 0;
        for (int c = 0; c < 7; c++) {
            double w = summary.cellWeights()[c];
            double cells = w * s.cellCount();
            assertEquals(Math.rint(cells), cells, 1e-9, "a weight is a whole number of cells over n");
            total += w;
            float[] centroid = summary.cells().row(c);
            for (int j = 0; j < mean.length; j++) {
                weighted[j] += w * centroid[j];
            }
        }
        assertEquals(1, total, 1e-12);
        for (int j = 0; j < mean.length; j++) {
            assertEquals(mean[j], weighted[j], 1e-5 * (1 + Math.abs(mean[j])), "feature " + j);
        }
        assertEquals(s.id() + ":centroid_0", summary.cellIds().get(0));
        assertEquals(s.classLabel(), summary.classLabel());
    }

    @Test
    void groupCentroidsAreTheGroupsMeansInNameOrder() {
        float[] x = {1, 10, 3, 30, 5, 50, 100, 0};
        List<String> type = Arrays.asList("b", "a", "b", null);
        Sample s = new Sample("s", "c", new DenseMatrix(4, 2, x), List.of("s:0", "s:1", "s:2", "s:3"),
                Map.of("cell_type", type));
        Sample summary = SampleSummary.parse("group:cell_type", 0).summarise(s);
        assertEquals(List.of("(missing)", "a", "b"), summary.cellAnnotations().get("cell_type"));
        assertArrayEquals(new float[] {100, 0}, summary.cells().row(0));
        assertArrayEquals(new float[] {3, 30}, summary.cells().row(1));
        assertArrayEquals(new float[] {3, 30}, summary.cells().row(2), "b = mean of (1,10) and (5,50)");
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, summary.cellWeights(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleSummary.group("leiden").summarise(s));
        assertTrue(e.getMessage().contains("no cell annotation 'leiden'") && e.getMessage().contains("cell_type"),
                e.getMessage());
    }

    /** New samples are summarised as in training: by id and seed, whatever their position or the thread count. */
    @Test
    void replayDependsOnTheSampleNotItsPositionOrThreads() {
        SampleSummary k = SampleSummary.kmeans(5, 3);
        Cohort one = k.apply(PAPER, 1);
        List<Sample> reversed = new ArrayList<>(PAPER.samples());
        java.util.Collections.reverse(reversed);
        Cohort other = k.apply(new Cohort(reversed, PAPER.featureNames()), 3);
        for (int s = 0; s < PAPER.size(); s++) {
            Sample a = one.sample(s);
            Sample b = other.sample(PAPER.size() - 1 - s);
            assertEquals(a.id(), b.id());
            assertArrayEquals(((DenseMatrix) a.cells()).data(), ((DenseMatrix) b.cells()).data());
            assertArrayEquals(a.cellWeights(), b.cellWeights(), 0);
        }
        assertTrue(!Arrays.equals(((DenseMatrix) one.sample(0).cells()).data(),
                ((DenseMatrix) SampleSummary.kmeans(5, 4).summarise(PAPER.sample(0)).cells()).data()),
                "another seed draws other centroids");
    }

    @Test
    void parsesTheTwoFormsAndRefusesOthers() {
        assertEquals(SampleSummary.kmeans(20, 7), SampleSummary.parse("kmeans:20", 7));
        assertEquals("kmeans:20", SampleSummary.parse("kmeans:20", 7).toString());
        assertEquals("group:cell_type", SampleSummary.parse("group:cell_type", 7).toString());
        for (String bad : new String[] {"kmeans", "kmeans:x", "kmeans:0", "group:", "pca:5", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SampleSummary.parse(bad, 0), bad);
            assertTrue(e.getMessage().contains("kmeans"), e.getMessage());
        }
        Sample summarised = SampleSummary.kmeans(3, 0).summarise(PAPER.sample(1));
        assertThrows(IllegalArgumentException.class, () -> SampleSummary.kmeans(3, 0).summarise(summarised));
    }
}
