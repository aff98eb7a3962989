package org.groundmetric.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code groundmetric} command: one subcommand per job, each in its own class.
 * Errors become one line on stderr: exit code 2 for bad input or settings, 1 for our bugs (see
 * {@link ErrorReport}; stack trace with --verbose).
 */
@Command(name = "groundmetric",
        mixinStandardHelpOptions = true,
        version = "groundmetric 0.1.0",
        description = {
            "Global Ground Metric Learning (GGML; Kühn & Schaub, AISTATS 2025).",
            "",
            "Learns a metric between cells so that optimal-transport (Wasserstein) distances between",
            "samples (patients) separate their class labels (disease states), then uses it to",
            "classify, cluster, embed and interpret samples. Run 'groundmetric COMMAND --help' for",
            "what each command does, its options and their defaults."
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            SynthCommand.class,
            InspectCommand.class,
            DistancesCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            BenchmarkCommand.class,
            TuneCommand.class,
            SignificanceCommand.class,
            FitCommand.class,
            GenesCommand.class,
            ExplainCommand.class,
            EmbedCommand.class,
            ReportCommand.class,
            EmdCommand.class
        })
public final class GroundMetricCommand implements Runnable {

    /** Exit code for bad input or impossible settings. */
    public static final int EXIT_BAD_INPUT = 2;

    /** System property holding the default of --engine ("local" unless a launcher such as SparkMain sets it). */
    public static final String DEFAULT_ENGINE_PROPERTY = "groundmetric.engine";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (used by tests). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** The configured command line, with our error handling. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new GroundMetricCommand());
        cl.setUsageHelpWidth(100);
        // picocli hands only Exceptions to the handler; an Error (out of memory) would escape with a stack trace
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (Error e) {
                List<CommandLine> chain = parsed.asCommandLineList();
                throw new CommandLine.ExecutionException(chain.get(chain.size() - 1), "error", e);
            }
        });
        cl.setExecutionExceptionHandler(GroundMetricCommand::handleExecutionException);
        cl.setParameterExceptionHandler(GroundMetricCommand::handleParameterException);
        Choices.registerAll(cl);
        return cl;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && anyVerbose(parsed));
        return ErrorReport.report(ex, cl.getCommandSpec(), cl.getErr(), verbose);
    }

    private static boolean anyVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A command line picocli cannot parse (an unknown option, a missing value, a choice that is not
     * one of the listed ones): like every other bad input, one line and exit 2, the fix included.
     */
    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + ErrorReport.oneLine(ex.getMessage()) + " (see '"
                + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_BAD_INPUT;
    }
}
