package org.groundmetric.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.ProjectedCosts;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.Transport;

/**
 * One training pair at paper scale (two samples of 1000 cells, 8,433 genes, projected to k = 5 by a
 * random standardised W), timed by thread CPU, interleaved: building the cost matrix, the network
 * simplex, the assignment cold, and the assignment warm-started from the pair's potentials under a
 * W one Adam step (lr 0.01) away. Prints the values, which must agree to 1e-9.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.groundmetric.learn.PairSolveCpu [cells [points.tsv]]</pre>
 * With a second argument, the two projected samples are written there (n rows of 2k columns) for
 * {@code bench/scripts/pot_pair.py}, which times POT on the same problem.
 */
public final class PairSolveCpu {
    private PairSolveCpu() {
    }

    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Cohort cohort = PaperScaleCohort.paperScale(1).withSamples(4).withCellsPerSample(cells).generate();
        List<CellMatrix> x = cohort.samples().stream().map(s -> s.cells()).toList();
        int k = 5;
        int d = cohort.featureCount();
        double[] scale = FeatureStatistics.of(x).inverseScales();
        double[] w = Ggml.uniformV(k, d, 7);
        double[] moved = w.clone();
        SplittableRandom rng = new SplittableRandom(3);
        for (int p = 0; p < w.length; p++) {
            w[p] *= scale[p % d];
            moved[p] = (moved[p] + (rng.nextBoolean() ? 0.01 : -0.01)) * scale[p % d];
        }
        double[] far = w.clone();
        for (int p = 0; p < w.length; p++) {
            far[p] = (far[p] / scale[p % d] + (rng.nextBoolean() ? 0.2 : -0.2)) * scale[p % d];
        }
        double[] pa = x.get(0).projectRows(w, k);
        double[] pb = x.get(1).projectRows(w, k);
        double[] qa = x.get(0).projectRows(moved, k);
        double[] qb = x.get(1).projectRows(moved, k);
        int n = cells;
        if (args.length > 1) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < 2 * k; r++) {
                    double val = r < k ? qa[i * k + r] : qb[i * k + r - k];
                    sb.append(Double.toString(val)).append(r + 1 < 2 * k ? '\t' : '\n');
                }
            }
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), sb);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        CostMatrix c = ProjectedCosts.euclidean(pa, n, pb, n, k);
        CostMatrix c2 = ProjectedCosts.euclidean(qa, n, qb, n, k);
        double[] uniform = OT.uniform(n);
        NetworkSimplex simplex = new NetworkSimplex();
        WarmStartAssignment assignment = new WarmStartAssignment(n);
        double[] previous = new double[n];
        assignment.solve(c, previous);
        double[] stale = new double[n];
        assignment.solve(ProjectedCosts.euclidean(x.get(0).projectRows(far, k), n, x.get(1).projectRows(far, k), n, k), stale);
        System.out.println("same cost matrix from Costs.pairwise: " + Arrays.equals(c2.values(),
                org.groundmetric.ot.Costs.pairwise(qa, n, qb, n, k, org.groundmetric.ot.PointMetric.EUCLIDEAN).values()));
        double[] fromSimplex = simplex.solve(uniform, uniform, c).v();
        double[] otherPair = new double[n];
        double[] qc = x.get(2).projectRows(moved, k);
        assignment.solve(ProjectedCosts.euclidean(qc, n, qb, n, k), otherPair);
        Transport exact = simplex.solve(uniform, uniform, c2);
        Transport cold = assignment.solve(c2);
        Transport warm = assignment.solve(c2, previous.clone());
        System.out.printf(Locale.ROOT, "values: simplex %.15g, assignment cold %.15g, warm %.15g%n", exact.value(),
                cold.value(), warm.value());
        org.groundmetric.bench.CpuTimesAccess.compare("one " + n + "×" + n + " pair, k = 5", 5, 15,
                new String[] {"cost matrix", "network simplex", "assignment cold", "assignment warm",
                    "assignment, simplex duals", "assignment, other pair's v", "assignment, column minima",
                    "assignment, v from W ±0.2", "Costs.pairwise"},
                () -> ProjectedCosts.euclidean(qa, n, qb, n, k),
                () -> simplex.solve(uniform, uniform, c2),
                () -> assignment.solve(c2),
                () -> assignment.solve(c2, Arrays.copyOf(previous, n)),
                () -> assignment.solve(c2, Arrays.copyOf(fromSimplex, n)),
                () -> assignment.solve(c2, Arrays.copyOf(otherPair, n)),
                () -> assignment.solve(c2, columnMinima(c2)),
                () -> assignment.solve(c2, stale.clone()),
                () -> org.groundmetric.ot.Costs.pairwise(qa, n, qb, n, k, org.groundmetric.ot.PointMetric.EUCLIDEAN));
    }

    static double[] columnMinima(CostMatrix c) {
        int n = c.rows();
        int m = c.cols();
        double[] v = new double[m];
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        double[] values = c.values();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                v[j] = Math.min(v[j], values[i * m + j]);
            }
        }
        return v;
    }
}
