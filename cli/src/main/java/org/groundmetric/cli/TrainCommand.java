package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.ComputeEngine;
import org.groundmetric.data.ClassBalance;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.Representation;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.learn.BatchOrder;
import org.groundmetric.learn.ClassWeight;
import org.groundmetric.learn.EpochRecord;
import org.groundmetric.learn.FeatureScaling;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.Initialisation;
import org.groundmetric.learn.MetricForm;
import org.groundmetric.learn.Regulariser;
import org.groundmetric.learn.TrainingListener;
import org.groundmetric.learn.TripletSampler;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TripletStrategy;
import org.groundmetric.ot.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code groundmetric train}: learns a ground metric with GGML and saves it as a JSON model. */
@Command(name = "train",
        header = "Learns a ground metric W between cells with GGML from sample labels; writes model.json.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Learns a ground metric between cells with GGML (Kühn & Schaub, AISTATS 2025): a k×D matrix W",
            "such that exact optimal-transport distances between samples, with cost ‖Wx − Wy‖ between",
            "cells, put samples of one class closer than samples of different classes by a margin alpha.",
            "Each epoch draws triplets (for every sample j: t samples of its class and t of every other",
            "class), takes Adam steps on batches of them, and prints a summary line; a progress bar",
            "(epoch, batch, running loss, triplets/s, ETA) runs on stderr. The model (W, features,",
            "preprocessing, classes, settings, history) is written as JSON (docs/model-format.md).",
            "",
            "Examples:",
            "  groundmetric synth --preset synth2d --seed 1 --out synth2d.h5ad",
            "  groundmetric train --input synth2d.h5ad --sample-key sample --label-key class --out model.json",
            "  groundmetric train -i synth200d_paper.h5ad --sample-key distribution \\",
            "      --label-key class --filter split=train --threads 2 --out synth200d.model.json",
            "  groundmetric train -i synth200d_paper.h5ad --sample-key distribution --label-key class \\",
            "      --filter split=train --form diagonal --out synth200d.diagonal.json",
            ""
        })
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Mixin
    PreprocessingOptions preprocessing;

    @Option(names = "--form", paramLabel = "FORM", defaultValue = "low-rank",
            description = "${COMPLETION-CANDIDATES}. low-rank: d(x, y) = ‖W(x − y)‖ with W of rank k (k×D), the"
                    + " paper's main form. diagonal: d(x, y) = ‖diag(w)(x − y)‖, one weight w ≥ 0 per gene (the"
                    + " paper's diagonal variant; gene importance w²); its transport costs are built in D"
                    + " dimensions, so select genes (--gene-filter) or use --pca first on large data."
                    + " Default: ${DEFAULT-VALUE}.")
    MetricForm form;

    @Option(names = {"-k", "--rank"}, paramLabel = "K", defaultValue = "5",
            description = "Rank k: rows of W, the dimension cells are projected to (default: ${DEFAULT-VALUE};"
                    + " low-rank form only).")
    int rank;

    @Option(names = {"-t", "--neighbours", "--neighbors"}, paramLabel = "T|all", defaultValue = "3",
            converter = NeighboursChoice.class,
            description = "Neighbours t: samples drawn per class for every anchor sample; all = every sample of"
                    + " the class, so each epoch holds every triplet (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "10",
            description = "Triplet margin alpha (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--lambda", paramLabel = "LAMBDA", defaultValue = "0.1",
            description = "Regularisation weight lambda (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--reg", paramLabel = "R", defaultValue = "fro",
            description = "Regulariser R(W): ${COMPLETION-CANDIDATES}. fro = Frobenius norm (the reference"
                    + " code's default), l1 = elementwise sum of |W_rj| (sparse W), matrix-l1 = the matrix 1-norm,"
                    + " the largest column sum of |W| (the reference code's torch.linalg.norm(W, ord=1), which the"
                    + " paper's synthetic runs call L1), none (default: ${DEFAULT-VALUE}). With"
                    + " --feature-scaling standardize it applies to W in standardised units.")
    Regulariser reg;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.01",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}; betas 0.9/0.999, eps 1e-8, moments kept across epochs).")
    double lr;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128",
            description = "Triplets per Adam step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "Epochs, each with freshly drawn triplets (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--triplets", paramLabel = "STRATEGY", defaultValue = "random",
            description = "${COMPLETION-CANDIDATES}. random: the paper's draw; nearest: the t nearest samples"
                    + " under the current metric, recomputed every epoch (hard-triplet mining, costs one distance"
                    + " matrix per epoch). Default: ${DEFAULT-VALUE}.")
    TripletStrategy triplets;

    @Option(names = "--batch-order", paramLabel = "ORDER", defaultValue = "auto",
            description = BatchOrderOption.DESCRIPTION)
    BatchOrder batchOrder;

    @Option(names = "--init", paramLabel = "START", defaultValue = "random",
            description = "W's start, ${COMPLETION-CANDIDATES}: random = Uniform(-1,1) from --seed (the reference), pca = top-k principal axes (default: ${DEFAULT-VALUE}).")
    Initialisation init;

    @Option(names = "--feature-scaling", paramLabel = "SCALING", defaultValue = "standardize",
            description = "${COMPLETION-CANDIDATES}. standardize: optimise W in units of each feature's"
                    + " standard deviation, so features on very different scales (Synth2D's ×1000 axis) are"
                    + " learned as fast as the rest; the saved W is in the data's own units. none: the paper's"
                    + " plain parametrisation. Default: ${DEFAULT-VALUE}.")
    FeatureScaling featureScaling;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "auto", converter = SolverConverter.class,
            completionCandidates = SolverConverter.Names.class,
            description = "Transport solver of the training pairs: auto (exact, the fastest for each pair: equal-size"
                    + " samples through an assignment warm-started from the pair's last solve, others through the network"
                    + " simplex; 'exact' means the same), network-simplex, assignment, or sinkhorn (entropic: the loss"
                    + " takes the entropic objective and its exact gradient; see --sinkhorn-reg). Default: ${DEFAULT-VALUE}.")
    Solver solver;

    @Option(names = "--class-weight", paramLabel = "none|balanced|auto", defaultValue = "auto",
            description = "How often each class anchors triplets: none = every sample with a partner of its class"
                    + " once (the paper), balanced = every class equally often (as many anchors per epoch, shared"
                    + " equally among the classes), auto = balanced when the largest class has at least 2x the"
                    + " samples of the smallest, else none. The model records the weight used. Default: ${DEFAULT-VALUE}.")
    ClassWeight classWeight;

    @Option(names = "--sinkhorn-reg", paramLabel = "R", defaultValue = "0.05",
            description = "With --solver sinkhorn: the entropic regulariser as a fraction of each pair's mean cost, as"
                    + " emd's --reg (default: ${DEFAULT-VALUE}).")
    double sinkhornReg;

    @Mixin
    SummaryOption summary;


    @Mixin
    EngineOptions engine;

    @Mixin
    BatchOptions batches;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL.json",
            description = "Where to write the model (JSON; written to a temporary file, then renamed).")
    Path out;

    @Option(names = "--keep-reference",
            description = "Store every training sample's id, class and projected cells (k floats per cell) in"
                    + " the model, so 'groundmetric predict' needs only the model and the new data.")
    boolean keepReference;



    @Mixin
    RunOptions run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (form == MetricForm.DIAGONAL && OptionRules.given(spec, "--rank")) {
            throw new IllegalArgumentException("--rank has no effect with --form diagonal (a diagonal metric has one"
                    + " weight per feature); leave it out");
        }
        GgmlConfig config = config();
        engine.check();
        Outputs.check(Outputs.inputs(input.input()), Outputs.named("--out", out));
        AnnData data = input.read(w -> warn(err, w));
        // read before training: a --use-rep embedding's gene loadings that do not fit fail now, not after it
        Representation representation = input.representation(data.features());
        Preprocessing request = preprocessing.request();
        Cohort raw = input.cohort(data, true, request, w -> warn(err, w));
        Preprocessing.Result prepared = request.fit(raw, w -> warn(err, w));
        Cohort cohort = prepared.cohort();
        // batch-aware triplets anchor every sample once: auto means none there
        ClassWeight weight = Ggml.classWeight(config.classWeight(), batches.correction());
        stdout.printf(Locale.ROOT, "samples=%d classes=%d cells=%d features=%d  %s t=%s alpha=%s lambda=%s reg=%s"
                + " class_weight=%s%s%n", cohort.size(), cohort.classNames().size(), cohort.cellCount(),
                cohort.featureCount(), form == MetricForm.DIAGONAL ? "form=diagonal" : "rank=" + config.rank(),
                TripletSampler.describe(config.neighbours()), alpha, lambda, reg,
                weight.resolve(ClassBalance.sizes(cohort)) + (config.classWeight() != ClassWeight.AUTO ? ""
                        : weight == ClassWeight.AUTO ? " (auto)" : " (auto, batch-aware)"),
                config.summary() == null ? "" : " summary=" + config.summary());
        stdout.flush();
        long start = System.nanoTime();
        double[] summarisingSeconds = {0};
        TrainingListener summarising = new TrainingListener() {
            @Override
            public void samplesSummarised(int samples, double seconds) {
                summarisingSeconds[0] = seconds;
            }
        };
        TrainedMetric model;
        try (ComputeEngine compute = engine.open(config.threads())) {
            Ggml ggml = batches.apply(new Ggml(config));
            // The local engine is the learner's own thread pool; others get the batch's transport problems.
            model = ("local".equals(compute.name()) ? ggml : ggml.withEngine(compute)).train(cohort,
                    TrainingListener.all(summarising,
                            run.quiet ? TrainingListener.NONE
                                    : new TrainingProgress(ProgressBar.unlessQuiet(false, "triplets"), stdout)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        model = batches.measure(model, cohort, config.threads(), run.progress("pairs"), stdout)
                .withPreprocessing(prepared.preprocessing()).withRepresentation(representation);
        if (keepReference) {
            model = model.withReference(cohort);
        }
        model.write(out);
        double epochSeconds = 0;
        for (EpochRecord r : model.history()) {
            epochSeconds += r.seconds();
        }
        // Per epoch on the trainer's own clock; what came before the first epoch (summarising the
        // samples, feature statistics) is said apart, summarising (k-means) by itself.
        stdout.printf(Locale.ROOT, "trained %s in %.2f s (%.3f s per epoch, %d epochs, %d threads, %s batch order%s;"
                        + " %.2f s before the first epoch%s); final loss %.6g%n",
                form == MetricForm.DIAGONAL ? "w (" + cohort.featureCount() + " weights)"
                        : "W (" + config.rank() + "×" + cohort.featureCount() + ")",
                seconds, epochSeconds / config.epochs(), config.epochs(), config.threads(),
                model.config().batchOrder(), config.batchOrder() == BatchOrder.AUTO ? " (auto)" : "",
                seconds - epochSeconds,
                config.summary() == null ? "" : String.format(Locale.ROOT, ", %.2f s of it summarising the samples"
                        + " (%s)", summarisingSeconds[0], config.summary()),
                model.history().get(model.history().size() - 1).loss());
        stdout.printf("model written to %s%n", out);
        stdout.flush();
        return 0;
    }

    GgmlConfig config() {
        int workers = run.threads();
        return GgmlConfig.builder()
                .rank(rank).neighbours(neighbours).alpha(alpha).lambda(lambda)
                .regulariser(reg)
                .learningRate(lr).batchSize(batchSize).epochs(epochs)
                .seed(preprocessing.seed()).threads(workers)
                .triplets(triplets)
                .batchOrder(batchOrder)
                .init(init)
                .featureScaling(featureScaling)
                .solver(solver).sinkhornReg(sinkhornReg)
                .classWeight(classWeight)
                .form(form)
                .summary(summary.summary(preprocessing.seed()))
                .build();
    }

    private static void warn(PrintWriter err, String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
