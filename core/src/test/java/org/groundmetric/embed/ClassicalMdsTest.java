package org.groundmetric.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassicalMdsTest {

    /** Points that are truly 2-D are recovered up to rotation and reflection: all distances match. */
    @Test
    void recoversAKnownPlanarConfiguration() {
        double[][] points = {{0, 0}, {3, 0}, {3, 4}, {-1, 2}, {5, -2}, {1, 1}};
        double[][] d = distances(points);
        double[][] y = ClassicalMds.embed(d, 2);
        double[][] dy = distances(y);
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < points.length; j++) {
                assertEquals(d[i][j], dy[i][j], 1e-9, "distance " + i + "," + j);
            }
        }
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            for (double[] p : y) {
                mean += p[c];
            }
            assertEquals(0, mean, 1e-9, "MDS coordinates are centred");
        }
    }

    /** A 3-D configuration flattened to its first axis keeps that axis's spread (largest eigenvalue first). */
    @Test
    void firstAxisCarriesTheLargestSpread() {
        double[][] points = {{-10, 0, 0.1}, {10, 0, -0.1}, {0, 1, 0}, {0, -1, 0}};
        double[][] y = ClassicalMds.embed(distances(points), 1);
        assertEquals(Math.sqrt(400.04), Math.abs(y[0][0] - y[1][0]), 1e-9);
        assertEquals(0, y[2][0] - y[3][0], 1e-6);
    }

    @Test
    void rejectsAsymmetricOrNegativeDistances() {
        assertThrows(IllegalArgumentException.class, () -> ClassicalMds.embed(new double[][] {{0, 1}, {2, 0}}, 2));
        assertThrows(IllegalArgumentException.class, () -> ClassicalMds.embed(new double[][] {{0, -1}, {-1, 0}}, 2));
    }

    static double[][] distances(double[][] p) {
        int n = p.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < p[i].length; c++) {
                    s += (p[i][c] - p[j][c]) * (p[i][c] - p[j][c]);
                }
                d[i][j] = Math.sqrt(s);
            }
        }
        return d;
    }
}
