package org.groundmetric.embed;

import java.util.Arrays;
import org.groundmetric.neighbours.Neighbours;

/**
 * UMAP's fuzzy simplicial set of a k-nearest-neighbour graph, as directed edges with weights (both
 * directions present). Membership of j in i's neighbourhood is exp(−(d − ρᵢ)/σᵢ), ρᵢ the distance
 * to the nearest neighbour and σᵢ chosen so the memberships sum to log₂ k; the two directions are
 * joined by the fuzzy union a + b − a·b.
 *
 * @param head   the edges' first points
 * @param tail   the edges' second points
 * @param weight the edges' memberships, in (0, 1]
 */
record FuzzyGraph(int[] head, int[] tail, double[] weight) {

    static FuzzyGraph of(Neighbours knn) {
        int n = knn.queries();
        int k = knn.k();
        double[][] w = new double[n][k];
        double meanDistance = 0;
        for (double x : knn.distances()) {
            meanDistance += x;
        }
        meanDistance /= (double) n * k;
        double target = Math.log(k) / Math.log(2);
        for (int i = 0; i < n; i++) {
            double[] d = Arrays.copyOfRange(knn.distances(), i * k, (i + 1) * k);
            double rho = 0;
            for (double x : d) {
                if (x > 0) {
                    rho = x;
                    break;
                }
            }
            double sigma = bandwidth(d, rho, target);
            double rowMean = Arrays.stream(d).average().orElse(0);
            // As umap-learn: σ never falls below 1e-3 of the mean neighbour distance.
            sigma = Math.max(sigma, 1e-3 * (rho > 0 ? rowMean : meanDistance));
            for (int r = 0; r < k; r++) {
                double excess = d[r] - rho;
                w[i][r] = excess <= 0 ? 1.0 : Math.exp(-excess / sigma);
            }
        }
        int[] head = new int[2 * n * k];
        int[] tail = new int[2 * n * k];
        double[] weight = new double[2 * n * k];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                int j = knn.index(i, r);
                int back = knn.rankOf(j, i);
                double wij = w[i][r];
                double wji = back < 0 ? 0 : w[j][back];
                double sym = wij + wji - wij * wji;
                head[m] = i;
                tail[m] = j;
                weight[m++] = sym;
                if (back < 0) {
                    // j does not list i, so j's loop will not add the reverse direction.
                    head[m] = j;
                    tail[m] = i;
                    weight[m++] = sym;
                }
            }
        }
        return new FuzzyGraph(Arrays.copyOf(head, m), Arrays.copyOf(tail, m), Arrays.copyOf(weight, m));
    }

    int edges() {
        return head.length;
    }

    /** Binary search for σ with Σ_r exp(−max(0, d_r − ρ)/σ) = target. */
    private static double bandwidth(double[] d, double rho, double target) {
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1;
        for (int it = 0; it < 64; it++) {
            double s = 0;
            for (double x : d) {
                double excess = x - rho;
                s += excess > 0 ? Math.exp(-excess / mid) : 1;
            }
            if (Math.abs(s - target) < 1e-5) {
                break;
            }
            if (s > target) {
                hi = mid;
                mid = (lo + hi) / 2;
            } else {
                lo = mid;
                mid = Double.isInfinite(hi) ? mid * 2 : (lo + hi) / 2;
            }
        }
        return mid;
    }
}
