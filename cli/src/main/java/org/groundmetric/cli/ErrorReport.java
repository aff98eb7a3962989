package org.groundmetric.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.groundmetric.ComputeEngine;
import org.groundmetric.IllegalParameterException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a failed command is reported: exactly one {@code error: …} line on stderr and an exit code.
 * Anything about the user's input, settings or machine (an {@link IllegalArgumentException}
 * anywhere in the cause chain, an I/O failure, too little memory, a cluster that fails) exits with
 * {@link GroundMetricCommand#EXIT_BAD_INPUT} (2); anything else is our bug and exits with 1, with a
 * line asking to report it. The library words its errors in its own terms and names the setting at
 * fault ({@link IllegalParameterException#parameter()}); here that setting becomes the option the
 * user typed, e.g. "CellSampling.minCells" → {@code --min-cells}.
 */
final class ErrorReport {

    /** Exit code for our own bugs. */
    static final int EXIT_BUG = 1;

    /** The library's settings and the options that set them (shown when the command has that option). */
    static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("CellSampling.minCells", "--min-cells"),
            Map.entry("CellSampling.cellsPerSample", "--cells-per-sample"),
            Map.entry("Preprocessing.pca", "--pca"),
            Map.entry("Preprocessing.normalize", "--normalize"),
            Map.entry("GeneFilter", "--gene-filter"),
            Map.entry("GeneFilter.top", "--gene-filter"),
            Map.entry("CohortBuilder.Spec.sampleKey", "--sample-key"),
            Map.entry("CohortBuilder.Spec.labelKey", "--label-key"),
            Map.entry("CohortBuilder.Spec.policy", "--label-policy"),
            Map.entry("CellFilter", "--filter"),
            Map.entry("H5adReader.Options.layer", "--layer"),
            Map.entry("H5adReader.Options.useRep", "--use-rep"),
            Map.entry("H5adReader.Options.geneNamesFrom", "--gene-names-from"),
            Map.entry("CellDataReader.Request.cellMetadata", "--cell-metadata"),
            Map.entry("CellDataReader.Request.metadataColumns", "--metadata-columns"),
            Map.entry("CellDataReader.Request.nonFinite", "--drop-nonfinite-cells"),
            Map.entry("GgmlConfig.rank", "--rank"),
            Map.entry("GgmlConfig.neighbours", "--neighbours"),
            Map.entry("GgmlConfig.alpha", "--alpha"),
            Map.entry("GgmlConfig.lambda", "--lambda"),
            Map.entry("GgmlConfig.learningRate", "--lr"),
            Map.entry("GgmlConfig.batchSize", "--batch-size"),
            Map.entry("GgmlConfig.epochs", "--epochs"),
            Map.entry("GgmlConfig.threads", "--threads"),
            Map.entry("GgmlConfig.init", "--init"),
            Map.entry("GgmlConfig.solver", "--solver"),
            Map.entry("GgmlConfig.sinkhornReg", "--sinkhorn-reg"),
            Map.entry("Predictor.neighbours", "--k"),
            Map.entry("Predictor.nearest", "--nearest"),
            Map.entry("Benchmark.Settings.knnK", "--k"),
            Map.entry("Benchmark.Settings.cellK", "--cell-k"),
            Map.entry("GridSearch.k", "--k"),
            Map.entry("CellGroups.key", "--group-key"),
            Map.entry("GeneSetEnrichment.Settings.permutations", "--permutations"),
            Map.entry("GeneSetEnrichment.Settings.minSize", "--min-set-size"),
            Map.entry("ComputeEngine.name", "--engine"),
            Map.entry("ComputeEngine.Options.master", "--spark-master"));

    private ErrorReport() {
    }

    /**
     * Prints the error line (and the stack trace with --verbose) and returns the exit code.
     *
     * @param command the subcommand that ran (its options decide whether a setting gets a flag), or null
     */
    static int report(Throwable failure, CommandSpec command, PrintWriter err, boolean verbose) {
        Throwable userError = userError(failure);
        int code;
        if (userError != null) {
            err.println("error: " + oneLine(message(failure, userError, command)));
            code = GroundMetricCommand.EXIT_BAD_INPUT;
        } else {
            err.println("error: internal error: " + oneLine(describe(innermost(failure)))
                    + "; this is a bug in groundmetric, please report it with the command line and the output of"
                    + " the same command with --verbose");
            code = EXIT_BUG;
        }
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The first cause that is about the user's input, settings or machine; null for a bug. */
    private static Throwable userError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof UncheckedIOException || t instanceof IOException
                    || t instanceof OutOfMemoryError || t instanceof ComputeEngine.EngineException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String message(Throwable failure, Throwable userError, CommandSpec command) {
        if (userError instanceof OutOfMemoryError) {
            return "out of memory (" + describe(userError) + "): give Java more heap, e.g. JAVA_OPTS=-Xmx8g"
                    + " bin/groundmetric …, or use fewer cells (--cells-per-sample) or threads";
        }
        String text = describe(userError);
        ComputeEngine.TaskFailedException task = find(failure, ComputeEngine.TaskFailedException.class);
        if (task != null) {
            text = task.description() + ": " + text;
        }
        if (userError instanceof IllegalParameterException p) {
            String option = OPTIONS.get(p.parameter());
            if (option != null && (command == null || command.findOption(option) != null)) {
                text = text + " (" + option + ")";
            }
        }
        return text;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The root cause: what actually went wrong, below wrappers such as a failed task. */
    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The message, or the exception's name when it has none (never "null"). */
    private static String describe(Throwable t) {
        String m = t.getMessage();
        if (t instanceof IllegalArgumentException || t instanceof UncheckedIOException
                || t instanceof ComputeEngine.EngineException) {
            return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
        }
        return m == null || m.isBlank() ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + m;
    }

    /** One line whatever the message holds (a sample id may hold a line break). */
    static String oneLine(String s) {
        return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }
}
