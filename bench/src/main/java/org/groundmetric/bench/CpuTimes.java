package org.groundmetric.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Interleaved thread-CPU-time comparison of a few variants of one operation. On a machine shared
 * with other work, wall-clock JMH scores swing with the load; the CPU time of the measuring thread
 * does much less, and interleaving the variants (A B A B …) exposes them to the same conditions.
 */
final class CpuTimes {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static volatile Object sink;

    private CpuTimes() {
    }

    /** Runs every variant {@code rounds} times interleaved after {@code warmup} rounds; prints ms of CPU per call. */
    @SafeVarargs
    static double[] compare(String title, int warmup, int rounds, String[] names, Supplier<Object>... variants) {
        for (int w = 0; w < warmup; w++) {
            for (Supplier<Object> v : variants) {
                sink = v.get();
            }
        }
        long[] total = new long[variants.length];
        long[] best = new long[variants.length];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < variants.length; i++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                sink = variants[i].get();
                long t = THREADS.getCurrentThreadCpuTime() - t0;
                total[i] += t;
                best[i] = Math.min(best[i], t);
            }
        }
        double[] mean = new double[variants.length];
        System.out.println(title);
        for (int i = 0; i < variants.length; i++) {
            mean[i] = total[i] / 1e6 / rounds;
            System.out.printf(Locale.ROOT, "  %-28s mean %8.3f ms CPU   best %8.3f ms   ratio to first %.2f%n", names[i],
                    mean[i], best[i] / 1e6, mean[i] / (total[0] / 1e6 / rounds));
        }
        return mean;
    }
}
