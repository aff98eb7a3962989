package org.groundmetric.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.groundmetric.ComputeEngine;
import org.groundmetric.LocalEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.data.Sample;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.MetricForm;
import org.groundmetric.learn.TrainingListener;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.DiagonalMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.TransportPlan;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the decomposition of W_θ by cell population: a hand-computed plan; a cohort
 * whose classes differ in a few genes of one cell type (the paper-scale generator, small) must put
 * that type first, by state; a cohort whose classes differ only in cell-type proportions must come
 * out as composition; the parts of every pair sum to W_θ, and threads change nothing.
 */
class DistanceExplanationTest {

    /** Two cells against two: the arcs' costs split by hand. */
    @Test
    void onePairByHand() {
        // plan: a0→b0 0.5 at cost 2 (both group 0: state), a1→b1 0.25 at cost 4 (group 1 → group 0),
        // a1→b0 0.25 at cost 8 (group 1 → group 0)
        TransportPlan plan = new TransportPlan(new int[] {0, 1, 1}, new int[] {0, 1, 0}, new double[] {0.5, 0.25, 0.25});
        CostMatrix cost = CostMatrix.of(new double[][] {{2, 9}, {8, 4}});
        PairDecomposition d = PairDecomposition.of(plan, cost, new int[] {0, 1}, new int[] {0, 0}, 2);
        assertEquals(1 + 1 + 2, d.distance(), 1e-15);
        assertArrayEquals(new double[] {1, 0}, d.state(), 1e-15);
        assertArrayEquals(new double[] {1.5, 1.5}, d.composition(), 1e-15);
        assertArrayEquals(new double[] {1, 3}, d.cellCostA(), 1e-15);
        assertArrayEquals(new double[] {3, 1}, d.cellCostB(), 1e-15);
    }

    /**
     * The class signal sits in 6 genes of type_0 (PaperScaleCohort). Under a metric that sees those
     * genes (w = 1 on them, 0 elsewhere), type_0 must carry the largest share of the between-class
     * distance, mostly as a state shift, and more than it carries between samples of one class; its
     * cells get the highest shift scores.
     */
    @Test
    void aStateSignalInOneCellTypeIsFoundThere() {
        Cohort cohort = new PaperScaleCohort(12, 2, 60, 120, 4, 0.3, 6, 3).generate();
        double[] w = new double[120];
        java.util.Arrays.fill(w, 0, 6, 1); // PaperScaleCohort puts the signal in type_0's first marker genes
        DistanceExplanation e = explain(cohort, new DiagonalMetric(w), 2);
        DistanceExplanation.GroupShare top = e.shares().get(0);
        assertEquals("type_0", top.group(), "largest between-class share: " + e.shares());
        assertTrue(top.stateShare() > top.compositionShare(), "type_0 should differ mostly by state: " + top);
        assertTrue(top.share() > top.withinClassShare() + 0.02, "type_0 carries more between classes than within: " + top);
        double sum = e.shares().stream().mapToDouble(DistanceExplanation.GroupShare::share).sum();
        assertEquals(1, sum, 1e-9, "the shares of the groups add up to the whole distance");
        double signal = meanShift(e, cohort, "type_0");
        for (String other : List.of("type_1", "type_2", "type_3")) {
            assertTrue(signal > meanShift(e, cohort, other), "type_0 cells' shift " + signal + " vs " + other
                    + " " + meanShift(e, cohort, other));
        }
    }

    /**
     * The same kind of cohort under a metric GGML learned from the labels (the diagonal form, which
     * can weight single genes): type_0 must carry the largest share of the between-class distance,
     * mostly as a state shift, and the largest excess over its share within classes.
     */
    @Test
    void underALearnedMetricTheSignalCellTypeComesFirst() {
        Cohort cohort = new PaperScaleCohort(24, 2, 40, 80, 4, 0.3, 5, 1).generate();
        GgmlConfig config = GgmlConfig.builder().form(MetricForm.DIAGONAL).epochs(15).learningRate(0.02).batchSize(32)
                .seed(0).build();
        GroundMetric learned = new Ggml(config).train(cohort, TrainingListener.NONE).metric();
        DistanceExplanation e = explain(cohort, learned, 2);
        DistanceExplanation.GroupShare top = e.shares().get(0);
        assertEquals("type_0", top.group(), "largest between-class share: " + e.shares());
        assertTrue(top.stateShare() > top.compositionShare(), "type_0 should differ mostly by state: " + top);
        DistanceExplanation.GroupShare byExcess = e.shares().stream()
                .max(java.util.Comparator.comparingDouble(r -> r.share() - r.withinClassShare())).orElseThrow();
        assertEquals("type_0", byExcess.group(), "largest excess over the within-class share: " + e.shares());
    }

