package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.ot.CandidateArcAssignment;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Sinkhorn;
import org.groundmetric.ot.Transport;
import org.groundmetric.ot.TransportSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code groundmetric emd}: the optimal transport cost between two point clouds. */
@Command(name = "emd",
        header = "Exact optimal transport cost between two point clouds (CSV), as POT's emd2.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Computes the exact optimal transport cost (earth mover's distance, Wasserstein-1 for a",
            "metric cost) between two point clouds, as POT's ot.emd2(a, b, ot.dist(A, B, metric)).",
            "",
            "A.csv and B.csv hold one point per row, comma or tab separated; a first line of",
            "non-numbers is skipped as a header. Prints cost=<value> with full double precision.",
            "With --repeat R it then solves R more times (after a JIT warm-up) and prints",
            "median_ms=<ms> for one solve, cost matrix included, file reading excluded.",
            "",
            "--solver assignment is the exact solver GGML's training uses: for two clouds of equal",
            "size with uniform weights and Euclidean cost, OT is an assignment, solved on each",
            "point's cheapest candidate arcs and proven optimal over all pairs (no cost matrix).",
            "",
            "--plan-out FILE writes the optimal plan as sparse triplets (TSV: i, j, mass; i a row of",
            "A, j a row of B, counted from 0; only entries of non-zero mass), as POT's ot.emd returns it",
            "densely: the paper's Fig. 2d/e draws these as arcs between the points.",
            "",
            "Examples:",
            "  groundmetric emd a.csv b.csv --metric euclidean --repeat 10",
            "  groundmetric emd a.csv b.csv --plan-out plan.tsv",
            "  groundmetric emd a.csv b.csv --solver assignment --repeat 10",
            ""
        })
