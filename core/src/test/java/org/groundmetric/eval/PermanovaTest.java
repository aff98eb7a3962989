package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.groundmetric.testing.Python;
import org.junit.jupiter.api.Test;

/**
 * PERMANOVA against an independent computation in NumPy (scikit-bio's formulas written out: the
 * pseudo-F from the squared distances, and the exact p-value over every distinct labelling of a
 * small cohort, which the seeded permutations must approach), plus a case small enough by hand.
 */
class PermanovaTest {

    /** scikit-bio's permanova statistic, and the exact permutation p-value by enumerating every labelling. */
    private static final String REFERENCE = String.join("\n",
            "import sys, itertools, numpy as np",
            "n = int(sys.argv[1]); d = np.array([float(x) for x in sys.argv[2].split(',')]).reshape(n, n)",
            "g = np.array([int(x) for x in sys.argv[3].split(',')])",
            "def F(g):",
            "    a = len(set(g)); d2 = d ** 2",
            "    sst = d2[np.triu_indices(n, 1)].sum() / n",
            "    ssw = sum(d2[np.ix_(g == k, g == k)][np.triu_indices((g == k).sum(), 1)].sum() / (g == k).sum() for k in set(g))",
            "    return ((sst - ssw) / (a - 1)) / (ssw / (n - a))",
            "f = F(g); seen = set(); ge = 0",
            "for p in itertools.permutations(range(n)):",
            "    h = tuple(g[list(p)])",
            "    if h in seen: continue",
            "    seen.add(h); ge += F(np.array(h)) >= f - 1e-9 * abs(f)",
            "print(repr(f), ge / len(seen))");

    @Test
    void pseudoFAndPValueMatchAnIndependentNumpyComputation() {
        int n = 8;
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = new double[n][2];
        int[] groups = {0, 0, 0, 1, 1, 1, 2, 2};
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian() + 0.8 * groups[i];
            x[i][1] = rng.nextGaussian();
        }
        double[][] d = new double[n][n];
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.hypot(x[i][0] - x[j][0], x[i][1] - x[j][1]);
                flat.append(flat.length() == 0 ? "" : ",").append(d[i][j]);
            }
        }
        Python.Result py = Python.run(REFERENCE, Integer.toString(n), flat.toString(), "0,0,0,1,1,1,2,2");
        assumeTrue(py.exitCode() == 0, "skipped: /usr/bin/python3 with numpy is needed: " + py.output());
        String[] ref = py.output().strip().split(" ");
        double referenceF = Double.parseDouble(ref[0]);
        double exactP = Double.parseDouble(ref[1]);
        Permanova.Result r = Permanova.test(d, groups, 9999, 1);
        System.out.printf("pseudo-F %.6f (numpy %.6f), p %.4f (exact over every labelling %.4f)%n", r.pseudoF(),
                referenceF, r.pValue(), exactP);
        assertEquals(referenceF, r.pseudoF(), 1e-9 * referenceF);
        // 9999 permutations: standard error √(p(1−p)/9999) ≤ 0.005
        assertEquals(exactP, r.pValue(), 0.02);
    }

    @Test
    void aCaseByHand() {
        // Points 0, 1 | 10, 11 on a line: SS_T = (1 + 100 + 121 + 81 + 100 + 1) / 4 = 101,
        // SS_W = 1/2 + 1/2 = 1, F = (100 / 1) / (1 / 2) = 200. Of the 6 labellings into two pairs,
        // only the observed one and its mirror reach it: p → 1/3.
        double[] p = {0, 1, 10, 11};
        double[][] d = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                d[i][j] = Math.abs(p[i] - p[j]);
            }
        }
        Permanova.Result r = Permanova.test(d, new int[] {0, 0, 1, 1}, 3000, 2);
        assertEquals(200, r.pseudoF(), 1e-9);
        assertEquals(1 / 3.0, r.pValue(), 0.03);
        assertTrue(Double.isNaN(Permanova.test(d, new int[] {0, 0, 1, 1}, 0, 2).pValue()));
    }
}
