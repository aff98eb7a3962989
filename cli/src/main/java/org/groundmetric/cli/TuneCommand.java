package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.AtomicOutput;
import org.groundmetric.eval.GridSearch;
import org.groundmetric.eval.GroupShuffleSplit;
import org.groundmetric.learn.Ggml;
import org.groundmetric.ot.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric tune}: the paper's grid search over alpha and lambda on validation samples. */
@Command(name = "tune",
        header = "Grid search of the margin alpha and regularisation lambda on validation samples.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Grid search of GGML's margin alpha and regularisation lambda (paper, section 4.4). For",
            "each pair and each of --splits splits, GGML is fitted on the training samples that are",
            "not held back, and the held-back validation samples (--validation-fraction of the",
            "training samples) are classified by distance-weighted --k-NN under W_θ. Test samples are",
            "never used. Prints the grid of mean validation accuracies (rows alpha, columns lambda)",
            "and the best pair; --out writes the grid as CSV (alpha, lambda, validation_accuracy,",
            "validation_accuracy_std).",
            "",
            "Example:",
            "  groundmetric tune --input synth2d_paper.h5ad --sample-key distribution --label-key class \\",
            "      --alpha 0.1,1,10,100 --lambda 0.01,0.1,1,10 --out grid.csv",
            ""
        })
public final class TuneCommand implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    PreprocessingOptions preprocessing;

    @Option(names = "--alpha", paramLabel = "LIST", split = ",", defaultValue = "0.1,1,10,100",
            description = "Margins alpha to try (default: ${DEFAULT-VALUE}).")
    List<Double> alphas;

    @Option(names = "--lambda", paramLabel = "LIST", split = ",", defaultValue = "0.01,0.1,1,10",
            description = "Regularisation weights lambda to try (default: ${DEFAULT-VALUE}).")
    List<Double> lambdas;

    @Option(names = "--splits", paramLabel = "N", defaultValue = "1",
            description = "Splits to average each grid point over (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "Fraction of each class's samples used for training (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Fraction of the training samples held back to score the grid (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5",
            description = "Neighbours of the kNN on validation samples (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    TuneLearnerOptions ggml;


    @Option(names = "--out", paramLabel = "FILE", description = "Write the grid as CSV.")
    Path out;



    @Override
    public Integer call() {
        double[] a = alphas.stream().mapToDouble(Double::doubleValue).toArray();
        double[] l = lambdas.stream().mapToDouble(Double::doubleValue).toArray();
        PrintWriter warnings = spec.commandLine().getErr();
        Preprocessing request = preprocessing.request();
        Cohort cohort = request.fit(input.cohort(true, request, w -> warnings.println("warning: " + w)),
                w -> warnings.println("warning: " + w)).cohort();
        long seed = preprocessing.seed();
        GroupShuffleSplit.Plan plan = new GroupShuffleSplit(splits, trainFraction, validationFraction, seed).split(cohort);
        PrintWriter o = spec.commandLine().getOut();
        for (String note : plan.notes()) {
            spec.commandLine().getErr().println("note: " + note);
        }
        GridSearch.Grid grid = new GridSearch(k, Solver.AUTO, run.threads(), ggml.summary.summary(seed))
                .run(cohort, a, l, plan.splits(),
                (alpha, lambda) -> new Ggml(ggml.config(alpha, lambda, seed, run.threads())),
                ProgressBar.unlessQuiet(run.quiet, "fits"));
        o.print(table(grid));
        o.printf(Locale.ROOT, "best: alpha=%s lambda=%s validation_accuracy=%.3f%n", grid.best().alpha(),
                grid.best().lambda(), grid.best().accuracy());
        if (out != null) {
            AtomicOutput.write(out, s -> s.write(csv(grid).getBytes(StandardCharsets.UTF_8)));
            o.println("wrote " + out);
        }
        o.flush();
        return 0;
    }

    static String table(GridSearch.Grid g) {
        StringBuilder sb = new StringBuilder("| alpha \\ lambda |");
        for (double l : g.lambdas()) {
            sb.append(' ').append(l).append(" |");
        }
        sb.append("\n| --- |");
        sb.append(" --- |".repeat(g.lambdas().length));
        sb.append('\n');
        for (int i = 0; i < g.alphas().length; i++) {
            sb.append("| ").append(g.alphas()[i]).append(" |");
            for (int j = 0; j < g.lambdas().length; j++) {
                sb.append(String.format(Locale.ROOT, " %.3f |", g.cell(i, j).accuracy()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String csv(GridSearch.Grid g) {
        StringBuilder sb = new StringBuilder("alpha,lambda,validation_accuracy,validation_accuracy_std\n");
        for (GridSearch.Cell c : g.cells()) {
            sb.append(c.alpha()).append(',').append(c.lambda()).append(',').append(c.accuracy()).append(',')
                    .append(c.accuracyStd()).append('\n');
        }
        return sb.toString();
    }
}
