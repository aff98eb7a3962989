package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.ComputeEngine;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.eval.CrossValidation;
import org.groundmetric.eval.Permanova;
import org.groundmetric.eval.Significance;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.ReferenceSample;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.ot.PointMetric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code groundmetric significance}: PERMANOVA on the Wasserstein matrix — do the classes really differ? */
@Command(name = "significance",
        header = "PERMANOVA on the W_θ matrix: do the classes differ more than chance (pseudo-F, p-value)?",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Tests whether the samples' classes differ under a metric: PERMANOVA (Anderson 2001, as scikit-bio's",
            "permanova) on the exact Wasserstein matrix W_θ, with the class labels as groups. Prints",
            "'pseudo_F=… p_value=…' over all classes, then one such line per pair of classes. The p-value is",
            "(1 + #permutations with F ≥ the observed F) / (1 + N), N seeded label permutations.",
            "",
            "A metric learned on the same samples has seen their labels, so its p-value is optimistic; the",
            "command warns when it can tell (the model keeps its training samples, train --keep-reference) or",
            "cannot rule it out. --cv kfold:K is the honest test: the model's settings re-learn the metric on",
            "K−1 class-stratified folds, W_θ is computed among the held-out fold's samples only, and the",
            "statistic sums the folds' pseudo-F (labels permuted within each fold; pseudo_F prints their mean).",
            "A fixed --metric (euclidean, …) learns nothing from labels and needs no --cv.",
            "",
            "Examples:",
            "  groundmetric significance --model model.json -i new.h5ad --sample-key sample --label-key class",
            "  groundmetric significance --model model.json -i train.h5ad --sample-key sample --label-key class \\",
            "      --cv kfold:5 --permutations 999 --seed 1",
            "  groundmetric significance --metric euclidean -i train.h5ad --sample-key sample --label-key class",
            ""
        })
