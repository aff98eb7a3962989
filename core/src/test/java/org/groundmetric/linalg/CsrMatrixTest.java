package org.groundmetric.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {

    /**
     * The blocked projection and gradient (feature-major blocks of 4 or 8 directions) add their
     * terms in the same order as the plain loops, so they equal them to the last bit, for every
     * rank, including ranks that fill several blocks or leave one partly empty.
     */
    @Test
    void projectionEqualsThePlainSumBitForBit() {
        SplittableRandom rng = new SplittableRandom(4);
        CsrMatrix x = randomSparse(rng, 23, 40, 0.2);
        for (int k : new int[] {1, 3, 4, 5, 8, 9, 13, 17}) {
            double[] w = new double[k * x.cols()];
            for (int p = 0; p < w.length; p++) {
                w[p] = rng.nextGaussian();
            }
            double[] expected = new double[x.rows() * k];
            for (int i = 0; i < x.rows(); i++) {
                for (int r = 0; r < k; r++) {
                    double s = 0;
                    for (int p = x.rowPointers()[i]; p < x.rowPointers()[i + 1]; p++) {
                        s += x.values()[p] * w[r * x.cols() + x.columnIndices()[p]];
                    }
                    expected[i * k + r] = s;
                }
            }
            assertArrayEquals(expected, x.projectRows(w, k), 0, "rank " + k);

            double[] g = new double[k * x.rows()];
            for (int p = 0; p < g.length; p++) {
                g[p] = p % 7 == 0 ? 0 : rng.nextGaussian();
            }
            double[] plain = new double[k * x.cols()];
            for (int i = 0; i < x.rows(); i++) {
                for (int r = 0; r < k; r++) {
                    for (int p = x.rowPointers()[i]; p < x.rowPointers()[i + 1]; p++) {
                        plain[r * x.cols() + x.columnIndices()[p]] += g[r * x.rows() + i] * x.values()[p];
                    }
                }
            }
            double[] blocked = new double[k * x.cols()];
            x.accumulateLeftProduct(g, k, blocked);
            assertArrayEquals(plain, blocked, 0, "gradient, rank " + k);
        }
    }

    /**
     * A view of some rows (a sample's cells in X) computes exactly what a copy of those rows does,
     * shares the arrays instead of copying them, and travels (serialisation) as a copy of its rows.
     */
    @Test
    void aViewOfRowsActsAsTheirCopyWithoutCopyingThem() throws Exception {
        SplittableRandom rng = new SplittableRandom(12);
        CsrMatrix x = randomSparse(rng, 30, 25, 0.3);
        int[] rows = {7, 2, 29, 2, 11, 0};
        CsrMatrix view = x.viewRows(rows);
        CsrMatrix copy = x.selectRows(rows);
        assertTrue(view.isView() && !copy.isView());
        assertSame(x.values(), view.values(), "a view shares the values");
        assertEquals(copy.storedEntries(), view.storedEntries());
        for (int k : new int[] {2, 5, 9}) {
            double[] w = new double[k * x.cols()];
            for (int p = 0; p < w.length; p++) {
                w[p] = rng.nextGaussian();
            }
            assertArrayEquals(copy.projectRows(w, k), view.projectRows(w, k), 0);
            double[] g = new double[k * rows.length];
            for (int p = 0; p < g.length; p++) {
                g[p] = rng.nextGaussian();
            }
            double[] a = new double[k * x.cols()];
            double[] b = new double[k * x.cols()];
            copy.accumulateLeftProduct(g, k, a);
            view.accumulateLeftProduct(g, k, b);
            assertArrayEquals(a, b, 0);
        }
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(copy.row(i), view.row(i));
            assertEquals(copy.get(i, 3), view.get(i, 3));
        }
        int[] cols = {4, 0, 19};
        assertArrayEquals(dense(copy.selectColumns(cols)), dense(view.selectColumns(cols)));
        CsrMatrix compact = view.compact();
        assertTrue(!compact.isView());
        assertArrayEquals(copy.rowPointers(), compact.rowPointers());
        assertArrayEquals(copy.values(), compact.values());
        assertThrows(IllegalStateException.class, view::rowPointers);
        CsrMatrix ofView = view.viewRows(new int[] {1, 1, 5});
        assertArrayEquals(x.row(2), ofView.row(0));
        assertArrayEquals(x.row(0), ofView.row(2));

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(view);
        }
        Object back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        CsrMatrix travelled = (CsrMatrix) back;
        assertTrue(!travelled.isView());
        assertEquals(view.storedEntries(), travelled.values().length, "only the view's own entries travel");
        assertArrayEquals(copy.values(), travelled.values());
    }

    @Test
    void projectionAndGradientAgreeWithTheDenseMatrix() {
        SplittableRandom rng = new SplittableRandom(8);
        CsrMatrix sparse = randomSparse(rng, 17, 30, 0.3);
        float[] dense = new float[17 * 30];
        for (int i = 0; i < 17; i++) {
            for (int p = sparse.rowPointers()[i]; p < sparse.rowPointers()[i + 1]; p++) {
                dense[i * 30 + sparse.columnIndices()[p]] = sparse.values()[p];
            }
        }
        DenseMatrix full = new DenseMatrix(17, 30, dense);
        int k = 6;
        double[] w = new double[k * 30];
        double[] g = new double[k * 17];
        for (int p = 0; p < w.length; p++) {
            w[p] = rng.nextGaussian();
        }
        for (int p = 0; p < g.length; p++) {
            g[p] = rng.nextGaussian();
        }
        assertArrayEquals(full.projectRows(w, k), sparse.projectRows(w, k), 1e-12);
        double[] a = new double[k * 30];
        double[] b = new double[k * 30];
        full.accumulateLeftProduct(g, k, a);
        sparse.accumulateLeftProduct(g, k, b);
        assertArrayEquals(a, b, 1e-12);
        assertEquals(17 * k, sparse.projectRows(w, k).length);
    }

    private static CsrMatrix randomSparse(SplittableRandom rng, int rows, int cols, double density) {
        int[] pointers = new int[rows + 1];
        List<Integer> indices = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                if (rng.nextDouble() < density) {
                    indices.add(c);
                    values.add((float) rng.nextGaussian());
                }
            }
            pointers[i + 1] = indices.size();
        }
        int[] idx = indices.stream().mapToInt(Integer::intValue).toArray();
        float[] val = new float[values.size()];
        for (int p = 0; p < val.length; p++) {
            val[p] = values.get(p);
        }
        return new CsrMatrix(rows, cols, pointers, idx, val);
    }

    private static float[] dense(CsrMatrix m) {
        float[] out = new float[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.row(i), 0, out, i * m.cols(), m.cols());
        }
        return out;
    }
}
