package org.groundmetric.bench;

/**
 * {@link CsrProjectionBenchmark}'s kernels timed by thread CPU time, interleaved (for a loaded machine).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.groundmetric.bench.CsrProjectionCpu</pre>
 */
public final class CsrProjectionCpu {
    private CsrProjectionCpu() {
    }

    public static void main(String[] args) {
        CsrProjectionBenchmark b = new CsrProjectionBenchmark();
        b.setUp();
        double[] p = b.project();
        double[] q = b.projectRowwise();
        double[] a = b.accumulate();
        double[] c = b.accumulateRowwise();
        System.out.println("projection identical: " + java.util.Arrays.equals(p, q)
                + ", accumulation identical: " + java.util.Arrays.equals(a, c));
        CpuTimes.compare("X·Wᵀ, 1000 cells × 8433 genes, ~10% non-zeros, k = 5", 20, 40,
                new String[] {"rowwise (before)", "transposed W (now)"}, b::projectRowwise, b::project);
        CpuTimes.compare("acc += G·X, same sample", 20, 40,
                new String[] {"rowwise (before)", "transposed acc (now)"}, b::accumulateRowwise, b::accumulate);
    }
}
