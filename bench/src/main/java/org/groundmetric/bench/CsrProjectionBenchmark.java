package org.groundmetric.bench;

import java.util.concurrent.TimeUnit;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.linalg.CsrMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The training step's two passes over one paper-scale sample (1000 cells × 8,433 genes, ~10%
 * non-zeros, k = 5): X·Wᵀ and acc += G·X. {@code *Rowwise} are the previous kernels (one pass over
 * the row's entries per output dimension), kept here as the baseline of the current ones.
 *
 * <pre>java -jar bench/target/benchmarks.jar CsrProjectionBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsrProjectionBenchmark {
    private static final int K = 5;
    private CsrMatrix x;
    private double[] w;
    private double[] g;

    @Setup(Level.Trial)
    public void setUp() {
        x = (CsrMatrix) PaperScaleCohort.paperScale(1).withSamples(4).generate().sample(0).cells();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        w = new double[K * x.cols()];
        for (int p = 0; p < w.length; p++) {
            w[p] = rng.nextDouble(-1, 1);
        }
        g = new double[K * x.rows()];
        for (int p = 0; p < g.length; p++) {
            g[p] = rng.nextDouble(-1, 1);
        }
    }

    @Benchmark
    public double[] project() {
        return x.projectRows(w, K);
    }

    @Benchmark
    public double[] projectRowwise() {
        int[] ptr = x.rowPointers();
        int[] idx = x.columnIndices();
        float[] val = x.values();
        int cols = x.cols();
        double[] out = new double[x.rows() * K];
        for (int i = 0; i < x.rows(); i++) {
            for (int r = 0; r < K; r++) {
                int wb = r * cols;
                double s = 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    s += val[p] * w[wb + idx[p]];
                }
                out[i * K + r] = s;
            }
        }
        return out;
    }

    @Benchmark
    public double[] accumulate() {
        double[] acc = new double[K * x.cols()];
        x.accumulateLeftProduct(g, K, acc);
        return acc;
    }

    @Benchmark
    public double[] accumulateRowwise() {
        int[] ptr = x.rowPointers();
        int[] idx = x.columnIndices();
        float[] val = x.values();
        int cols = x.cols();
        int rows = x.rows();
        double[] acc = new double[K * cols];
        for (int i = 0; i < rows; i++) {
            for (int r = 0; r < K; r++) {
                double c = g[r * rows + i];
                int ab = r * cols;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    acc[ab + idx[p]] += c * val[p];
                }
            }
        }
        return acc;
    }
}
