package org.groundmetric.cli;

import org.groundmetric.Progress;
import picocli.CommandLine.Option;

/** Options every long-running command shares: how many threads, whether to show progress, error detail. */
final class RunOptions {

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for the transport problems; 0 = all cores (default: ${DEFAULT-VALUE}). "
                    + "Results do not depend on it.")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or per-step lines.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    /** The thread count to use: --threads, or all cores for 0. */
    int threads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0 (0 = all cores), got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** A progress bar counting {@code unit}, or nothing with --quiet. */
    Progress progress(String unit) {
        return ProgressBar.unlessQuiet(quiet, unit);
    }
}
