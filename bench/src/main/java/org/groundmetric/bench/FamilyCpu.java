package org.groundmetric.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.Solver;
import org.groundmetric.ot.Transport;

/**
 * The exact solvers on every {@link Family}, in one JVM, by thread CPU time (cost matrix included,
 * as POT's {@code ot.emd2(a, b, ot.dist(x, y))}): the median of R solves after a warm-up, with
 * the value (which all solvers must agree on to 1e-9). {@code plain} is the network simplex on the
 * cost matrix without a coarse start, the solver of the former README table.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.groundmetric.bench.FamilyCpu [sizes] [families] [solvers auto,network-simplex,assignment,plain] [R]</pre>
 */
public final class FamilyCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FamilyCpu() {
    }

    public static void main(String[] args) {
        int[] sizes = FamilyFiles.sizes(args.length > 0 ? args[0] : "300,1000,2000");
        List<Family> families = FamilyFiles.families(args.length > 1 ? args[1] : "all");
        String[] solvers = (args.length > 2 ? args[2] : "auto").split(",");
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        for (int n : sizes) {
            for (Family family : families) {
                PointClouds p = family.generate(n, FamilyFiles.SEED + n);
                for (String solver : solvers) {
                    measure(family.label() + "_" + n, p, solver, repeats);
                }
            }
        }
    }

    private static void measure(String name, PointClouds p, String solver, int repeats) {
        if (solver.equals("assignment") && !Solver.fitsAssignment(p)) {
            return;
        }
        Transport t = solve(p, solver);
        long warm = System.nanoTime();
        for (int w = 0; w < 2 || System.nanoTime() - warm < 1_000_000_000L; w++) {
            t = solve(p, solver);
        }
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            t = solve(p, solver);
            ms[r] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-18s %-16s %10.2f ms  value=%.17g iterations=%d%s%n", name, solver,
                ms[repeats / 2], t.value(), t.iterations(), t.converged() ? "" : " NOT CONVERGED");
    }

    private static Transport solve(PointClouds p, String solver) {
        if (solver.equals("plain")) {
            return new NetworkSimplex().solve(p.a(), p.b(), p.costs());
        }
        return Solver.parse(solver).solve(p);
    }

}
