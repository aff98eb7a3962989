package org.groundmetric.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Transport;
import org.groundmetric.ot.TransportPlan;
import org.groundmetric.ot.TransportSolver;

/**
 * A test-only exact solver for uniform weights: with n sources and m targets, every source is
 * copied L/n times and every target L/m times (L = lcm(n, m)), which turns the transport problem
 * into an L×L assignment, solved exactly by the Hungarian method (shortest augmenting paths).
 * O(L³): for small problems and the synthetic data only. Duals are not computed (zeros).
 */
public final class UniformAssignmentSolver implements TransportSolver {

    @Override
    public Transport solve(double[] a, double[] b, CostMatrix cost) {
        int n = a.length;
        int m = b.length;
        for (double x : a) {
            if (Math.abs(x - 1.0 / n) > 1e-12) {
                throw new IllegalArgumentException("test solver handles uniform weights only");
            }
        }
        for (double x : b) {
            if (Math.abs(x - 1.0 / m) > 1e-12) {
                throw new IllegalArgumentException("test solver handles uniform weights only");
            }
        }
        int l = lcm(n, m);
        int ra = l / n;
        int rb = l / m;
        int[] match = hungarian(l, (i, j) -> cost.get(i / ra, j / rb));
        double[][] plan = new double[n][m];
        double value = 0;
        for (int i = 0; i < l; i++) {
            plan[i / ra][match[i] / rb] += 1.0 / l;
            value += cost.get(i / ra, match[i] / rb) / l;
        }
        List<int[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (plan[i][j] > 0) {
                    entries.add(new int[] {i, j});
                }
            }
        }
        int[] rows = new int[entries.size()];
        int[] cols = new int[entries.size()];
        double[] mass = new double[entries.size()];
        for (int e = 0; e < rows.length; e++) {
            rows[e] = entries.get(e)[0];
            cols[e] = entries.get(e)[1];
            mass[e] = plan[rows[e]][cols[e]];
        }
        return new Transport(value, new TransportPlan(rows, cols, mass), new double[n], new double[m], l, true);
    }

    private interface Cost {
        double at(int i, int j);
    }

    /** Row i is assigned column match[i]; classic O(L³) potentials + Dijkstra-like augmentation. */
    private static int[] hungarian(int size, Cost c) {
        double[] u = new double[size + 1];
        double[] v = new double[size + 1];
        int[] p = new int[size + 1];
        int[] way = new int[size + 1];
        double[] minv = new double[size + 1];
        boolean[] used = new boolean[size + 1];
        for (int i = 1; i <= size; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= size; j++) {
                    if (!used[j]) {
                        double cur = c.at(i0 - 1, j - 1) - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= size; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] match = new int[size];
        for (int j = 1; j <= size; j++) {
            match[p[j] - 1] = j - 1;
        }
        return match;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
