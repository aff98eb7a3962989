package org.groundmetric.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.Costs;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.OT;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.TransportSolver;
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
 * Exact OT on n×n uniform points in the unit cube of 5 dimensions, Euclidean cost, uniform weights
 * (the problem POT's ot.emd2 takes ≈14 ms / ≈0.2 s for on this machine). {@code solve} times the
 * solver alone; {@code costAndSolve} includes building the cost matrix, as {@code groundmetric emd
 * --repeat} does.
 *
 * <pre>java -jar bench/target/benchmarks.jar NetworkSimplexBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetworkSimplexBenchmark {

    @Param({"300", "1000"})
    public int n;

    private double[] x;
    private double[] y;
    private double[] weights;
    private CostMatrix cost;
    private final TransportSolver solver = new NetworkSimplex();

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(20261123L + n);
        x = new double[n * 5];
        y = new double[n * 5];
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble();
            y[k] = rnd.nextDouble();
        }
        weights = OT.uniform(n);
        cost = Costs.pairwise(x, n, y, n, 5, PointMetric.EUCLIDEAN);
    }

    @Benchmark
    public double solve() {
        return solver.solve(weights, weights, cost).value();
    }

    @Benchmark
    public double costAndSolve() {
        return solver.solve(weights, weights, Costs.pairwise(x, n, y, n, 5, PointMetric.EUCLIDEAN)).value();
    }
}