    /**
     * Two classes with the same three cell types (tight clusters) in different proportions (60/20/20
     * against 20/60/20): the distance between classes is mass moved from type a to type b, so it
     * must come out as composition, and the two types whose abundance changes carry it.
     */
    @Test
    void classesThatDifferInProportionsOnlyComeOutAsComposition() {
        Cohort cohort = proportions(5, 50, 11);
        DistanceExplanation e = explain(cohort, new FixedGroundMetric(PointMetric.EUCLIDEAN), 1);
        double state = 0;
        double composition = 0;
        for (DistanceExplanation.GroupShare r : e.shares()) {
            state += r.stateShare();
            composition += r.compositionShare();
        }
        assertTrue(composition > 0.8, "composition share " + composition + " (state " + state + ")");
        assertEquals("c", e.shares().get(2).group(), "the type whose proportion is the same in both classes comes last");
        // the cells of a and b must travel to the other type to reach the other class: they carry the shift
        double unchanged = meanShift(e, cohort, "c");
        assertTrue(meanShift(e, cohort, "a") > unchanged + 0.1 && meanShift(e, cohort, "b") > unchanged + 0.1,
                "shift a " + meanShift(e, cohort, "a") + ", b " + meanShift(e, cohort, "b") + ", c " + unchanged);
    }

    @Test
    void everyPairSumsToItsDistanceAndThreadsChangeNothing() {
        Cohort cohort = proportions(3, 20, 4);
        GroundMetric metric = new FixedGroundMetric(PointMetric.EUCLIDEAN);
        DistanceExplanation one = explain(cohort, metric, 1);
        DistanceExplanation three = explain(cohort, metric, 3);
        assertEquals(one.shares(), three.shares());
        for (int p = 0; p < one.pairs().size(); p++) {
            DistanceExplanation.PairShares a = one.pairs().get(p);
            assertArrayEquals(a.state(), three.pairs().get(p).state(), 0.0);
            double total = 0;
            for (int q = 0; q < a.state().length; q++) {
                total += a.state()[q] + a.composition()[q];
            }
            assertEquals(1, total, 1e-12, "pair " + p);
            double w = org.groundmetric.ot.OT.emd2(org.groundmetric.ot.OT.uniform(cohort.sample(a.sampleA()).cellCount()),
                    org.groundmetric.ot.OT.uniform(cohort.sample(a.sampleB()).cellCount()),
                    metric.cost(cohort.sample(a.sampleA()).cells(), cohort.sample(a.sampleB()).cells()));
            assertEquals(w, a.distance(), 1e-9 * w, "the decomposed distance is W_θ");
        }
        assertEquals(3 * 2 * (3 * 2 - 1) / 2, one.pairs().size());
    }

