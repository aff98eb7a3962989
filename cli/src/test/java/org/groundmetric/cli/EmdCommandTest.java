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
        assertEquals("cost=" + expected, run.out().strip());
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
        assertEquals("cost=" + expected, run.out().strip());
    }

    @Test
    void repeatPrintsAMedianTime() throws IOException {
        Path a = write("a.csv", "0,0\n1,0\n0,2\n");
        Path b = write("b.csv", "1,1\n2,2\n");
        CliRun run = CliRun.of("emd", a.toString(), b.toString(), "--repeat", "3");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\\R");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[1].matches("median_ms=\\d+\\.\\d{3}"), lines[1]);
    }

    @Test
    void sinkhornIsAvailable() throws IOException {
        Path a = write("a.csv", "0,0\n1,0\n0,2\n");
        Path b = write("b.csv", "1,1\n2,2\n");
        CliRun run = CliRun.of("emd", a.toString(), b.toString(), "--solver", "sinkhorn", "--reg", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        double exact = OT.emd2(OT.uniform(3), OT.uniform(2), Costs.pairwise(A, B, PointMetric.EUCLIDEAN));
        double entropic = Double.parseDouble(run.out().strip().substring("cost=".length()));
        assertTrue(entropic >= exact - 1e-9, entropic + " < exact " + exact);
    }

    @Test
    void assignmentSolverGivesTheExactCostOfEqualUniformClouds() throws IOException {
        StringBuilder xs = new StringBuilder();
        StringBuilder ys = new StringBuilder();
        double[][] x = new double[40][3];
        double[][] y = new double[40][3];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(2);
        for (int i = 0; i < 40; i++) {
            for (int q = 0; q < 3; q++) {
                x[i][q] = rng.nextGaussian();
                y[i][q] = rng.nextGaussian() + (q == 0 ? 1 : 0);
            }
            xs.append(x[i][0]).append(',').append(x[i][1]).append(',').append(x[i][2]).append('\n');
            ys.append(y[i][0]).append(',').append(y[i][1]).append(',').append(y[i][2]).append('\n');
        }
        Path a = write("x.csv", xs.toString());
        Path b = write("y.csv", ys.toString());
        CliRun run = CliRun.of("emd", a.toString(), b.toString(), "--solver", "assignment", "--repeat", "3");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\\R");
        double exact = OT.emd2(OT.uniform(40), OT.uniform(40), Costs.pairwise(x, y, PointMetric.EUCLIDEAN));
        assertEquals(exact, Double.parseDouble(lines[0].substring("cost=".length())), 1e-12 * exact);
        assertTrue(lines[1].matches("median_ms=\\d+\\.\\d{3}"), lines[1]);
        // Anything but equal sizes, uniform weights and the Euclidean cost is refused with the way out.
        Path three = write("three.csv", "0,0\n1,0\n0,2\n");
        Path two = write("two.csv", "1,1\n2,2\n");
        assertBad(CliRun.of("emd", three.toString(), two.toString(), "--solver", "assignment"),
                "needs two clouds of equal size (got 3 and 2 points)");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--solver", "assignment", "--metric", "cityblock"),
                "use --solver network-simplex otherwise");
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
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--solver", "magic"), "unknown --solver");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--repeat", "-1"), "--repeat is -1");
        assertBad(CliRun.of("emd", a.toString(), b.toString(), "--solver", "sinkhorn", "--reg", "0"), "reg is 0.0");
    }

    @Test
    void helpTeachesTheOptions() {
        CliRun run = CliRun.of("emd", "--help");
        assertEquals(0, run.exitCode());
        for (String s : new String[] {"--metric", "--weights-a", "--repeat", "median_ms", "Example"}) {
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
