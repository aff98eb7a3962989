package org.groundmetric.ot;

/**
 * A Sinkhorn solve with its plan dense, as scalings of a kernel: πᵢⱼ = uᵢ Kᵢⱼ vⱼ
 * ({@link Sinkhorn#solveDense}).
 *
 * @param kernel row-major, Kᵢⱼ at i·m + j (it may be longer than n·m)
 * @param u      row scalings (0 for rows of weight 0)
 * @param v      column scalings
 * @param value  the transport cost Σ πᵢⱼ Mᵢⱼ
 * @param f      potentials with πᵢⱼ = exp((fᵢ + gⱼ − Mᵢⱼ)/reg)
 * @param g      see f
 */
public record EntropicPlan(double[] kernel, double[] u, double[] v, int rows, int cols, double value, double[] f,
                           double[] g, int iterations, boolean converged, double marginalError) {

    /** πᵢⱼ. */
    public double plan(int i, int j) {
        return u[i] * kernel[i * cols + j] * v[j];
    }

    /** The solve as a {@link Transport} with a sparse plan (the entries &gt; 0). */
    public Transport transport() {
        int count = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (plan(i, j) != 0) {
                    count++;
                }
            }
        }
        int[] r = new int[count];
        int[] c = new int[count];
        double[] mass = new double[count];
        int e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double p = plan(i, j);
                if (p != 0) {
                    r[e] = i;
                    c[e] = j;
                    mass[e++] = p;
                }
            }
        }
        return new Transport(value, new TransportPlan(r, c, mass), f, g, iterations, converged, marginalError);
    }
}
