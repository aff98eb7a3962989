package org.groundmetric.metric;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.CostMatrix;

/**
 * The paper's Fig. 4 interpolation between a learned metric and another one at the level of cells:
 * d(x, y) = s·d_model(x, y) + (1 − s)·f·d_other(x, y), where f = median d_model / median d_other over
 * the same seeded cell pairs, so both metrics enter at the same scale (the median cell distance)
 * and s moves the picture from one to the other instead of letting the larger metric dominate
 * (Euclidean distances on counts can be 100× those of a rank-5 projection). At s = 1 it is the
 * model, at s = 0 the other metric in the model's units. A blend of two metrics is a metric.
 *
 * @param model      the learned metric (weight s)
 * @param other      Euclidean or a second model (weight 1 − s)
 * @param s          blend weight in [0, 1]
 * @param otherScale f, the factor that gives {@code other} the model's median cell distance
 */
public record MedianMatchedBlend(GroundMetric model, GroundMetric other, double s, double otherScale)
        implements GroundMetric {

    /** Cell pairs whose distances set the two medians. */
    public static final int MEDIAN_PAIRS = 2000;

    public MedianMatchedBlend {
        if (model == null || other == null) {
            throw new IllegalArgumentException("a blend needs two metrics, got " + model + " and " + other);
        }
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("blend weight s = " + s + " must lie in [0, 1]");
        }
        if (!(otherScale > 0) || Double.isInfinite(otherScale)) {
            throw new IllegalArgumentException("the second metric's scale factor is " + otherScale
                    + "; expected a finite number > 0");
        }
    }

    /**
     * Matches the medians over {@link #MEDIAN_PAIRS} cell pairs drawn from {@code samples} with
     * {@code seed} (two cells of any samples, never a cell with itself).
     */
    public static MedianMatchedBlend of(GroundMetric model, GroundMetric other, double s, List<CellMatrix> samples,
                                        long seed) {
        float[][][] pairs = pairs(samples, seed);
        double a = median(model, pairs);
        double b = median(other, pairs);
        if (!(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("the median cell distance is " + a + " under " + model.name() + " and "
                    + b + " under " + other.name() + "; a blend needs both above 0 (are the cells all alike?)");
        }
        return new MedianMatchedBlend(model, other, s, a / b);
    }

    /** The median of a metric over pairs of cells. */
    static double median(GroundMetric m, float[][][] pairs) {
        double[] d = new double[pairs.length];
        for (int p = 0; p < d.length; p++) {
            d[p] = m.distance(pairs[p][0], pairs[p][1]);
        }
        Arrays.sort(d);
        int n = d.length;
        return n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
    }

    /** The seeded cell pairs (each of two cells of the pooled samples, distinct positions). */
    static float[][][] pairs(List<CellMatrix> samples, long seed) {
        long[] ends = new long[samples.size()];
        long total = 0;
        for (int s = 0; s < samples.size(); s++) {
            total += samples.get(s).rows();
            ends[s] = total;
        }
        if (total < 2) {
            throw new IllegalArgumentException("a blend's medians need at least 2 cells, got " + total);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[][][] out = new float[MEDIAN_PAIRS][][];
        for (int p = 0; p < MEDIAN_PAIRS; p++) {
            long i = rng.nextLong(total);
            long j = rng.nextLong(total - 1);
            if (j >= i) {
                j++;
            }
            out[p] = new float[][] {cell(samples, ends, i), cell(samples, ends, j)};
        }
        return out;
    }

    private static float[] cell(List<CellMatrix> samples, long[] ends, long index) {
        int s = 0;
        while (index >= ends[s]) {
            s++;
        }
        long start = s == 0 ? 0 : ends[s - 1];
        return samples.get(s).row((int) (index - start));
    }

    /** The weight of the other metric's own distance: (1 − s)·f. */
    public double otherWeight() {
        return (1 - s) * otherScale;
    }

    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "blend(%s·%s + %s·%s×%.4g, same median)", s, model.name(), 1 - s,
                other.name(), otherScale);
    }

    @Override
    public double distance(float[] x, float[] y) {
        return s * model.distance(x, y) + otherWeight() * other.distance(x, y);
    }

    @Override
    public CostMatrix cost(CellMatrix x, CellMatrix y) {
        double[] ca = model.cost(x, y).values();
        double[] cb = other.cost(x, y).values();
        double[] c = new double[ca.length];
        double wb = otherWeight();
        for (int p = 0; p < c.length; p++) {
            c[p] = s * ca[p] + wb * cb[p];
        }
        return new CostMatrix(x.rows(), y.rows(), c);
    }
}
