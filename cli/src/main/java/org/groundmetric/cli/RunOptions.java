package org.groundmetric.cli;

import org.groundmetric.Progress;
import picocli.CommandLine.Option;

/** Options every long-running command shares: how many threads, whether to show progress, error detail. */
final class RunOptions {

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for the transport problems; 0 = all cores, at most 8 per core (default: "
                    + "${DEFAULT-VALUE}). Results do not depend on it.")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or per-step lines.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    /** The most threads worth asking for per core: beyond, threads only wait for each other and cost memory. */
    static final int MAX_THREADS_PER_CORE = 8;

    /** The thread count to use: --threads, or all cores for 0. */
    int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        int limit = MAX_THREADS_PER_CORE * cores;
        if (threads < 0 || threads > limit) {
            throw new IllegalArgumentException("--threads " + threads + " is outside 0.." + limit + " (0 = all "
                    + cores + " cores; more than " + MAX_THREADS_PER_CORE + " per core only adds overhead)");
        }
        return threads == 0 ? cores : threads;
    }

    /** A progress bar counting {@code unit}, or nothing with --quiet. */
    Progress progress(String unit) {
        return ProgressBar.unlessQuiet(quiet, unit);
    }
}