public final class EmdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.csv", description = "Source points, one per row.")
    Path pointsA;

    @Parameters(index = "1", paramLabel = "B.csv", description = "Target points, one per row, same columns as A.")
    Path pointsB;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "euclidean",
            description = "Ground cost between points: euclidean, sqeuclidean, cityblock (manhattan) or cosine"
                    + " (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--weights-a", paramLabel = "FILE",
            description = "Weights of A's points, one number per line (default: uniform 1/n).")
    Path weightsA;

    @Option(names = "--weights-b", paramLabel = "FILE",
            description = "Weights of B's points, one number per line (default: uniform 1/m). Total masses of"
                    + " A and B must agree to 1e-9 relative.")
    Path weightsB;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "0",
            description = "Time R more solves after warming up and print their median (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "network-simplex",
            description = "network-simplex (exact), assignment (exact; equal sizes, uniform weights, euclidean"
                    + " only) or sinkhorn (entropic, see --reg) (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--reg", paramLabel = "R",
            description = "Sinkhorn's absolute regulariser, in cost units (default: 0.05 × the mean cost).")
    Double reg;

    @Option(names = "--plan-out", paramLabel = "FILE",
            description = "Also write the optimal plan as sparse triplets i, j, mass (TSV with a header).")
    Path planOut;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        if (repeat < 0) {
            throw new IllegalArgumentException("--repeat is " + repeat + "; expected 0 or a positive count");
        }
        PointMetric pointMetric = PointMetric.parse(metric);
        Outputs.check(Outputs.inputs(pointsA, pointsB, weightsA, weightsB), Outputs.named("--plan-out", planOut));
        double[][] a = PointFile.readPoints(pointsA);
        double[][] b = PointFile.readPoints(pointsB);
        if (a[0].length != b[0].length) {
            throw new IllegalArgumentException(pointsA + " has " + a[0].length + " columns but " + pointsB + " has "
                    + b[0].length + "; both clouds need the same coordinates");
        }
        double[] wa = weightsA == null ? OT.uniform(a.length) : PointFile.readWeights(weightsA);
        double[] wb = weightsB == null ? OT.uniform(b.length) : PointFile.readWeights(weightsB);
        if (wa.length != a.length) {
            throw new IllegalArgumentException("--weights-a " + weightsA + " has " + wa.length + " weights but "
                    + pointsA + " has " + a.length + " points; give one weight per point");
        }
        if (wb.length != b.length) {
            throw new IllegalArgumentException("--weights-b " + weightsB + " has " + wb.length + " weights but "
                    + pointsB + " has " + b.length + " points; give one weight per point");
        }
        if (solver.toLowerCase(Locale.ROOT).equals("assignment")) {
            return assignment(a, b, pointMetric);
        }
        CostMatrix cost = Costs.pairwise(a, b, pointMetric);
        TransportSolver transport = solver(cost);
        Transport result = transport.solve(wa, wb, cost);
        var out = spec.commandLine().getOut();
        out.println("cost=" + result.value());
        writePlan(result);
        if (!result.converged()) {
            spec.commandLine().getErr().println("warning: the solver stopped at its iteration limit after "
                    + result.iterations() + " iterations (marginal error " + result.marginalError() + ")");
        }
        if (repeat > 0) {
            out.println(String.format(Locale.ROOT, "median_ms=%.3f",
                    medianMillis(transport, () -> Costs.pairwise(a, b, pointMetric), wa, wb)));
        }
        out.flush();
        return 0;
    }

    private TransportSolver solver(CostMatrix cost) {
        switch (solver.toLowerCase(Locale.ROOT)) {
            case "network-simplex":
                if (reg != null) {
                    throw new IllegalArgumentException("--reg applies to --solver sinkhorn only; the network simplex is exact");
                }
                return new NetworkSimplex();
            case "sinkhorn":
                return new Sinkhorn(reg != null ? reg : 0.05 * cost.mean());
            default:
                throw new IllegalArgumentException("unknown --solver '" + solver
                        + "'; expected network-simplex, assignment or sinkhorn");
        }
    }

    /** --solver assignment: refuses what it cannot solve, then solves cold from the points (timed like the others). */
    private Integer assignment(double[][] a, double[][] b, PointMetric pointMetric) {
        if (pointMetric != PointMetric.EUCLIDEAN || weightsA != null || weightsB != null || reg != null
                || a.length != b.length) {
            throw new IllegalArgumentException("--solver assignment needs two clouds of equal size (got " + a.length
                    + " and " + b.length + " points), uniform weights (no --weights-a/-b), --metric euclidean (got "
                    + metric + ") and no --reg; use --solver network-simplex otherwise");
        }
        double[] x = flatten(a);
        double[] y = flatten(b);
        CandidateArcAssignment assignment = new CandidateArcAssignment(a.length, a[0].length);
        TransportSolver transport = (wa, wb, cost) -> {
            Transport t = assignment.solve(x, y, null);
            return t != null ? t : new NetworkSimplex().solve(wa, wb, Costs.pairwise(a, b, pointMetric));
        };
        double[] uniform = OT.uniform(a.length);
        var out = spec.commandLine().getOut();
        Transport solved = transport.solve(uniform, uniform, null);
        out.println("cost=" + solved.value());
        writePlan(solved);
        if (repeat > 0) {
            out.println(String.format(Locale.ROOT, "median_ms=%.3f", medianMillis(transport, () -> null, uniform, uniform)));
        }
        out.flush();
        return 0;
    }

    private void writePlan(Transport solved) {
        if (planOut != null) {
            try (org.groundmetric.data.io.OutputFiles files = new org.groundmetric.data.io.OutputFiles()) {
                PlanOutput.write(files, planOut, solved.plan());
                files.commit();
            }
            spec.commandLine().getOut().println("wrote " + planOut + " (" + solved.plan().nonZeros() + " plan entries)");
        }
    }

    private static double[] flatten(double[][] points) {
        int dim = points[0].length;
        double[] flat = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, flat, i * dim, dim);
        }
        return flat;
    }

    /** Warm up (≥ 20 solves and ≥ 2 s, at most 2000: the JIT needs CPU time on a busy machine), then the median of {@code repeat} timed solves. */
    private double medianMillis(TransportSolver transport, java.util.function.Supplier<CostMatrix> costs, double[] wa,
                                double[] wb) {
        long warmStart = System.nanoTime();
        double sink = 0;
        for (int w = 0; w < 2000 && (w < 20 || System.nanoTime() - warmStart < 2_000_000_000L); w++) {
            sink += transport.solve(wa, wb, costs.get()).value();
        }
        double[] ms = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            sink += transport.solve(wa, wb, costs.get()).value();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("a repeated solve returned NaN");
        }
        Arrays.sort(ms);
        return repeat % 2 == 1 ? ms[repeat / 2] : (ms[repeat / 2 - 1] + ms[repeat / 2]) / 2;
    }
}
