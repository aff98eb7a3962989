package org.groundmetric.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Trustworthiness against scikit-learn, from points and from a precomputed distance matrix. */
class TrustworthinessTest {

    /** 12 points in 4-D and a noisy 2-D embedding (numpy default_rng(3), rounded). */
    static final double[][] X = {{2.04, -2.56, 0.42, -0.57}, {-0.45, -0.22, -2.02, -0.23}, {-0.87, 3.32, 0.23, -0.35},
        {-0.28, -0.67, -1.06, -0.39}, {0.48, -0.24, 0.96, -0.2}, {0.02, 1.55, 0.55, -0.51}, {-0.18, 0.54, 1.94, -0.27},
        {-0.24, 1.0, -0.89, -0.29}, {0.88, 0.58, 0.09, 0.67}, {-2.83, 1.02, -0.96, -1.67}, {0.28, 0.7, -0.44, -1.08},
        {0.03, -0.05, 1.41, 0.75}};
    static final double[][] Y = {{2.14, -2.0}, {-0.56, -0.68}, {-0.58, 3.61}, {-0.38, -1.06}, {0.6, -1.48},
        {0.36, 1.8}, {-1.0, 0.57}, {-0.72, 1.38}, {-0.13, 0.12}, {-2.48, 1.6}, {-0.8, 0.45}, {0.2, -0.36}};

    /**
     * sklearn.manifold.trustworthiness(X, Y, n_neighbors=3) = 0.75, and the same with
     * metric="precomputed" on pairwise_distances(X).
     */
    @Test
    void matchesScikitLearnFromPointsAndFromDistances() {
        int n = X.length;
        double[] high = new double[n * 4];
        double[] low = new double[n * 2];
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(X[i], 0, high, i * 4, 4);
            System.arraycopy(Y[i], 0, low, i * 2, 2);
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < 4; c++) {
                    s += (X[i][c] - X[j][c]) * (X[i][c] - X[j][c]);
                }
                d[i][j] = Math.sqrt(s);
            }
        }
        assertEquals(0.75, Trustworthiness.score(high, 4, low, 2, 3), 1e-12);
        assertEquals(0.75, Trustworthiness.score(d, Y, 3), 1e-12);
        assertEquals(1.0, Trustworthiness.score(d, X, 3), 1e-12, "the points themselves are perfectly trustworthy");
    }

    @Test
    void defaultNeighboursStayBelowHalfThePoints() {
        assertEquals(0, Trustworthiness.defaultNeighbours(2));
        assertEquals(1, Trustworthiness.defaultNeighbours(4));
        assertEquals(4, Trustworthiness.defaultNeighbours(10));
        assertEquals(5, Trustworthiness.defaultNeighbours(30));
    }
}
