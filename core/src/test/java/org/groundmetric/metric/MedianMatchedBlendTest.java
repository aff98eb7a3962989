package org.groundmetric.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.embed.BlendedNeighbours;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.neighbours.NearestNeighbours;
import org.groundmetric.neighbours.Neighbours;
import org.groundmetric.ot.CostMatrix;
import org.junit.jupiter.api.Test;

/** The Fig. 4 blend: both metrics at the same median cell distance; its cell neighbours (issue 21). */
class MedianMatchedBlendTest {

    private static final double[] W = {0.1, 0, 0.02, 0, 0.05, 0}; // 2×3: the model shrinks everything ~20×

    private static List<CellMatrix> cells(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<CellMatrix> out = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            float[][] rows = new float[50][3];
            for (float[] r : rows) {
                for (int j = 0; j < 3; j++) {
                    r[j] = (float) (rng.nextGaussian() * (j + 1) + s);
                }
            }
            out.add(DenseMatrix.of(rows));
        }
        return out;
    }

    private static double euclid(float[] x, float[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += (x[j] - y[j]) * (double) (x[j] - y[j]);
        }
        return Math.sqrt(s);
    }

    private static double model(float[] x, float[] y) {
        double s = 0;
        for (int r = 0; r < 2; r++) {
            double p = 0;
            for (int j = 0; j < 3; j++) {
                p += W[r * 3 + j] * (x[j] - y[j]);
            }
            s += p * p;
        }
        return Math.sqrt(s);
    }

    private static double median(double[] v) {
        double[] d = v.clone();
        Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    @Test
    void theOtherMetricIsScaledToTheModelsMedianOverAllCellPairs() {
        List<CellMatrix> c = cells(3);
        List<float[]> all = new ArrayList<>();
        for (CellMatrix m : c) {
            for (int r = 0; r < m.rows(); r++) {
                all.add(m.row(r));
            }
        }
        int n = all.size();
        double[] dm = new double[n * (n - 1) / 2];
        double[] de = new double[dm.length];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                dm[p] = model(all.get(i), all.get(j));
                de[p++] = euclid(all.get(i), all.get(j));
            }
        }
        double exact = median(dm) / median(de);
        MedianMatchedBlend blend = MedianMatchedBlend.of(new LowRankMahalanobis(W, 2), FixedGroundMetric.parse("euclidean"),
                0.3, c, 1);
        // 2000 sampled pairs estimate the all-pairs medians to a few per cent
        assertEquals(exact, blend.otherScale(), 0.05 * exact);
        assertTrue(blend.otherScale() < 0.2, "the model's distances are far smaller: " + blend.otherScale());
        float[] x = all.get(0);
        float[] y = all.get(77);
        double want = 0.3 * model(x, y) + 0.7 * blend.otherScale() * euclid(x, y);
        assertEquals(want, blend.distance(x, y), 1e-6 * want); // the model projects in float
        CostMatrix cost = blend.cost(c.get(0), c.get(1));
        assertEquals(blend.distance(c.get(0).row(4), c.get(1).row(9)), cost.get(4, 9), 1e-6 * cost.get(4, 9));
        assertEquals(blend.otherScale(), MedianMatchedBlend.of(new LowRankMahalanobis(W, 2),
                FixedGroundMetric.parse("euclidean"), 0.9, c, 1).otherScale(), 0, "s does not change f");
    }

    @Test
    void blendedNeighboursAreThoseOfTheFullBlendedDistanceMatrix() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 40;
        double[] a = new double[n * 2];
        double[] b = new double[n * 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble() * 5;
        }
        double wa = 0.6;
        double wb = 0.15;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = wa * Math.hypot(a[2 * i] - a[2 * j], a[2 * i + 1] - a[2 * j + 1])
                        + wb * Math.sqrt(sq(b[3 * i] - b[3 * j]) + sq(b[3 * i + 1] - b[3 * j + 1]) + sq(b[3 * i + 2] - b[3 * j + 2]));
            }
        }
        Neighbours want = NearestNeighbours.precomputed(d, 6);
        Neighbours got = BlendedNeighbours.of(new double[][] {a, b}, new int[] {2, 3}, new double[] {wa, wb}, 6);
        assertEquals(Arrays.toString(want.indices()), Arrays.toString(got.indices()));
        for (int p = 0; p < got.distances().length; p++) {
            assertEquals(want.distances()[p], got.distances()[p], 1e-12);
        }
    }

    private static double sq(double x) {
        return x * x;
    }
}
