package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.baseline.BaselineLearner;
import org.groundmetric.baseline.Budget;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.GroundMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric fit}: one competing metric learner (LMNN, NCA, ITML, LFDA) as a model file. */
@Command(name = "fit",
        header = "Fits LMNN, NCA, ITML or LFDA and writes its metric as a model every command takes.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fits one of the global metric learners the paper compares GGML with, exactly as benchmark",
            "does: from cells labelled with their sample's class (at most --baseline-cells per sample, a",
            "seeded subsample; --seed), with metric-learn's defaults, the learned Mahalanobis matrix M",
            "reduced to a rank --rank map W by pivoted Cholesky (WᵀW ≈ M). Writes W as a model file of",
            "kind mahalanobis (docs/model-format.md) that embed, report, distances, predict, genes and",
            "significance take as --model, as they take GGML's: the paper's Fig. 2b/c (each method's",
            "transformed cells) and Fig. 6 (each method's embeddings). Every sample of the input is",
            "fitted (benchmark --save-models fits the training samples of its first fit instead).",
            "",
            "Examples:",
            "  groundmetric fit --method lfda -i synth2d_paper.h5ad --sample-key distribution \\",
            "      --label-key class --out lfda.json",
            "  groundmetric fit --method lmnn -i cohort.h5ad --sample-key donor_id --label-key disease \\",
            "      --pca 50 --rank 10 --out lmnn.json",
            "  groundmetric embed --model lfda.json -i synth2d_paper.h5ad --sample-key distribution ...",
            ""
        })
public final class FitCommand implements Callable<Integer> {

    /** The learners fit offers (benchmark's LMNN, NCA, ITML, LFDA). */
    enum Method {
        LMNN, NCA, ITML, LFDA;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "The metric learner: ${COMPLETION-CANDIDATES}.")
    Method method;

    @Mixin
    InputOptions input;

    @Mixin
    PreprocessingOptions preprocessing;

    @Option(names = "--rank", paramLabel = "K", defaultValue = "5",
            description = "Rank k of W: M is reduced to k rows, as benchmark's --rank (default: ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--baseline-cells", paramLabel = "N", defaultValue = "100",
            description = "Cells per sample the method trains on, a seeded subsample; 0 = all, as benchmark's"
                    + " (default: ${DEFAULT-VALUE}).")
    int baselineCells;

    @Option(names = "--budget-minutes", paramLabel = "M", defaultValue = "30",
            description = "Time budget of the fit; beyond it the fit stops with an error (default: ${DEFAULT-VALUE}).")
    double budgetMinutes;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL.json",
            description = "Where to write the model (JSON, kind mahalanobis; written to a temporary file, then renamed).")
    Path out;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(budgetMinutes > 0)) {
            throw new IllegalArgumentException("--budget-minutes is " + budgetMinutes + "; expected a positive number");
        }
        if (rank < 1) {
            throw new IllegalArgumentException("--rank is " + rank + "; expected at least 1");
        }
        if (baselineCells < 0) {
            throw new IllegalArgumentException("--baseline-cells is " + baselineCells + "; expected 0 (all) or more");
        }
        Outputs.check(Outputs.inputs(input.input()), Outputs.named("--out", out));
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        Preprocessing request = preprocessing.request();
        Preprocessing.Result prepared = request.fit(input.cohort(true, request, w -> err.println("warning: " + w)),
                w -> err.println("warning: " + w));
        Cohort cohort = prepared.cohort();
        o.printf(Locale.ROOT, "samples=%d classes=%d cells=%d features=%d method=%s rank=%d baseline_cells=%d seed=%d%n",
                cohort.size(), cohort.classNames().size(), cohort.cellCount(), cohort.featureCount(), method, rank,
                baselineCells, preprocessing.seed());
        o.flush();
        Duration budget = Duration.ofMillis((long) (budgetMinutes * 60_000));
        BaselineLearner learner = BaselineLearner.named(method.toString(),
                new BaselineLearner.Settings(rank, baselineCells, budget, preprocessing.seed()));
        long start = System.nanoTime();
        GroundMetric metric;
        try {
            metric = learner.fit(cohort);
        } catch (Budget.OutOfTimeException e) {
            throw new IllegalArgumentException(learner.name() + " ran past --budget-minutes " + budgetMinutes + " ("
                    + e.getMessage() + "); give it more time or fewer cells (--baseline-cells)");
        } catch (Budget.OutOfMemoryBudgetException e) {
            throw new IllegalArgumentException(learner.name() + " needs more memory than the heap (" + e.getMessage()
                    + "); fewer cells (--baseline-cells) or more memory (JAVA_OPTS=-Xmx…)");
        }
        TrainedMetric model = SavedModels.model(metric, cohort, prepared.preprocessing());
        model.write(out);
        o.printf(Locale.ROOT, "fitted %s in %.2f s: W (%d×%d)%n", learner.name(), (System.nanoTime() - start) / 1e9,
                model.rank(), cohort.featureCount());
        o.printf("model written to %s%n", out);
        o.flush();
        return 0;
    }
}