public final class SignificanceCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Mixin
    PreprocessingOptions preprocessing;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "The learned metric (model.json, or an .h5ad with uns[\"W_ggml\"]); its preprocessing is"
                    + " replayed on the input. With --cv its settings re-learn the metric on each fold's training part.")
    Path model;

    @Option(names = "--metric", paramLabel = "NAME", converter = PointMetricChoice.class,
            completionCandidates = PointMetricChoice.class,
            description = "A fixed ground metric instead of --model: ${COMPLETION-CANDIDATES} (default without --model: euclidean).")
    PointMetric metric;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "999",
            description = "Label permutations for the p-value (default: ${DEFAULT-VALUE}; the smallest p is 1/(N+1)).")
    int permutations;

    @Option(names = "--cv", paramLabel = "kfold:K",
            description = "Re-learn the model's metric on K−1 class-stratified folds and test on the held-out distances only (K ≥ 2, each class needs K samples). Default: none.")
    String cv;

    @Mixin
    RunOptions run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (model != null && metric != null) {
            throw new IllegalArgumentException("--model and --metric both name the metric; give one");
        }
        OptionRules.refuseWith(spec, "--model", "the model's recorded preprocessing is replayed", "--min-cells",
                "--cells-per-sample", "--keep-small-samples", "--normalize", "--gene-filter", "--pca");
        if (permutations < 0) {
            throw new IllegalArgumentException("--permutations " + permutations + " is negative; expected N ≥ 0 (e.g. 999)");
        }
        int folds = folds();
        if (folds > 0 && model == null) {
            throw new IllegalArgumentException("--cv re-learns a metric from --model's settings; a fixed --metric learns"
                    + " nothing from the labels, so leave --cv out or give --model");
        }
        Outputs.check(Outputs.inputs(input.input(), model), java.util.Map.of());
        if (input.labelKey() == null) {
            throw new IllegalArgumentException("--label-key COLUMN is needed: the test compares the classes");
        }
        TrainedMetric learned = model == null ? null : TrainedMetric.read(model);
        Preprocessing request = learned == null ? preprocessing.request() : learned.preprocessing();
        Cohort raw = input.cohort(input.read(w -> warn(err, w)), true, request, w -> warn(err, w));
        Cohort cohort = learned == null ? request.fit(raw, w -> warn(err, w)).cohort()
                : request.apply(raw, w -> warn(err, w));
        if (learned != null) {
            learned.requireFeatures(cohort);
        }
        long seed = preprocessing.seed();
        out.printf(Locale.ROOT, "samples=%d classes=%d metric=%s permutations=%d seed=%d%s%n", cohort.size(),
                cohort.classNames().size(), learned == null ? (metric == null ? PointMetric.EUCLIDEAN : metric) : model,
                permutations, seed, folds > 0 ? " cv=kfold:" + folds : "");
        out.flush();
        if (learned != null && folds == 0) {
            warnAboutLeak(learned, cohort, err);
        }
        Significance.Report report;
        try (ComputeEngine engine = ComputeEngine.local(run.threads())) {
            if (folds > 0) {
                Ggml ggml = new Ggml(learned.config().toBuilder().seed(seed).threads(run.threads()).build())
                        .withBatches(learned.batches());
                report = Significance.heldOut(cohort, ggml, folds, permutations, seed, engine, run.progress("pairs"));
            } else {
                report = Significance.of(cohort, learned != null ? learned.metric()
                        : new FixedGroundMetric(metric == null ? PointMetric.EUCLIDEAN : metric), permutations, seed,
                        engine, run.progress("pairs"));
            }
        }
        out.println(line(report.overall()));
        for (Significance.PairResult p : report.pairs()) {
            out.println(p.first() + " vs " + p.second() + ": "
                    + (p.result() == null ? "not tested (no held-out fold holds both classes)" : line(p.result())));
        }
        out.flush();
        return 0;
    }

    private static String line(Permanova.Result r) {
        return String.format(Locale.ROOT, "pseudo_F=%.4f p_value=%.4g", r.pseudoF(), r.pValue());
    }

    private int folds() {
        if (cv == null) {
            return 0;
        }
        CrossValidation.Scheme scheme;
        try {
            scheme = CrossValidation.Scheme.parse(cv);
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        if (scheme == null || scheme.kind() != CrossValidation.Kind.KFOLD) {
            throw new IllegalArgumentException("--cv '" + cv + "' is not kfold:K with K ≥ 2; e.g. --cv kfold:5");
        }
        return scheme.folds();
    }

    private static void warnAboutLeak(TrainedMetric learned, Cohort cohort, PrintWriter err) {
        if (learned.reference() == null) {
            warn(err, "the model does not record its training samples (train --keep-reference), so it cannot be ruled"
                    + " out that these samples trained it; if they did, their labels shaped the metric and the p-value"
                    + " is optimistic: --cv kfold:5 re-learns the metric without each held-out fold");
            return;
        }
        java.util.Map<String, ReferenceSample> trained = new java.util.HashMap<>();
        for (ReferenceSample r : learned.reference()) {
            trained.put(r.id(), r);
        }
        long seen = cohort.samples().stream().filter(s -> sameSample(learned, trained.get(s.id()), s)).count();
        if (seen > 0) {
            warn(err, seen + " of the " + cohort.size() + " samples trained the model: their labels shaped the metric,"
                    + " so the p-value is optimistic; --cv kfold:5 re-learns the metric without each held-out fold");
        }
    }

    /** The kept reference sample is this sample: same id, and its first cell's image is this sample's first. */
    private static boolean sameSample(TrainedMetric learned, ReferenceSample kept, org.groundmetric.data.Sample sample) {
        if (kept == null || kept.cells().length != sample.cellCount()) {
            return false;
        }
        double[] image = learned.metric().project(sample.cells().selectRows(new int[] {0}));
        for (int q = 0; q < image.length; q++) {
            if (Math.abs(image[q] - kept.cells()[0][q]) > 1e-3 * (1 + Math.abs(image[q]))) {
                return false;
            }
        }
        return true;
    }

    private static void warn(PrintWriter err, String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
