package org.groundmetric.learn;

import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;
import org.groundmetric.metric.ProjectedCosts;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.Transport;
import org.groundmetric.testing.PaperData;
import org.junit.jupiter.api.Test;

class SolveSpeedDevTest {
    @Test
    void dev() {
        Cohort train = PaperData.split("synth200d_paper.h5ad", "train");
        int k = 5;
        double[] w = Ggml.uniformV(k, 200, 1);
        SplittableRandom rng = new SplittableRandom(3);
        double[] w2 = w.clone();
        for (int p = 0; p < w2.length; p++) w2[p] += 0.01 * (rng.nextBoolean() ? 1 : -1);
        int pairs = 40;
        CostMatrix[] c1 = new CostMatrix[pairs], c2 = new CostMatrix[pairs];
        for (int p = 0; p < pairs; p++) {
            double[] a = train.sample(p % 30).cells().projectRows(w, k), b = train.sample((p * 7 + 1) % 30).cells().projectRows(w, k);
            double[] a2 = train.sample(p % 30).cells().projectRows(w2, k), b2 = train.sample((p * 7 + 1) % 30).cells().projectRows(w2, k);
            c1[p] = ProjectedCosts.euclidean(a, 300, b, 300, k);
            c2[p] = ProjectedCosts.euclidean(a2, 300, b2, 300, k);
        }
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            double s = 0;
            for (int p = 0; p < pairs; p++) s += new NetworkSimplex().solve(OT.uniform(300), OT.uniform(300), c1[p]).value();
            long t1 = System.nanoTime();
            WarmStartAssignment ws = new WarmStartAssignment(300);
            double[][] pot = new double[pairs][300];
            long aug = 0;
            for (int p = 0; p < pairs; p++) { Transport t = ws.solve(c1[p], pot[p]); s -= t.value(); aug += t.iterations(); }
            long t2 = System.nanoTime();
            long aug2 = 0;
            for (int p = 0; p < pairs; p++) aug2 += ws.solve(c2[p], pot[p]).iterations();
            long t3 = System.nanoTime();
            System.out.printf("NS %.2f ms  cold %.2f ms (aug %d)  warm %.2f ms (aug %d)  diff %.2e%n", (t1 - t0) / 1e6 / pairs,
                    (t2 - t1) / 1e6 / pairs, aug / pairs, (t3 - t2) / 1e6 / pairs, aug2 / pairs, s);
        }
    }
}
