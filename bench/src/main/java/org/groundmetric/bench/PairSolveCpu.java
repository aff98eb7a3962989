package org.groundmetric.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.data.Sample;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.metric.ProjectedCosts;
import org.groundmetric.ot.CandidateArcAssignment;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.Transport;

/**
 * One training pair at paper scale (two samples of 1000 cells, 8,433 genes, projected to k = 5 by
 * GGML's random start W = V₀·diag(1/σ)), timed by thread CPU, interleaved: the cost matrix; the network simplex
 * with it (a pair's first solve); the candidate-arc assignment cold; and warm-started from the
 * pair's potentials under a W that was 1, 3, 8 and 16 Adam-sized steps (every V entry ±0.01 per
 * step) away. Prints the values, which must agree to 1e-9.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.groundmetric.bench.PairSolveCpu [cells [points.tsv]]</pre>
 * With a second argument, the two projected samples of the timed problem are written there (n rows
 * of 2k columns) for {@code bench/scripts/pot_pair.py}, which times POT on the same problem.
 */
public final class PairSolveCpu {
    private static final int[] AGES = {1, 3, 8, 16};

    private PairSolveCpu() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Cohort cohort = PaperScaleCohort.paperScale(1).withSamples(4).withCellsPerSample(n).generate();
        List<CellMatrix> x = cohort.samples().stream().map(s -> s.cells()).toList();
        int k = 5;
        int d = cohort.featureCount();
        // GGML's start: V₀ ~ U(−1, 1) from seed 7, W₀ = V₀·diag(s), s = 1/σ over the four samples' cells
        // (Ggml.start returns it; two classes of two samples, as training would need).
        List<Sample> twoClasses = new ArrayList<>();
        for (int s = 0; s < cohort.size(); s++) {
            twoClasses.add(Sample.of(cohort.sample(s).id(), s < 2 ? "a" : "b", cohort.sample(s).cells()));
        }
        TrainedMetric start = new Ggml(GgmlConfig.builder().rank(k).seed(7).build())
                .start(new Cohort(twoClasses, cohort.featureNames()));
        double[] scale = start.featureScales();
        double[] w0 = ((org.groundmetric.metric.LowRankMahalanobis) start.metric()).weights(); // a low-rank start
        SplittableRandom rng = new SplittableRandom(3);
        double[] step = new double[w0.length];
        for (int p = 0; p < step.length; p++) {
            step[p] = rng.nextBoolean() ? 0.01 : -0.01;
        }
        // The timed problem is at W(0); its warm starts come from W(−age), solved first.
        double[] px = x.get(0).projectRows(w0, k);
        double[] py = x.get(1).projectRows(w0, k);
        CandidateArcAssignment arcs = new CandidateArcAssignment(n, k);
        double[][] starts = new double[AGES.length][];
        for (int a = 0; a < AGES.length; a++) {
            double[] w = w(w0, step, -AGES[a], scale, d);
            starts[a] = arcs.solve(x.get(0).projectRows(w, k), x.get(1).projectRows(w, k), null).v().clone();
        }
        if (args.length > 1) {
            writePoints(args[1], px, py, n, k);
        }
        double[] uniform = OT.uniform(n);
        NetworkSimplex simplex = new NetworkSimplex();
        Transport exact = simplex.solve(uniform, uniform, ProjectedCosts.euclidean(px, n, py, n, k));
        System.out.printf(Locale.ROOT, "values: network simplex %.15g, candidate arcs cold %.15g", exact.value(),
                arcs.solve(px, py, null).value());
        for (int a = 0; a < AGES.length; a++) {
            System.out.printf(Locale.ROOT, ", warm %d %.15g", AGES[a], arcs.solve(px, py, starts[a].clone()).value());
        }
        System.out.println();
        CpuTimes.compare("one " + n + "×" + n + " pair, k = 5", 5, 15,
                new String[] {"cost matrix", "network simplex + costs", "candidate arcs cold",
                    "candidate arcs, start 1 step old", "candidate arcs, start 3 steps old",
                    "candidate arcs, start 8 steps old", "candidate arcs, start 16 steps old"},
                () -> ProjectedCosts.euclidean(px, n, py, n, k),
                () -> simplex.solve(uniform, uniform, ProjectedCosts.euclidean(px, n, py, n, k)),
                () -> arcs.solve(px, py, null),
                () -> arcs.solve(px, py, starts[0].clone()),
                () -> arcs.solve(px, py, starts[1].clone()),
                () -> arcs.solve(px, py, starts[2].clone()),
                () -> arcs.solve(px, py, starts[3].clone()));
    }

    /** W₀ + age·step·diag(scale): W after {@code age} Adam-sized steps of V (negative: before). */
    private static double[] w(double[] w0, double[] step, int age, double[] scale, int d) {
        double[] w = new double[w0.length];
        for (int p = 0; p < w.length; p++) {
            w[p] = w0[p] + age * step[p] * scale[p % d];
        }
        return w;
    }

    private static void writePoints(String path, double[] px, double[] py, int n, int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 2 * k; r++) {
                double val = r < k ? px[i * k + r] : py[i * k + r - k];
                sb.append(val).append(r + 1 < 2 * k ? '\t' : '\n');
            }
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(path), sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
