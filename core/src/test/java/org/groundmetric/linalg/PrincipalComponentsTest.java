package org.groundmetric.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one PCA of the library against the eigenvectors of the covariance (exact when the columns
 * are few), with cells split over several blocks and with a column scale.
 */
class PrincipalComponentsTest {

    /** Two blocks of correlated 6-D cells with very different column spreads. */
    private static List<CellMatrix> blocks() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] spread = {5, 3, 2, 1, 0.5, 0.1};
        double[][] a = new double[40][6];
        double[][] b = new double[25][6];
        for (double[][] block : new double[][][] {a, b}) {
            for (double[] row : block) {
                double shared = rnd.nextGaussian();
                for (int j = 0; j < 6; j++) {
                    row[j] = spread[j] * rnd.nextGaussian() + (j < 2 ? 2 * shared : 0) + 1;
                }
            }
        }
        return List.of(DenseMatrix.of(a), DenseMatrix.of(b));
    }

    @Test
    void axesAreTheCovarianceEigenvectorsAndProjectionsCentred() {
        List<CellMatrix> x = blocks();
        PrincipalComponents pca = PrincipalComponents.fit(x, 3, 1);
        assertAxesAreEigenvectors(pca, SymmetricEigen.of(covariance(x, null)));
        double sum = 0;
        for (CellMatrix m : x) {
            double[] y = pca.project(m);
            for (int i = 0; i < m.rows(); i++) {
                sum += y[i * 3];
            }
        }
        assertEquals(0, sum, 1e-9, "coordinates on the first axis are centred");
    }

    @Test
    void aColumnScaleIsThePcaOfTheScaledCells() {
        List<CellMatrix> x = blocks();
        double[] scale = {0.2, 1 / 3.0, 0.5, 1, 2, 10};
        PrincipalComponents pca = PrincipalComponents.fit(x, scale, 2, 1);
        assertAxesAreEigenvectors(pca, SymmetricEigen.of(covariance(x, scale)));
    }

    /** Each axis is the eigenvector of the same rank, up to sign (|cos| = 1). */
    private static void assertAxesAreEigenvectors(PrincipalComponents pca, SymmetricEigen eig) {
        for (int r = 0; r < pca.count(); r++) {
            double dot = 0;
            for (int j = 0; j < 6; j++) {
                dot += pca.components()[r][j] * eig.largestVector(r)[j];
            }
            assertEquals(1, Math.abs(dot), 1e-9, "axis " + r);
        }
    }

    private static double[][] covariance(List<CellMatrix> blocks, double[] scale) {
        int d = 6;
        int n = 0;
        double[] mean = new double[d];
        for (CellMatrix m : blocks) {
            for (int i = 0; i < m.rows(); i++, n++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += m.get(i, j) * (scale == null ? 1 : scale[j]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[d][d];
        for (CellMatrix m : blocks) {
            for (int i = 0; i < m.rows(); i++) {
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        double xa = m.get(i, a) * (scale == null ? 1 : scale[a]) - mean[a];
                        double xb = m.get(i, b) * (scale == null ? 1 : scale[b]) - mean[b];
                        c[a][b] += xa * xb / n;
                    }
                }
            }
        }
        return c;
    }
}
