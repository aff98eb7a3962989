package org.groundmetric.ot;

/**
 * An n×m matrix of non-negative, finite transport costs in double precision, row-major.
 * Row i is a cell of the source sample, column j a cell of the target sample.
 */
public final class CostMatrix {
    private final int rows;
    private final int cols;
    private final double[] values;
    private final double mean;   // NaN until known

    /** Wraps (does not copy) {@code values}; refuses NaN, infinite or negative entries. */
    public CostMatrix(int rows, int cols, double[] values) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("cost matrix must have at least one row and one column, got "
                    + rows + "×" + cols);
        }
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException("cost matrix holds " + values.length + " values, expected "
                    + rows + "×" + cols + " = " + ((long) rows * cols));
        }
        for (int p = 0; p < values.length; p++) {
            double c = values[p];
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("cost[" + (p / cols) + "][" + (p % cols) + "] is " + c
                        + "; costs must be finite numbers");
            }
            if (c < 0) {
                throw new IllegalArgumentException("cost[" + (p / cols) + "][" + (p % cols) + "] is " + c
                        + "; costs must be non-negative");
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.values = values;
        this.mean = Double.NaN;
    }

    /**
     * Wraps costs this package computed from finite points (so finite and non-negative by
     * construction), with their mean from the same pass: no second pass over n·m to check them.
     */
    CostMatrix(int rows, int cols, double[] values, double mean) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
        this.mean = mean;
    }

    /** Copies a rectangular double array. */
    public static CostMatrix of(double[][] m) {
        int n = m.length;
        int c = n == 0 ? 0 : m[0].length;
        double[] v = new double[n * c];
        for (int i = 0; i < n; i++) {
            if (m[i].length != c) {
                throw new IllegalArgumentException("cost row " + i + " has " + m[i].length + " values, expected " + c);
            }
            System.arraycopy(m[i], 0, v, i * c, c);
        }
        return new CostMatrix(n, c, v);
    }

    public int rows() { return rows; }
    public int cols() { return cols; }
    public double get(int i, int j) { return values[i * cols + j]; }

    /** The backing row-major array. Callers must not modify it. */
    public double[] values() { return values; }

    /** The mean entry (used to scale entropic regularisation). */
    public double mean() {
        if (!Double.isNaN(mean)) {
            return mean;
        }
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
