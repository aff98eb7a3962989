package org.groundmetric.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KdTreeTest {

    @Test
    void agreesWithBruteForceIncludingDuplicatePoints() {
        Random rnd = new Random(3);
        for (int dim : new int[] {1, 2, 5}) {
            int n = 700;
            double[] pts = new double[n * dim];
            for (int i = 0; i < pts.length; i++) {
                // a coarse grid makes many equal distances, testing the index tie-break
                pts[i] = Math.round(rnd.nextGaussian() * 4) / 2.0;
            }
            int m = 60;
            double[] queries = new double[m * dim];
            for (int i = 0; i < queries.length; i++) {
                queries[i] = rnd.nextGaussian() * 2;
            }
            int k = 25;
            Neighbours got = new KdTree(pts, n, dim).query(queries, m, k);
            for (int q = 0; q < m; q++) {
                Integer[] idx = new Integer[n];
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                    double s = 0;
                    for (int j = 0; j < dim; j++) {
                        double t = queries[q * dim + j] - pts[i * dim + j];
                        s += t * t;
                    }
                    d[i] = s;
                }
                Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
                for (int j = 0; j < k; j++) {
                    assertEquals(idx[j], got.index(q, j), "dim " + dim + " query " + q + " neighbour " + j);
                    assertEquals(Math.sqrt(d[idx[j]]), got.distance(q, j), 1e-12);
                }
            }
        }
    }

    @Test
    void manhattanAgreesWithBruteForce() {
        Random rnd = new Random(4);
        int n = 500;
        int dim = 3;
        double[] pts = new double[n * dim];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = rnd.nextGaussian();
        }
        double[] q = {0.1, -0.2, 0.3};
        Neighbours got = new KdTree(pts, n, dim, KdTree.Distance.MANHATTAN).query(q, 1, 10);
        Integer[] idx = new Integer[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            for (int j = 0; j < dim; j++) {
                d[i] += Math.abs(q[j] - pts[i * dim + j]);
            }
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
        for (int j = 0; j < 10; j++) {
            assertEquals(idx[j], got.index(0, j));
            assertEquals(d[idx[j]], got.distance(0, j), 1e-12);
        }
    }

    @Test
    void askingForMoreNeighboursThanPointsIsAClearError() {
        KdTree t = new KdTree(new double[] {0, 1, 2}, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.query(new double[] {0}, 1, 4));
        assertEquals("k = 4 neighbours asked among 3 points; expected 1..3", e.getMessage());
    }
}
