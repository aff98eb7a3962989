package org.groundmetric.bench;

import java.util.concurrent.TimeUnit;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.Sinkhorn;
import org.groundmetric.ot.Transport;
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
 * The Sinkhorn solver (the entropic path of {@code emd --solver sinkhorn} and {@code train
 * --solver sinkhorn}) on the {@link Family} problems, the regulariser a fraction of the mean cost
 * as both commands take it: {@code cold} from zero potentials with the cost matrix (as
 * {@code emd}), {@code warm} from the potentials of the same problem's last solve (as training
 * starts each pair from its previous Adam step).
 *
 * <pre>java -jar bench/target/benchmarks.jar EntropicTransportBenchmark -p family=far -p n=1000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EntropicTransportBenchmark {

    @Param({"uniform", "far", "clusters", "weights"})
    public String family;

    @Param({"300", "1000"})
    public int n;

    /** The regulariser as a fraction of the mean cost (emd's --reg, train's --sinkhorn-reg default). */
    @Param({"0.05"})
    public double reg;

    private PointClouds problem;
    private CostMatrix cost;
    private Sinkhorn sinkhorn;
    private Transport last;

    @Setup(Level.Trial)
    public void setUp() {
        problem = Family.valueOf(family.toUpperCase(java.util.Locale.ROOT)).generate(n, FamilyFiles.SEED + n);
        cost = problem.costs();
        sinkhorn = new Sinkhorn(reg * cost.mean());
        last = sinkhorn.solve(problem.a(), problem.b(), cost);
    }

    @Benchmark
    public double cold() {
        return sinkhorn.solve(problem.a(), problem.b(), problem.costs()).value();
    }

    @Benchmark
    public double warm() {
        return sinkhorn.solve(problem.a(), problem.b(), cost, last.u(), last.v()).value();
    }
}
