package org.groundmetric.ot;

/**
 * A sparse transport plan: entry p moves {@code mass[p]} from source cell {@code rows[p]} to target
 * cell {@code cols[p]}. An exact plan has at most n+m−1 entries.
 */
public record TransportPlan(int[] rows, int[] cols, double[] mass) implements java.io.Serializable {

    public TransportPlan {
        if (rows.length != cols.length || rows.length != mass.length) {
            throw new IllegalArgumentException("plan arrays must have equal lengths, got rows=" + rows.length
                    + " cols=" + cols.length + " mass=" + mass.length);
        }
    }

    public int nonZeros() {
        return mass.length;
    }

    /** Σ πᵢⱼ Mᵢⱼ over the stored entries. */
    public double cost(CostMatrix m) {
        double s = 0;
        for (int p = 0; p < mass.length; p++) {
            s += mass[p] * m.get(rows[p], cols[p]);
        }
        return s;
    }

    /** The plan as a dense n×m array (for tests and small problems). */
    public double[][] toDense(int n, int m) {
        double[][] out = new double[n][m];
        for (int p = 0; p < mass.length; p++) {
            out[rows[p]][cols[p]] += mass[p];
        }
        return out;
    }
}