    /**
     * The decomposition of one pair against POT: the plan from {@code ot.emd} on the same Euclidean
     * costs, split by groups in Python (skipped without /usr/bin/python3 and POT).
     */
    @Test
    void onePairAgreesWithPot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path python = java.nio.file.Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(python), "skipped: no /usr/bin/python3");
        Cohort cohort = proportions(1, 23, 8);
        DistanceExplanation e = explain(cohort, new FixedGroundMetric(PointMetric.EUCLIDEAN), 1);
        StringBuilder json = new StringBuilder("{");
        for (int s = 0; s < 2; s++) {
            Sample sample = cohort.sample(s);
            json.append(s == 0 ? "" : ",").append("\"x").append(s).append("\":[");
            for (int i = 0; i < sample.cellCount(); i++) {
                json.append(i == 0 ? "" : ",").append(java.util.Arrays.toString(sample.cells().row(i)));
            }
            json.append("],\"g").append(s).append("\":[");
            List<String> types = sample.cellAnnotations().get("cell_type");
            for (int i = 0; i < types.size(); i++) {
                json.append(i == 0 ? "" : ",").append(types.get(i).charAt(0) - 'a');
            }
            json.append("]");
        }
        java.nio.file.Path input = java.nio.file.Files.writeString(dir.resolve("pair.json"), json.append("}").toString());
        String script = String.join("\n",
                "import json, sys, numpy as np, ot",
                "d = json.load(open(sys.argv[1]))",
                "x0, x1 = (np.array(d[k], dtype=np.float32).astype(np.float64) for k in ('x0', 'x1'))",
                "M = ot.dist(x0, x1, metric='euclidean')",
                "P = ot.emd(np.full(len(x0), 1 / len(x0)), np.full(len(x1), 1 / len(x1)), M)",
                "C = P * M; W = C.sum(); state = np.zeros(3); comp = np.zeros(3)",
                "for i, j in zip(*np.nonzero(P)):",
                "    a, b = d['g0'][i], d['g1'][j]",
                "    if a == b: state[a] += C[i, j]",
                "    else: comp[a] += C[i, j] / 2; comp[b] += C[i, j] / 2",
                "print(W, *(state / W), *(comp / W))");
        Process p = new ProcessBuilder(python.toString(), "-c", script, input.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named 'ot'"), "skipped: no POT");
        String[] v = out.split("\\s+");
        assertEquals(7, v.length, out);
        DistanceExplanation.PairShares pair = e.pairs().get(0);
        assertEquals(Double.parseDouble(v[0]), pair.distance(), 1e-9, "W_θ");
        for (int q = 0; q < 3; q++) {
            assertEquals(Double.parseDouble(v[1 + q]), pair.state()[q], 1e-9, "state share of group " + q);
            assertEquals(Double.parseDouble(v[4 + q]), pair.composition()[q], 1e-9, "composition share of group " + q);
        }
    }

    @Test
    void aMissingGroupAnnotationIsRefusedNamingIt() {
        Cohort cohort = proportions(2, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistanceExplanation.of(cohort,
                new FixedGroundMetric(PointMetric.EUCLIDEAN), "leiden", Solver.AUTO, ComputeEngine.local(1),
                Progress.NONE));
        assertTrue(e.getMessage().contains("no 'leiden' annotation") && e.getMessage().contains("cell_type"),
                e.getMessage());
    }

    private static DistanceExplanation explain(Cohort cohort, GroundMetric metric, int threads) {
        try (LocalEngine engine = new LocalEngine(threads)) {
            return DistanceExplanation.of(cohort, metric, "cell_type", Solver.AUTO, engine, Progress.NONE);
        }
    }

    private static double meanShift(DistanceExplanation e, Cohort cohort, String type) {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < cohort.size(); s++) {
            double[] shift = e.cellShift().of(s);
            List<String> types = cohort.sample(s).cellAnnotations().get("cell_type");
            for (int i = 0; i < shift.length; i++) {
                if (types.get(i).equals(type)) {
                    sum += shift[i];
                    n++;
                }
            }
        }
        return sum / n;
    }

    /**
     * {@code perClass} samples of each of two classes, {@code cells} cells each: types a, b, c are
     * tight clusters at (0, 0), (6, 0) and (0, 6); class x has them in proportions 60/20/20, class y
     * 20/60/20.
     */
    static Cohort proportions(int perClass, int cells, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centre = {{0, 0}, {6, 0}, {0, 6}};
        double[][] mix = {{0.6, 0.2, 0.2}, {0.2, 0.6, 0.2}};
        List<Sample> samples = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < perClass; s++) {
                double[][] x = new double[cells][2];
                List<String> types = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < cells; i++) {
                    int t = i < mix[c][0] * cells ? 0 : i < (mix[c][0] + mix[c][1]) * cells ? 1 : 2;
                    x[i][0] = centre[t][0] + 0.3 * rng.nextGaussian();
                    x[i][1] = centre[t][1] + 0.3 * rng.nextGaussian();
                    types.add(String.valueOf((char) ('a' + t)));
                    ids.add("c" + c + "s" + s + ":" + i);
                }
                samples.add(new Sample("c" + c + "s" + s, c == 0 ? "x" : "y", DenseMatrix.of(x), ids,
                        Map.of("cell_type", types)));
            }
        }
        return new Cohort(samples, List.of("f0", "f1"));
    }
}
