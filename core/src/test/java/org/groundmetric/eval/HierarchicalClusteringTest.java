package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Random;
import org.groundmetric.eval.HierarchicalClustering.Method;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;

class HierarchicalClusteringTest {

    /** fixtures/clustering.json: scipy.cluster.hierarchy.linkage and fcluster(Z, 3, "maxclust"). */
    @Test
    void linkageAndFclusterMatchScipyForEveryMethod() {
        JsonNode f = Fixtures.load("clustering.json").get("linkage");
        double[][] d = Fixtures.matrix(f.get("distances"));
        for (Method m : Method.values()) {
            JsonNode ref = f.get("methods").get(m.name().toLowerCase());
            double[][] expected = Fixtures.matrix(ref.get("linkage"));
            double[][] z = HierarchicalClustering.linkage(d, m);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i][0], z[i][0], 0, m + " row " + i);
                assertEquals(expected[i][1], z[i][1], 0, m + " row " + i);
                assertEquals(expected[i][2], z[i][2], 1e-9, m + " row " + i);
                assertEquals(expected[i][3], z[i][3], 0, m + " row " + i);
            }
            assertArrayEquals(Fixtures.ints(ref.get("fcluster3")), HierarchicalClustering.fclusterMaxclust(z, 3), m.name());
        }
    }

    @Test
    void distanceCutAndLeafOrderOnASmallTree() {
        // points on a line at 0, 1, 10, 11, 30
        double[] x = {0, 1, 10, 11, 30};
        double[][] d = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
            }
        }
        double[][] z = HierarchicalClustering.linkage(d, Method.SINGLE);
        // scipy: [[0,1,1,2],[2,3,1,2],[5,6,9,4],[4,7,19,5]]
        assertArrayEquals(new double[] {0, 1, 1, 2}, z[0]);
        assertArrayEquals(new double[] {2, 3, 1, 2}, z[1]);
        assertArrayEquals(new double[] {5, 6, 9, 4}, z[2]);
        assertArrayEquals(new double[] {4, 7, 19, 5}, z[3]);
        assertArrayEquals(new int[] {4, 0, 1, 2, 3}, HierarchicalClustering.leafOrder(z));
        // SciPy 1.10: leaves_list [4 0 1 2 3]; fcluster(Z, 5, "distance") [1 1 2 2 3], at 19 all one
        assertArrayEquals(new int[] {1, 1, 2, 2, 3}, HierarchicalClustering.fclusterDistance(z, 5));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, HierarchicalClustering.fclusterDistance(z, 19));
        // SciPy 1.10's fcluster(Z, t, "maxclust") for t = 1..6: its search never cuts below the
        // second-lowest merge, so from t = 3 on it gives the same 3 clusters.
        int[][] scipyMaxclust = {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 2}, {1, 1, 2, 2, 3}, {1, 1, 2, 2, 3}, {1, 1, 2, 2, 3},
            {1, 1, 2, 2, 3}};
        for (int t = 1; t <= 6; t++) {
            assertArrayEquals(scipyMaxclust[t - 1], HierarchicalClustering.fclusterMaxclust(z, t), "t = " + t);
        }
        // points at 0, 1, 3, 7, 15 (merge heights 1, 2, 4, 8 all distinct): SciPy gives 3 clusters for t = 3, 4, 5
        double[] y = {0, 1, 3, 7, 15};
        double[][] e = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                e[i][j] = Math.abs(y[i] - y[j]);
            }
        }
        double[][] ze = HierarchicalClustering.linkage(e, Method.SINGLE);
        for (int t = 3; t <= 5; t++) {
            assertArrayEquals(new int[] {1, 1, 1, 2, 3}, HierarchicalClustering.fclusterMaxclust(ze, t), "t = " + t);
        }
        // two points: SciPy gives [1, 2] for t = 2 and 3
        double[][] two = HierarchicalClustering.linkage(new double[][] {{0, 3}, {3, 0}}, Method.AVERAGE);
        assertArrayEquals(new int[] {1, 2}, HierarchicalClustering.fclusterMaxclust(two, 2));
        assertArrayEquals(new int[] {1, 2}, HierarchicalClustering.fclusterMaxclust(two, 3));
        assertArrayEquals(new int[] {1, 1}, HierarchicalClustering.fclusterMaxclust(two, 1));
    }

    @Test
    void cellsAreCutAtTheMedianPairwiseDistance() {
        // two tight groups far apart: 6 within-group pairs of distance ≤ 2 and 9 across, 98..102;
        // the median of the 15 is 99 → complete linkage keeps the groups (they merge at 102)
        double[] x = {0, 1, 2, 100, 101, 102};
        double[][] d = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
            }
        }
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2}, HierarchicalClustering.cutAtMedianDistance(d, Method.COMPLETE));
    }

    @Test
    void mergeHeightsAgreeWithANaiveAllPairsSearch() {
        Random rnd = new Random(7);
        int n = 40;
        double[][] pts = new double[n][3];
        for (double[] p : pts) {
            for (int j = 0; j < 3; j++) {
                p[j] = rnd.nextGaussian();
            }
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += (pts[i][k] - pts[j][k]) * (pts[i][k] - pts[j][k]);
                }
                d[i][j] = Math.sqrt(s);
            }
        }
        for (Method m : new Method[] {Method.SINGLE, Method.COMPLETE, Method.AVERAGE}) {
            double[] expected = naiveHeights(d, m);
            double[][] z = HierarchicalClustering.linkage(d, m);
            double[] got = Arrays.stream(z).mapToDouble(r -> r[2]).toArray();
            assertArrayEquals(expected, got, 1e-9, m.name());
        }
    }

    /** Merge the closest pair of clusters by the method's definition over point pairs, n−1 times. */
    private static double[] naiveHeights(double[][] d, Method m) {
        int n = d.length;
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = i;
        }
        double[] heights = new double[n - 1];
        for (int step = 0; step < n - 1; step++) {
            double best = Double.POSITIVE_INFINITY;
            int ba = -1;
            int bb = -1;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (!isRoot(cluster, a) || !isRoot(cluster, b)) {
                        continue;
                    }
                    double sum = 0;
                    double min = Double.POSITIVE_INFINITY;
                    double max = 0;
                    int count = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (cluster[i] == a && cluster[j] == b) {
                                sum += d[i][j];
                                min = Math.min(min, d[i][j]);
                                max = Math.max(max, d[i][j]);
                                count++;
                            }
                        }
                    }
                    double v = m == Method.SINGLE ? min : m == Method.COMPLETE ? max : sum / count;
                    if (v < best) {
                        best = v;
                        ba = a;
                        bb = b;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (cluster[i] == bb) {
                    cluster[i] = ba;
                }
            }
            heights[step] = best;
        }
        Arrays.sort(heights);
        return heights;
    }

    private static boolean isRoot(int[] cluster, int a) {
        for (int c : cluster) {
            if (c == a) {
                return true;
            }
        }
        return false;
    }
}
