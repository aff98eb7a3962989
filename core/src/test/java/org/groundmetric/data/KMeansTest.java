package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** summary/kmeans.json: scikit-learn's Lloyd from the same starting cells (make_kmeans.py). */
    @Test
    void lloydStepsMatchScikitLearnFromTheSameStart() {
        for (JsonNode c : Fixtures.resource("summary/kmeans.json").get("cases")) {
            double[][] x = Fixtures.matrix(c.get("x"));
            int[] start = Fixtures.ints(c.get("start"));
            int[] expected = Fixtures.ints(c.get("labels"));
            for (CellMatrix cells : new CellMatrix[] {DenseMatrix.of(x), csr(x)}) {
                KMeans.Clustering got = KMeans.lloyd(cells, start);
                assertArrayEquals(expected, got.labels(), c.get("name").asText() + " " + cells.getClass().getSimpleName());
                assertEquals(c.get("inertia").asDouble(), inertia(x, got.labels(), got.clusters()),
                        1e-9 * c.get("inertia").asDouble(), c.get("name").asText());
            }
        }
    }

    /** The result is a fixed point: every cell is nearest to the mean of its own cluster, no cluster is empty. */
    @Test
    void seededClusteringIsAFixedPointOfLloyd() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[300][12];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian() + (rng.nextInt(3) == 0 ? 4 : 0);
            }
        }
        KMeans.Clustering c = KMeans.cluster(DenseMatrix.of(x), 9, 11);
        assertEquals(9, c.clusters());
        assertTrue(c.steps() < KMeans.MAX_STEPS, "Lloyd must settle before its step limit");
        double[][] means = means(x, c.labels(), c.clusters());
        for (int i = 0; i < x.length; i++) {
            double own = dist2(x[i], means[c.labels()[i]]);
            for (double[] m : means) {
                assertTrue(own <= dist2(x[i], m) + 1e-9, "cell " + i + " is nearer another centroid");
            }
        }
    }

    @Test
    void sameSeedSameClustersDenseOrSparseAndSeedsDrawFromDistinctCells() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = new double[200][30];
        for (double[] row : x) {
            int blob = rng.nextInt(4);
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(4) == 0 ? 0 : Math.abs(rng.nextGaussian() + (j % 4 == blob ? 6 : 0));
            }
        }
        KMeans.Clustering dense = KMeans.cluster(DenseMatrix.of(x), 4, 2);
        KMeans.Clustering sparse = KMeans.cluster(csr(x), 4, 2);
        assertArrayEquals(dense.labels(), sparse.labels());
        assertArrayEquals(dense.labels(), KMeans.cluster(DenseMatrix.of(x), 4, 2).labels());
        Set<Integer> used = new HashSet<>();
        for (int label : dense.labels()) {
            used.add(label);
        }
        assertEquals(4, used.size());
    }

    @Test
    void fewerCellsThanClustersKeepEveryCellAndDuplicatesStopTheSeeding() {
        double[][] three = {{1, 2}, {3, 4}, {5, 6}};
        assertArrayEquals(new int[] {0, 1, 2}, KMeans.cluster(DenseMatrix.of(three), 5, 0).labels());
        double[][] twoDistinct = {{1, 1}, {1, 1}, {1, 1}, {7, 7}, {7, 7}};
        KMeans.Clustering c = KMeans.cluster(DenseMatrix.of(twoDistinct), 4, 0);
        assertEquals(2, c.clusters(), "only two distinct cells: two clusters");
        assertEquals(c.labels()[0], c.labels()[2]);
        assertTrue(c.labels()[0] != c.labels()[3]);
        assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(DenseMatrix.of(three), 0, 0));
    }

    static CsrMatrix csr(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        int[] ptr = new int[n + 1];
        int nnz = 0;
        for (double[] row : x) {
            for (double v : row) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        int[] idx = new int[nnz];
        float[] val = new float[nnz];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (x[i][j] != 0) {
                    idx[p] = j;
                    val[p++] = (float) x[i][j];
                }
            }
            ptr[i + 1] = p;
        }
        return new CsrMatrix(n, d, ptr, idx, val);
    }

    private static double[][] means(double[][] x, int[] labels, int k) {
        double[][] m = new double[k][x[0].length];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            count[labels[i]]++;
            for (int j = 0; j < x[i].length; j++) {
                m[labels[i]][j] += (float) x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            assertTrue(count[c] > 0, "cluster " + c + " is empty");
            for (int j = 0; j < m[c].length; j++) {
                m[c][j] /= count[c];
            }
        }
        return m;
    }

    private static double inertia(double[][] x, int[] labels, int k) {
        double[][] m = means(x, labels, k);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += dist2(x[i], m[labels[i]]);
        }
        return s;
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = (float) a[j] - b[j];
            s += t * t;
        }
        return s;
    }
}
