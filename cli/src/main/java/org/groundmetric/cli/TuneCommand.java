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
import org.groundmetric.eval.CrossValidation;
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
            "each pair and each fit of the protocol (--cv), GGML is fitted on the training samples that",
            "are not held back, and the held-back validation samples are classified by a --k-NN vote",
            "under W_θ: with --cv split, --validation-fraction of each split's training samples (test",
            "samples are never used); with --cv loo or kfold:K, each fit's held-out samples. A round's",
            "validation samples are scored together: balanced accuracy (mean recall over classes),",
            "accuracy and the ROC AUC of the class probabilities, as mean ± spread over rounds.",
            "Prints the grid of balanced accuracies (rows alpha, columns lambda) and the best pair (the",
            "highest balanced accuracy); --out writes the grid as CSV (alpha, lambda,",
            "validation_balanced_accuracy, validation_balanced_accuracy_std, validation_accuracy,",
            "validation_accuracy_std, validation_auc, validation_auc_std; with --batch-key also",
            "validation_batch_separation).",
            "With --batch-key, every fit trains batch-aware and tune reports how much the best pair's W_θ",
            "still tracks the batch: the batch-separation score of each validation sample against its",
            "fit's training samples (within its class, the chance that a training class-mate from its own",
            "batch is nearer than one from another batch; 0.5: the metric ignores the batch), averaged",
            "over a round's validation samples, then over rounds.",
            "The vote is class-balanced when the largest class has at least twice the samples of the",
            "smallest, else distance-weighted (--vote chooses), as in benchmark and predict.",
            "",
            "Examples:",
            "  groundmetric tune --input synth2d_paper.h5ad --sample-key distribution --label-key class \\",
            "      --alpha 0.1,1,10,100 --lambda 0.01,0.1,1,10 --out grid.csv",
            "  groundmetric tune --input cohort.h5ad --sample-key donor_id --label-key disease --pca 50 \\",
            "      --cv kfold:5 --repeats 2 --out grid.csv",
            "  groundmetric tune --input synth200d.h5ad --sample-key sample --label-key class --reg matrix-l1 \\",
            "      --feature-scaling none --heatmap grid-matrix-l1.svg      (Fig. 5a)",
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

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--splits", paramLabel = "N", defaultValue = "1",
            description = "With --cv split: splits to average each grid point over (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "With --cv split: fraction of each class's samples used for training (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "With --cv split: fraction of the training samples held back to score the grid (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5",
            description = "Neighbours of the kNN on validation samples (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    VoteOption voting;

    @Mixin
    TuneLearnerOptions ggml;

    @Mixin
    BatchOptions batches;


    @Option(names = "--out", paramLabel = "FILE", description = "Write the grid as CSV.")
    Path out;

    @Option(names = "--heatmap", paramLabel = "FILE.svg",
            description = "Also draw the grid of validation balanced accuracies as a heatmap (the paper's Fig. 5),"
                    + " titled with the regulariser: SVG, or PNG when FILE ends in .png. One run per --reg gives"
                    + " one heatmap per regulariser.")
    Path heatmap;



    @Override
    public Integer call() {
        Outputs.check(Outputs.inputs(input.input()), Outputs.named("--out", out, "--heatmap", heatmap));
        double[] a = alphas.stream().mapToDouble(Double::doubleValue).toArray();
        double[] l = lambdas.stream().mapToDouble(Double::doubleValue).toArray();
        PrintWriter warnings = spec.commandLine().getErr();
        Preprocessing request = preprocessing.request();
        Cohort cohort = request.fit(input.cohort(true, request, w -> warnings.println("warning: " + w)),
                w -> warnings.println("warning: " + w)).cohort();
        long seed = preprocessing.seed();
        CrossValidation.Plan plan = protocol.scheme(cohort).kind() == CrossValidation.Kind.SPLIT
                ? protocol.plan(cohort, splits, trainFraction, validationFraction, seed)
                : protocol.plan(cohort, splits, trainFraction, 0, seed).heldOutAsValidation();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = protocol.defaultNote(cohort, "grid point");
        if (chosen != null) {
            err.println(chosen);
        }
        for (String note : plan.notes()) {
            err.println("note: " + note);
        }
        err.flush();
        o.printf(Locale.ROOT, "samples=%d classes=%d protocol=%s rounds=%d fits=%d grid=%dx%d%n", cohort.size(),
                cohort.classNames().size(), plan.scheme(), plan.rounds().size(), plan.fits().size(), a.length, l.length);
        o.println(BalanceNote.vote(voting.vote, cohort));
        o.println(BalanceNote.classWeight(ggml.classWeight, batches.correction() != null));
        o.flush();
        GridSearch.Grid grid = new GridSearch(k, Solver.AUTO, run.threads(), voting.vote,
                ggml.summary.summary(seed)).withBatches(batches.batchOf(cohort)).run(cohort, a, l, plan,
                (alpha, lambda) -> batches.apply(new Ggml(ggml.config(alpha, lambda, seed, run.threads()))),
                ProgressBar.unlessQuiet(run.quiet, "fits"));
        o.print(table(grid));
        o.printf(Locale.ROOT, "best: alpha=%s lambda=%s validation_balanced_accuracy=%.3f validation_accuracy=%.3f"
                + " validation_auc=%.3f%n", grid.best().alpha(), grid.best().lambda(), grid.best().balancedAccuracy(),
                grid.best().accuracy(), grid.best().auc());
        batches.report(grid, o);
        if (out != null) {
            AtomicOutput.write(out, s -> s.write(csv(grid, batches.batchKey != null).getBytes(StandardCharsets.UTF_8)));
            o.println("wrote " + out);
        }
        if (heatmap != null) {
            TuneHeatmap.write(heatmap, grid, ggml.reg + " regulariser");
            o.println("wrote " + heatmap);
        }
        o.flush();
        return 0;
    }

    static String table(GridSearch.Grid g) {
        StringBuilder sb = new StringBuilder("balanced accuracy of the validation samples\n| alpha \\ lambda |");
        for (double l : g.lambdas()) {
            sb.append(' ').append(l).append(" |");
        }
        sb.append("\n| --- |");
        sb.append(" --- |".repeat(g.lambdas().length));
        sb.append('\n');
        for (int i = 0; i < g.alphas().length; i++) {
            sb.append("| ").append(g.alphas()[i]).append(" |");
            for (int j = 0; j < g.lambdas().length; j++) {
                sb.append(String.format(Locale.ROOT, " %.3f |", g.cell(i, j).balancedAccuracy()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The grid as CSV; with {@code batchColumn} a last column validation_batch_separation. */
    static String csv(GridSearch.Grid g, boolean batchColumn) {
        StringBuilder sb = new StringBuilder("alpha,lambda,validation_balanced_accuracy,validation_balanced_accuracy_std,"
                + "validation_accuracy,validation_accuracy_std,validation_auc,validation_auc_std"
                + (batchColumn ? ",validation_batch_separation" : "") + "\n");
        for (GridSearch.Cell c : g.cells()) {
            sb.append(c.alpha()).append(',').append(c.lambda()).append(',').append(num(c.balancedAccuracy())).append(',')
                    .append(num(c.balancedAccuracyStd())).append(',').append(num(c.accuracy())).append(',')
                    .append(num(c.accuracyStd())).append(',').append(num(c.auc())).append(',').append(num(c.aucStd()));
            if (batchColumn) {
                sb.append(',').append(num(c.batchSeparation()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
