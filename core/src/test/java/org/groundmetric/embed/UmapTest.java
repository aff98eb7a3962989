package org.groundmetric.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.groundmetric.Progress;
import org.groundmetric.neighbours.NearestNeighbours;
import org.groundmetric.neighbours.Neighbours;
import org.groundmetric.testing.Bits;
import org.junit.jupiter.api.Test;

class UmapTest {

    static final int PER_CLUSTER = 100;
    static final int CLUSTERS = 3;
    static final int DIM = 5;

    /** Three tight Gaussian clusters in 5-D, 20 units apart on different axes. */
    static double[] clusters(long seed) {
        Random r = new Random(seed);
        double[] p = new double[CLUSTERS * PER_CLUSTER * DIM];
        for (int c = 0; c < CLUSTERS; c++) {
            for (int i = 0; i < PER_CLUSTER; i++) {
                for (int d = 0; d < DIM; d++) {
                    p[((c * PER_CLUSTER) + i) * DIM + d] = r.nextGaussian() + (d == c ? 20 : 0);
                }
            }
        }
        return p;
    }

    /** umap-learn's find_ab_params(spread=1, min_dist=0.1) gives a = 1.5769, b = 0.8951 (scipy curve_fit). */
    @Test
    void curveMatchesUmapLearnDefaults() {
        UmapCurve ab = UmapCurve.fit(1.0, 0.1);
        assertEquals(1.577, ab.a(), 0.02);
        assertEquals(0.895, ab.b(), 0.01);
    }

    @Test
    void wellSeparatedClustersStaySeparatedAndNeighboursAreTrustworthy() {
        double[] p = clusters(1);
        double[][] y = new Umap(Umap.Config.defaults(7).withEpochs(200)).embed(p, DIM, Progress.NONE);
        double[] flat = flatten(y);
        // Every point's nearest neighbour in the layout lies in its own cluster.
        int n = y.length;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                if (j != i && d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            assertEquals(i / PER_CLUSTER, best / PER_CLUSTER, "nearest neighbour of point " + i);
        }
        // The gap between clusters is wider than any cluster's own spread.
        double within = 0;
        double between = Double.POSITIVE_INFINITY;
        double[][] centre = centres(y);
        for (int i = 0; i < n; i++) {
            double[] c = centre[i / PER_CLUSTER];
            within = Math.max(within, Math.hypot(y[i][0] - c[0], y[i][1] - c[1]));
        }
        for (int a = 0; a < CLUSTERS; a++) {
            for (int b = a + 1; b < CLUSTERS; b++) {
                between = Math.min(between, Math.hypot(centre[a][0] - centre[b][0], centre[a][1] - centre[b][1]));
            }
        }
        assertTrue(between > 2 * within, "cluster centres " + between + " apart, radius up to " + within);
        double t = Trustworthiness.score(p, DIM, flat, 2, 10);
        assertTrue(t > 0.85, "trustworthiness " + t);
    }

    @Test
    void sameSeedSameLayoutOtherSeedOtherLayout() {
        double[] p = clusters(2);
        Umap.Config c = Umap.Config.defaults(11).withEpochs(50);
        double[] a = flatten(new Umap(c).embed(p, DIM, Progress.NONE));
        double[] b = flatten(new Umap(c).embed(p, DIM, Progress.NONE));
        double[] other = flatten(new Umap(new Umap.Config(15, 0.1, 1, 50, 5, 1, 12)).embed(p, DIM, Progress.NONE));
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, other));
    }

    @Test
    void precomputedDistancesSeparateTheClusters() {
        double[] p = clusters(3);
        double[][] d = distances(p);
        double[][] y = new Umap(Umap.Config.defaults(5).withEpochs(100)).embedDistances(d, Progress.NONE);
        double t = Trustworthiness.score(p, DIM, flatten(y), 2, 10);
        assertTrue(t > 0.85, "trustworthiness " + t);
    }

    /** The k-d tree path (low dimensions) finds the same neighbours as scanning all pairs. */
    @Test
    void kdTreeNeighboursEqualTheFullScan() {
        double[] p = clusters(5);
        double[][] d = distances(p);
        Neighbours tree = NearestNeighbours.euclidean(p, DIM, 15);
        Neighbours scan = NearestNeighbours.precomputed(d, 15);
        assertArrayEquals(scan.indices(), tree.indices());
        assertArrayEquals(scan.distances(), tree.distances(), 1e-9);
    }

    @Test
    void trustworthinessOfAnIdenticalEmbeddingIsOne() {
        double[] p = clusters(4);
        assertEquals(1.0, Trustworthiness.score(p, DIM, p, DIM, 5), 1e-12);
    }

    /**
     * The layouts to the last bit, through each path: k-d tree neighbours (5-D), the full scan
     * (20-D) and precomputed distances. Refactorings must leave them alone.
     */
    @Test
    void layoutsArePinned() {
        Umap umap = new Umap(Umap.Config.defaults(3).withEpochs(60));
        assertEquals("7535e8f475665394", Bits.digest(umap.embed(clusters(1), DIM, Progress.NONE)), "5-D");
        double[] wide = new double[60 * 20];
        Random r = new Random(2);
        for (int i = 0; i < wide.length; i++) {
            wide[i] = r.nextGaussian() + (i / 20 < 30 && i % 20 == 0 ? 8 : 0);
        }
        assertEquals("c6b2646d3e7aa1c4", Bits.digest(umap.embed(wide, 20, Progress.NONE)), "20-D");
        double[][] d = new double[40][40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                d[i][j] = i == j ? 0 : Math.abs(i - j) + (i / 20 != j / 20 ? 10 : 0);
            }
        }
        assertEquals("dd141fb0015ff9a1", Bits.digest(umap.embedDistances(d, Progress.NONE)), "precomputed");
    }

    /** The n×n Euclidean distances between the DIM-dimensional points. */
    static double[][] distances(double[] p) {
        int n = p.length / DIM;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < DIM; c++) {
                    s += Math.pow(p[i * DIM + c] - p[j * DIM + c], 2);
                }
                d[i][j] = Math.sqrt(s);
            }
        }
        return d;
    }

    static double[] flatten(double[][] y) {
        double[] out = new double[y.length * 2];
        for (int i = 0; i < y.length; i++) {
            out[2 * i] = y[i][0];
            out[2 * i + 1] = y[i][1];
        }
        return out;
    }

    static double[][] centres(double[][] y) {
        double[][] c = new double[CLUSTERS][2];
        for (int i = 0; i < y.length; i++) {
            c[i / PER_CLUSTER][0] += y[i][0] / PER_CLUSTER;
            c[i / PER_CLUSTER][1] += y[i][1] / PER_CLUSTER;
        }
        return c;
    }
}
