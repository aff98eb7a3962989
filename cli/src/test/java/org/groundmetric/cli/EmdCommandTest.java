package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmdCommandTest {
    @TempDir
    Path dir;

    private static final double[][] A = {{0, 0}, {1, 0}, {0, 2}};
    private static final double[][] B = {{1, 1}, {2, 2}};

    @Test
    void printsTheExactCostWithFullPrecision() throws IOException {
        Path a = write("a.csv", "0,0\n1,0\n0,2\n");
        Path b = write("b.csv", "1,1\n2,2\n");
        CliRun run = CliRun.of("emd", a.toString(), b.toString());
        assertEquals(0, run.exitCode(), run.err());
        double expected = OT.emd2(OT.uniform(3), OT.uniform(2), Costs.pairwise(A, B, PointMetric.EUCLIDEAN));
        assertEquals("cost=" + expected + "\nsolver=network-simplex", run.out().strip().replace("\r", ""));
    }

    @Test
    void skipsAHeaderReadsTabsAndTakesWeightsAndAMetric() throws IOException {
        Path a = write("a.tsv", "x\ty\n0\t0\n1\t0\n0\t2\n");
        Path b = write("b.csv", "1,1\n2,2\n");
        Path wa = write("wa.txt", "0.5\n0.25\n0.25\n");
        Path wb = write("wb.txt", "0.9\n0.1\n");
        CliRun run = CliRun.of("emd", a.toString(), b.toString(), "--metric", "cityblock",
                "--weights-a", wa.toString(), "--weights-b", wb.toString());
        assertEquals(0, run.exitCode(), run.err());
        double expected = OT.emd2(new double[] {0.5, 0.25, 0.25}, new double[] {0.9, 0.1},
                Costs.pairwise(A, B, PointMetric.CITYBLOCK));
        assertEquals("cost=" + expected, run.out().strip().split("\\R")[0]);
    }

    @Test
    void repeatPrintsAMedianTime() throws IOException {
        Path a = write("a.csv", "0,0\n1,0\n0,2\n");
        Path b = write("b.csv", "1,1\n2,2\n");
        CliRun run = CliRun.of("emd", a.toString(), b.toString(), "--repeat", "3");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\\R");
        assertEquals(4, lines.length, run.out());
        assertTrue(lines[2].matches("median_ms=\\d+\\.\\d{3}"), lines[2]);
        assertTrue(lines[3].matches("median_cpu_ms=\\d+\\.\\d{3}"), lines[3]);
    }

    @Test
    void sinkhornIsAvailable() throws IOException {
        Path a = write("a.csv", "0,0\n1,0\n0,2\n");
        Path b = write("b.csv", "1,1\n2,2\n");
        CliRun run = CliRun.of("emd", a.toString(), b.toString(), "--solver", "sinkhorn", "--reg", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        double exact = OT.emd2(OT.uniform(3), OT.uniform(2), Costs.pairwise(A, B, PointMetric.EUCLIDEAN));
        double entropic = Double.parseDouble(run.out().strip().split("\\R")[0].substring("cost=".length()));
        assertTrue(entropic >= exact - 1e-9, entropic + " < exact " + exact);
    }

    @Test
    void assignmentSolverGivesTheExactCostOfEqualUniformClouds() throws IOException {
        StringBuilder xs = new StringBuilder();
        StringBuilder ys = new StringBuilder();
        int n = 300;   // AUTO picks the assignment from 256 points on
        double[][] x = new double[n][3];
        double[][] y = new double[n][3];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < 3; q++) {
                x[i][q] = rng.nextGaussian();
                y[i][q] = rng.nextGaussian() + (q == 0 ? 1 : 0);
            }
            xs.append(x[i][0]).append(',').append(x[i][1]).append(',').append(x[i][2]).append('\n');
            ys.append(y[i][0]).append(',').append(y[i][1]).append(',').append(y[i][2]).append('\n');
        }
        Path a = write("x.csv", xs.toString());
        Path b = write("y.csv", ys.toString());
        double exact = OT.emd2(OT.uniform(n), OT.uniform(n), Costs.pairwise(x, y, PointMetric.EUCLIDEAN));
        for (String solver : new String[] {"assignment", "auto"}) {
            CliRun run = CliRun.of("emd", a.toString(), b.toString(), "--solver", solver);
            assertEquals(0, run.exitCode(), run.err());
            String[] lines = run.out().strip().split("\\R");
            assertEquals(exact, Double.parseDouble(lines[0].substring("cost=".length())), 1e-9 * exact);
            // auto picks the assignment for equal sizes with uniform weights, and says so
            assertEquals("solver=assignment", lines[1]);
        }
        // Anything but equal sizes, uniform weights and a metric other than cosine is refused with the way out.
        Path three = write("three.csv", "0,0\n1,0\n0,2\n");
        Path two = write("two.csv", "1,1\n2,2\n");
        assertBad(CliRun.of("emd", three.toString(), two.toString(), "--solver", "assignment"),
                "needs two clouds of equal size (got 3 and 2 points)");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--solver", "assignment", "--metric", "cosine"),
                "use the network simplex otherwise");
    }

    @Test
    void badInputIsOneLineOnStderrAndExitCodeTwo() throws IOException {
        Path a = write("a.csv", "0,0\n1,0\n0,2\n");
        Path b = write("b.csv", "1,1\n2,2\n");
        Path ragged = write("ragged.csv", "1,1\n2\n");
        Path threeD = write("c3.csv", "1,1,1\n");
        Path bad = write("bad.csv", "1,1\n2,zz\n");
        Path empty = write("empty.csv", "");
        Path negative = write("neg.txt", "1.5\n-0.5\n");
        Path unequal = write("uneq.txt", "0.5\n0.6\n");
        Path twoWeights = write("two.txt", "0.5\n0.5\n");
        assertBad(CliRun.of("emd", a.toString(), ragged.toString()), "line 2 has 1 coordinates");
        assertBad(CliRun.of("emd", a.toString(), threeD.toString()), "has 2 columns but");
        assertBad(CliRun.of("emd", a.toString(), bad.toString()), "'zz' is not a number");
        assertBad(CliRun.of("emd", empty.toString(), b.toString()), "holds no points");
        assertBad(CliRun.of("emd", a.toString(), dir.resolve("missing.csv").toString()), "does not exist");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--weights-b", negative.toString()), "weights b[1] is -0.5");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--weights-b", unequal.toString()), "equal total masses");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--weights-a", twoWeights.toString()),
                "has 2 weights but");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--metric", "chebyshev"), "unknown point metric");
        CliRun magic = CliRun.of("emd", a.toString(), b.toString(), "--solver", "magic");
        assertEquals(2, magic.exitCode());
        assertTrue(magic.err().startsWith("error: ") && magic.err().contains("unknown solver 'magic'; expected auto (or exact), network-simplex"),
                magic.err());
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--repeat", "-1"), "--repeat is -1");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--solver", "sinkhorn", "--reg", "0"), "reg is 0.0");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--reg", "0.1"), "--reg applies to --solver sinkhorn only");
    }

    @Test
    void helpTeachesTheOptions() {
        CliRun run = CliRun.of("emd", "--help");
        assertEquals(0, run.exitCode());
        for (String s : new String[] {"--metric", "--weights-a", "--repeat", "median_ms", "Example", "--solver",
            "auto", "network-simplex", "assignment", "sinkhorn"}) {
            assertTrue(run.out().contains(s), "help lacks " + s + ":\n" + run.out());
        }
    }

    private static void assertBad(CliRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().split("\\R").length, run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(fragment),
                "stderr '" + run.err() + "' lacks '" + fragment + "'");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
