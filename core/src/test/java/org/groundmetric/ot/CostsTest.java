package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class CostsTest {

    @Test
    void eachMetricOnAHandWorkedPair() {
        double[][] x = {{1, 2, 0}};
        double[][] y = {{4, 6, 0}, {0, 0, 0}};
        assertEquals(5.0, Costs.pairwise(x, y, PointMetric.EUCLIDEAN).get(0, 0), 0);
        assertEquals(25.0, Costs.pairwise(x, y, PointMetric.SQEUCLIDEAN).get(0, 0), 0);
        assertEquals(7.0, Costs.pairwise(x, y, PointMetric.CITYBLOCK).get(0, 0), 0);
        // 1 − (4 + 12) / (√5 · √52), as scipy.spatial.distance.cosine
        assertEquals(1 - 16 / (Math.sqrt(5) * Math.sqrt(52)), Costs.pairwise(x, y, PointMetric.COSINE).get(0, 0), 1e-15);
        assertEquals(1.0, Costs.pairwise(x, y, PointMetric.COSINE).get(0, 1), 0, "zero vector vs non-zero");
        assertEquals(0.0, Costs.pairwise(new double[][] {{0, 0}}, new double[][] {{0, 0}}, PointMetric.COSINE).get(0, 0));
        assertEquals(PointMetric.CITYBLOCK, PointMetric.parse("Manhattan"));
    }

    /**
     * The matrix (vectorised, several coordinates per pass) and a single cost both add the
     * coordinates in order 0..dim−1: bit for bit the plain sequential sum, so the solvers that form
     * costs one at a time and those that read the matrix see the same numbers.
     */
    @Test
    void matrixAndSingleCostsAreTheSequentialSumBitForBit() {
        Random rnd = new Random(5);
        for (int dim = 1; dim <= 13; dim++) {
            double[] x = new double[4 * dim];
            double[] y = new double[6 * dim];
            for (int k = 0; k < x.length; k++) {
                x[k] = rnd.nextGaussian();
            }
            for (int k = 0; k < y.length; k++) {
                y[k] = rnd.nextGaussian();
            }
            for (PointMetric metric : PointMetric.values()) {
                CostMatrix m = Costs.pairwise(x, 4, y, 6, dim, metric);
                RowCosts rows = new RowCosts(y, 6, dim, metric);
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 6; j++) {
                        double sequential = 0;
                        double dot = 0;
                        for (int q = 0; q < dim; q++) {
                            double diff = x[i * dim + q] - y[j * dim + q];
                            sequential += metric == PointMetric.CITYBLOCK ? Math.abs(diff) : diff * diff;
                            dot += x[i * dim + q] * y[j * dim + q];
                        }
                        double expected = switch (metric) {
                            case EUCLIDEAN -> Math.sqrt(sequential);
                            case SQEUCLIDEAN, CITYBLOCK -> sequential;
                            case COSINE -> RowCosts.cosineDistance(dot, RowCosts.norm(x, i * dim, dim),
                                    RowCosts.norm(y, j * dim, dim));
                        };
                        assertEquals(expected, m.get(i, j), 0, metric + " dim " + dim);
                        assertEquals(expected, rows.cost(x, i, j), 0, metric + " dim " + dim);
                    }
                }
            }
        }
    }

    @Test
    void identicalPointsCostExactlyZero() {
        double[][] x = {{0.1, 0.7, 1e8}, {-3.3, 2.2, 0.125}};
        CostMatrix m = Costs.pairwise(x, x, PointMetric.EUCLIDEAN);
        assertEquals(0.0, m.get(0, 0), 0);
        assertEquals(0.0, m.get(1, 1), 0);
        assertEquals(0.0, Costs.pairwise(x, x, PointMetric.COSINE).get(1, 1), 1e-15);
    }

    @Test
    void sparseAndDenseCellMatricesGiveTheSameCosts() {
        Random rnd = new Random(31);
        float[][] a = randomSparseRows(rnd, 7, 20);
        float[][] b = randomSparseRows(rnd, 9, 20);
        for (PointMetric metric : PointMetric.values()) {
            CostMatrix dense = Costs.pairwise(DenseMatrix.of(a), DenseMatrix.of(b), metric);
            CostMatrix sparse = Costs.pairwise(csr(a), csr(b), metric);
            CostMatrix mixed = Costs.pairwise(DenseMatrix.of(a), csr(b), metric);
            CostMatrix reference = Costs.pairwise(toDouble(a), toDouble(b), metric);
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 9; j++) {
                    assertEquals(reference.get(i, j), dense.get(i, j), 1e-12, metric + " dense");
                    assertEquals(reference.get(i, j), sparse.get(i, j), 1e-12, metric + " sparse");
                    assertEquals(reference.get(i, j), mixed.get(i, j), 1e-12, metric + " mixed");
                }
            }
        }
    }

    static float[][] randomSparseRows(Random rnd, int rows, int cols) {
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = rnd.nextInt(3) == 0 ? (float) rnd.nextGaussian() : 0f;
            }
        }
        out[0] = new float[cols];   // an all-zero cell
        return out;
    }

    static CellMatrix csr(float[][] rows) {
        int cols = rows[0].length;
        int nnz = 0;
        for (float[] r : rows) {
            for (float v : r) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        int[] ptr = new int[rows.length + 1];
        int[] idx = new int[nnz];
        float[] val = new float[nnz];
        int k = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < cols; c++) {
                if (rows[i][c] != 0) {
                    idx[k] = c;
                    val[k++] = rows[i][c];
                }
            }
            ptr[i + 1] = k;
        }
        return new CsrMatrix(rows.length, cols, ptr, idx, val);
    }

    static double[][] toDouble(float[][] f) {
        double[][] d = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            d[i] = new double[f[i].length];
            for (int c = 0; c < f[i].length; c++) {
                d[i][c] = f[i][c];
            }
        }
        return d;
    }
}
