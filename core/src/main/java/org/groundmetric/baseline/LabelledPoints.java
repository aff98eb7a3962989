package org.groundmetric.baseline;

/**
 * Points with class labels, the input of the global metric learners: in the benchmark every cell
 * labelled with its sample's class, as the paper trains LMNN, NCA, ITML and LFDA.
 *
 * @param x          n×d row-major coordinates
 * @param n          number of points
 * @param d          number of features
 * @param y          class index (0..numClasses−1) per point
 * @param numClasses number of classes
 */
public record LabelledPoints(double[] x, int n, int d, int[] y, int numClasses) {

    public LabelledPoints {
        if ((long) n * d != x.length) {
            throw new IllegalArgumentException("points hold " + x.length + " values, expected n·d = " + n + "·" + d);
        }
        if (y.length != n) {
            throw new IllegalArgumentException(n + " points but " + y.length + " labels");
        }
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new IllegalArgumentException("label of point " + i + " is " + y[i] + ", expected 0.." + (numClasses - 1));
            }
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("points must be finite, found " + v);
            }
        }
    }

    public static LabelledPoints of(double[][] rows, int[] y) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, x, i * d, d);
        }
        int c = 0;
        for (int v : y) {
            c = Math.max(c, v + 1);
        }
        return new LabelledPoints(x, n, d, y, c);
    }

    public double get(int i, int j) {
        return x[i * d + j];
    }

    /** Number of points of each class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int v : y) {
            counts[v]++;
        }
        return counts;
    }
}
