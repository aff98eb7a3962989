package org.groundmetric.bench;

import java.util.concurrent.TimeUnit;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.Solver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact solvers on every problem {@link Family}, cost matrix included (as POT's
 * {@code ot.emd2(a, b, ot.dist(x, y))} and {@code groundmetric emd}): {@code auto} is the solver
 * {@code OT.emd} picks (the assignment or the network simplex, both from a coarse start),
 * {@code network-simplex} the network simplex from a coarse start, {@code plain} the network
 * simplex from each row's cheapest arcs (the solver before the coarse start).
 *
 * <pre>java -jar bench/target/benchmarks.jar ExactTransportBenchmark -p family=far,clusters -p n=1000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExactTransportBenchmark {

    @Param({"uniform", "scaled", "far", "clusters", "clusters_50d", "high_dim", "unequal", "weights", "far_weights",
        "sqeuclidean", "cityblock", "ties", "duplicates"})
    public String family;

    @Param({"300", "1000"})
    public int n;

    @Param({"auto", "network-simplex", "plain"})
    public String solver;

    private PointClouds problem;

    @Setup(Level.Trial)
    public void setUp() {
        problem = Family.valueOf(family.toUpperCase(java.util.Locale.ROOT)).generate(n, FamilyFiles.SEED + n);
    }

    @Benchmark
    public double costAndSolve() {
        if (solver.equals("plain")) {
            return new NetworkSimplex().solve(problem.a(), problem.b(), problem.costs()).value();
        }
        return Solver.parse(solver).solve(problem).value();
    }
}
