package org.groundmetric.linalg;

/**
 * The Gram matrix LᵀL (d×d, row-major) of a rows × d matrix L (row-major): the Mahalanobis matrix
 * M of the map x ↦ Lx, since ‖Lx − Ly‖² = (x−y)ᵀ LᵀL (x−y). Zero entries of L are skipped, so a
 * sparse L costs little.
 */
public final class Gram {
    private Gram() {
    }

    public static double[] of(double[] l, int rows, int d) {
        double[] m = new double[d * d];
        for (int r = 0; r < rows; r++) {
            int rb = r * d;
            for (int a = 0; a < d; a++) {
                double la = l[rb + a];
                if (la == 0) {
                    continue;
                }
                for (int b = 0; b < d; b++) {
                    m[a * d + b] += la * l[rb + b];
                }
            }
        }
        return m;
    }
}
