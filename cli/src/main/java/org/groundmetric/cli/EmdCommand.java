package org.groundmetric.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Sinkhorn;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.Transport;
import picocli.CommandLine;
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
            "non-numbers is skipped as a header. Prints cost=<value> with full double precision and",
            "solver=<the solver that ran>. With --repeat R it then solves R more times (after a JIT",
            "warm-up) and prints median_ms=<ms> (wall clock) and median_cpu_ms=<ms> (CPU time of the",
            "solving thread) for one solve, cost matrix included, file reading excluded.",
            "",
            "--solver auto (the default) picks the fastest exact solver for the problem: the",
            "assignment solver for two clouds of equal size (256 points or more; 600 or more when",
            "many costs are tied, as on an integer grid) with uniform",
            "weights in fewer than 16 dimensions (OT is then a permutation, found on each point's",
            "cheapest candidate arcs and proven optimal over all pairs), else the network simplex;",
            "repeated points are merged first. Both start from the exactly solved transport between",
            "cluster centres. Every exact answer is the same optimum; --solver only changes the time.",
            "",
            "--plan-out FILE writes the optimal plan as sparse triplets (TSV: i, j, mass; i a row of",
            "A, j a row of B, counted from 0; only entries of non-zero mass), as POT's ot.emd returns it",
            "densely: the paper's Fig. 2d/e draws these as arcs between the points.",
            "",
            "Examples:",
            "  groundmetric emd a.csv b.csv --repeat 10",
            "  groundmetric emd a.csv b.csv --metric sqeuclidean --weights-a wa.txt --weights-b wb.txt",
            "  groundmetric emd a.csv b.csv --solver network-simplex --repeat 10",
            "  groundmetric emd a.csv b.csv --solver sinkhorn --reg 0.01   (0.01 × the mean cost)",
            "  groundmetric emd a.csv b.csv --plan-out plan.tsv",
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

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "auto", converter = SolverConverter.class,
            completionCandidates = SolverConverter.Names.class,
            description = "auto (the fastest exact solver for the problem), network-simplex (exact, any problem),"
                    + " assignment (exact; equal sizes, uniform weights, not cosine) or sinkhorn (entropic, see"
                    + " --reg) (default: ${DEFAULT-VALUE}).")
    Solver solver;

    @Option(names = "--reg", paramLabel = "R",
            description = "Sinkhorn's entropic regulariser as a fraction of the mean cost, as train's --sinkhorn-reg"
                    + " (default: 0.05).")
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
        if (reg != null && solver != Solver.SINKHORN) {
            throw new IllegalArgumentException("--reg applies to --solver sinkhorn only; the " + solver
                    + " solver is exact");
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
        PointClouds problem = PointClouds.of(a, b, wa, wb, pointMetric);
        Supplier<Transport> solve = solver == Solver.SINKHORN ? sinkhorn(problem) : exact(problem);
        Transport result = solve.get();
        var out = spec.commandLine().getOut();
        out.println("cost=" + result.value());
        out.println("solver=" + (solver == Solver.SINKHORN ? solver : solver.resolve(problem)));
        writePlan(result);
        if (repeat > 0) {
            Timing timing = median(solve);
            out.println(String.format(Locale.ROOT, "median_ms=%.3f", timing.wallMillis()));
            out.println(String.format(Locale.ROOT, "median_cpu_ms=%.3f", timing.cpuMillis()));
        }
        out.flush();
        return 0;
    }

    /** The exact solve, refusing (with --solver assignment) what the solver cannot take. */
    private Supplier<Transport> exact(PointClouds problem) {
        solver.resolve(problem);
        return () -> {
            Transport t = solver.solve(problem);
            if (!t.converged()) {
                throw new IllegalStateException("the network simplex stopped at its pivot limit after "
                        + t.iterations() + " pivots without proving the optimum; please report this problem");
            }
            return t;
        };
    }

    /** The entropic solve; reaching the iteration limit before the tolerance is an error naming the fix. */
    private Supplier<Transport> sinkhorn(PointClouds problem) {
        double relative = reg != null ? reg : 0.05;
        if (!(relative > 0) || !Double.isFinite(relative)) {
            throw new IllegalArgumentException("--reg is " + relative + "; expected a positive fraction of the mean cost,"
                    + " e.g. 0.05");
        }
        double r = relative * problem.costs().mean();
        Sinkhorn sinkhorn = new Sinkhorn(r);
        return () -> {
            Transport t = sinkhorn.solve(problem.a(), problem.b(), problem.costs());
            if (!t.converged()) {
                throw new IllegalArgumentException("Sinkhorn with --reg " + relative + " stopped after " + t.iterations()
                        + " sweeps at marginal error " + t.marginalError() + ", above its tolerance; raise --reg"
                        + " (e.g. to " + 2 * relative + ") or use an exact solver");
            }
            return t;
        };
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

    private record Timing(double wallMillis, double cpuMillis) {
    }

    /**
     * Warm up (≥ 3 solves and ≥ 2 s, at most 2000: the JIT needs CPU time on a busy machine), then
     * the medians of {@code repeat} timed solves, wall clock and CPU time of this thread.
     */
    private Timing median(Supplier<Transport> solve) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmStart = System.nanoTime();
        double sink = 0;
        for (int w = 0; w < 2000 && (w < 3 || System.nanoTime() - warmStart < 2_000_000_000L); w++) {
            sink += solve.get().value();
        }
        double[] wall = new double[repeat];
        double[] cpu = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += solve.get().value();
            wall[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("a repeated solve returned NaN");
        }
        return new Timing(median(wall), median(cpu));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
