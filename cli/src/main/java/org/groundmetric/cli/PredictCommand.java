package org.groundmetric.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.learn.MahalanobisModel;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.predict.Predictor;
import org.groundmetric.predict.SamplePredictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric predict}: classify new samples with a trained model and name their nearest known samples. */
@Command(name = "predict",
        header = "Classifies new samples (patients) with a trained model; nearest reference samples.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Places new samples (patients) among the training samples under a trained metric: computes",
            "the Wasserstein distance W_θ from each new sample to every reference sample, predicts the",
            "class by a vote of the --k nearest and lists the --nearest reference samples with their",
            "distances. The vote is distance-weighted (scikit-learn's KNeighborsClassifier,",
            "weights=\"distance\"), and class-balanced (each neighbour also weighted by the inverse of its",
            "class's share of the reference) when the reference's largest class has at least twice the",
            "samples of its smallest; --vote chooses. The output says which vote was used.",
            "",
            "The model's preprocessing is replayed on the new cells: genes are matched by name (any",
            "order; a model gene missing from the data is an error), normalisation, gene selection and",
            "PCA as in training, cell subsampling with the training seed (smaller samples kept whole).",
            "The reference is the one kept in the model ('train --keep-reference'), or the training",
            "data given with --reference (read with the same --sample-key and --label-key).",
            "With --label-key the new samples' labels are compared: balanced accuracy, accuracy and the",
            "ROC AUC of the class probabilities.",
            "A model trained on summarised samples (train --summarize) summarises the new samples the",
            "same way and compares centroids (its kept reference holds centroids); --full-samples",
            "compares every cell instead (then give the training data with --reference).",
            "",
            "Output (--out, tab-separated, one row per new sample): sample, class (with --label-key),",
            "predicted, p_CLASS for each of the model's classes, then nearest1, distance1, … .",
            "",
            "--metric euclidean (with --reference) predicts under the Euclidean metric on the features, no",
            "model file: the baseline a learned metric has to beat.",
            "",
            "Example (train on one split of a file, predict the other):",
            "  groundmetric train --input synth2d.h5ad --filter split=train --sample-key distribution \\",
            "      --label-key class --keep-reference --out model.json",
            "  groundmetric predict --model model.json --input synth2d.h5ad --filter split=test \\",
            "      --sample-key distribution --label-key class --out predictions.tsv",
            "  groundmetric predict --metric euclidean --input synth2d.h5ad --filter split=test \\",
            "      --reference synth2d.h5ad --reference-filter split=train --sample-key distribution \\",
            "      --label-key class --out predictions-euclidean.tsv",
            ""
        })
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOrMetricOption model;

    @Mixin
    InputOptions input;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5",
            description = "Neighbours in the distance-weighted vote (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    VoteOption voting;

    @Option(names = "--nearest", paramLabel = "N",
            description = "Nearest reference samples listed per new sample (default: the same as --k).")
    Integer nearest;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "The training data, when the model keeps no reference: read with the same"
                    + " --sample-key, --label-key, --layer and gene names, and the model's preprocessing.")
    Path reference;

    @Option(names = "--reference-filter", paramLabel = "COLUMN=VALUE[,VALUE…]",
            description = "Cells of --reference to use, as --filter (e.g. split=train). Default: every cell.")
    List<String> referenceFilters = new ArrayList<>();

    @Option(names = "--reference-label-key", paramLabel = "COLUMN",
            description = "Label column of --reference when it differs from --label-key.")
    String referenceLabelKey;

    @Option(names = "--confidence", paramLabel = "LEVEL",
            description = "Also give each sample a conformal prediction set (column set_LEVEL): the classes that cannot"
                    + " be excluded at this confidence, e.g. 0.9, calibrated on the reference samples by leave-one-out (the"
                    + " vote's p_CLASS are not calibrated). The set holds the true class of about LEVEL or more of new samples"
                    + " drawn like the reference; it is never empty. Default: none.")
    Double confidence;

    @Option(names = "--out", required = true, paramLabel = "predictions.tsv",
            description = "Per-sample predictions (tab-separated).")
    Path out;

    @Mixin
    FullSamplesOption fullSamples;

    @Option(names = "--distances-out", paramLabel = "W.tsv",
            description = "Also write W_θ: one row per new sample, one column per reference sample.")
    Path distancesOut;

    @Option(names = "--write-h5ad", paramLabel = "samples.h5ad",
            description = "Also write a samples-level AnnData: one obs row per new sample with its constant obs"
                    + " columns, predicted and p_CLASS; X = W_θ to the reference samples (var, with their labels).")
    Path writeH5ad;




    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (confidence != null && !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("--confidence " + confidence + " is not a level in (0, 1); e.g. --confidence 0.9");
        }
        OptionRules.requires(spec, "--reference-filter", reference != null, "--reference FILE");
        OptionRules.requires(spec, "--reference-label-key", reference != null, "--reference FILE");
        Outputs.check(Outputs.inputs(input.input(), model.path(), reference),
                Outputs.named("--out", out, "--distances-out", distancesOut, "--write-h5ad", writeH5ad));
        if (model.path() == null) {
            return predictEuclidean(stdout, err);
        }
        TrainedMetric read = TrainedMetric.read(model.path());
        TrainedMetric m = fullSamples.apply(read);
        Cohort referenceCohort = null;
        if (reference == null && read.hasReference() && !m.hasReference()) {
            throw new IllegalArgumentException("--full-samples compares every cell, but model " + model.path()
                    + " keeps only its reference samples' centroids (it was trained with --summarize " + read.summary()
                    + "): give the training data with --reference FILE, or leave out --full-samples");
        }
        if (reference != null) {
            referenceCohort = referenceInput().cohort(true, m.preprocessingSteps(), w -> warn(err, w));
        } else if (!m.hasReference()) {
            throw new IllegalArgumentException("model " + model.path() + " keeps no reference samples: give the training data"
                    + " with --reference FILE, or train with --keep-reference");
        }
        return predictAndWrite(m, referenceCohort, stdout, err);
    }

    /**
     * --metric euclidean: W = I on the features of the --reference samples (no preprocessing), the
     * Euclidean baseline of a prediction without a model file.
     */
    private int predictEuclidean(PrintWriter stdout, PrintWriter err) {
        if (reference == null) {
            throw new IllegalArgumentException("--metric euclidean has no model that keeps reference samples: give the"
                    + " labelled samples to compare with as --reference FILE");
        }
        if (fullSamples.fullSamples) {
            throw new IllegalArgumentException("--full-samples goes with a model trained on summaries; --metric"
                    + " euclidean compares every cell anyway");
        }
        Cohort referenceCohort = referenceInput().cohort(true, Preprocessing.NONE, w -> warn(err, w));
        if (referenceCohort.featureCount() > ModelOrMetricOption.MAX_IDENTITY_FEATURES) {
            throw new IllegalArgumentException("--metric euclidean builds W = I over the " + referenceCohort.featureCount()
                    + " features, more than " + ModelOrMetricOption.MAX_IDENTITY_FEATURES + "; use an embedding"
                    + " (--use-rep X_pca) or the euclidean.json of 'benchmark --save-models'");
        }
        TrainedMetric m = MahalanobisModel.euclidean(referenceCohort.featureNames(), Preprocessing.NONE,
                referenceCohort.classNames());
        return predictAndWrite(m, referenceCohort, stdout, err);
    }

    private int predictAndWrite(TrainedMetric m, Cohort referenceCohort, PrintWriter stdout, PrintWriter err) {
        AnnData newCells = input.read(w -> warn(err, w));
        Cohort newSamples = input.cohort(newCells, false, m.preprocessingSteps(), w -> warn(err, w));
        Predictor predictor = new Predictor(k, nearest == null ? k : nearest, run.threads(),
                ProgressBar.unlessQuiet(run.quiet, "pairs"), voting.vote);
        long start = System.nanoTime();
        SamplePredictions p = predictor.predict(m, newSamples, referenceCohort, w -> warn(err, w));
        ConformalSets sets = confidence == null ? null : ConformalSets.of(m, referenceCohort, p, k, confidence,
                run.threads(), ProgressBar.unlessQuiet(run.quiet, "pairs"), w -> warn(err, w));
        double seconds = (System.nanoTime() - start) / 1e9;
        try (OutputFiles files = new OutputFiles()) {
            files.write(out, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                writeTsv(w, p, input.labelKey() != null, sets);
                w.flush();
            });
            if (distancesOut != null) {
                files.write(distancesOut, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    DistancesCommand.writeTsv(w, p.distances());
                    w.flush();
                });
            }
            if (writeH5ad != null) {
                SamplesAnnData.write(files, SamplesAnnData.ofPredictions(p, SamplesAnnData.metadata(newCells.obs(),
                        input.sampleKey(), input.labelKey(), newSamples), referenceLabels(m, referenceCohort),
                        input.labelKey() != null ? input.labelKey() : "class", model.describe()), writeH5ad);
            }
            files.commit();
        }
        stdout.printf(Locale.ROOT, "samples=%d reference=%d (%s) k=%d vote=%s%s seconds=%.1f%n", p.rows().size(),
                p.distances().columnIds().size(), reference != null ? reference.toString() : "kept in the model", k,
                p.vote().label(), voting.vote == null ? " (automatic)" : "", seconds);
        if (p.scores() != null) {
            stdout.printf(Locale.ROOT, "balanced_accuracy=%.4f accuracy=%.4f auc=%.4f (%d labelled samples)%n",
                    p.balancedAccuracy(), p.accuracy(), p.auc(), p.labelled());
        }
        if (sets != null) {
            stdout.printf(Locale.ROOT, "conformal sets at confidence %s: mean size %.2f%s%n", confidence, sets.meanSize(),
                    sets.labelled() == 0 ? "" : String.format(Locale.ROOT, ", coverage %.4f (%d of %d true classes in their set)",
                            (double) sets.covered() / sets.labelled(), sets.covered(), sets.labelled()));
        }
        stdout.println("wrote " + String.join(" and ", java.util.stream.Stream.of(out, distancesOut, writeH5ad)
                .filter(java.util.Objects::nonNull).map(Path::toString).toList()));
        stdout.flush();
        return 0;
    }

    /** Each reference sample's class: from --reference, or as the model kept them. */
    private static Map<String, String> referenceLabels(TrainedMetric m, Cohort referenceCohort) {
        Map<String, String> labels = new HashMap<>();
        if (referenceCohort != null) {
            referenceCohort.samples().forEach(s -> labels.put(s.id(), s.classLabel()));
        } else {
            m.reference().forEach(r -> labels.put(r.id(), r.classLabel()));
        }
        return labels;
    }

    /** The reference data read like the input: same keys, layer and gene names; its own file and filters. */
    private InputOptions referenceInput() {
        InputOptions r = new InputOptions();
        r.input = reference;
        r.sampleKey = input.sampleKey;
        r.labelKey = referenceLabelKey != null ? referenceLabelKey : input.labelKey;
        if (r.labelKey == null) {
            throw new IllegalArgumentException("--reference needs the class labels of its samples: give --label-key"
                    + " (or --reference-label-key) naming the training label column");
        }
        r.labelPolicy = input.labelPolicy;
        r.layer = input.layer;
        r.useRep = input.useRep;
        r.geneNamesFrom = input.geneNamesFrom;
        r.cellMetadata = input.cellMetadata;
        r.metadataColumns = input.metadataColumns;
        r.dropNonFiniteCells = input.dropNonFiniteCells;
        r.filters = referenceFilters;
        return r;
    }

    /**
     * Header: sample, [class,] predicted, p_CLASS…, nearest1, distance1, …; numbers in shortest exact
     * form; ids and classes quoted when they hold a tab, a quote or a line break.
     */
    static void writeTsv(Writer w, SamplePredictions p, boolean withClass) throws java.io.IOException {
        writeTsv(w, p, withClass, null);
    }

    /** As above, with a last column set_LEVEL (classes joined by commas) when {@code sets} is given. */
    static void writeTsv(Writer w, SamplePredictions p, boolean withClass, ConformalSets sets) throws java.io.IOException {
        int listed = p.rows().isEmpty() ? 0 : p.rows().get(0).nearest().size();
        StringBuilder line = new StringBuilder("sample");
        if (withClass) {
            line.append("\tclass");
        }
        line.append("\tpredicted");
        for (String c : p.classNames()) {
            line.append('\t').append(field("p_" + c));
        }
        for (int t = 1; t <= listed; t++) {
            line.append("\tnearest").append(t).append("\tdistance").append(t);
        }
        if (sets != null) {
            line.append("\tset_").append(sets.confidence());
        }
        w.write(line.append('\n').toString());
        int row = 0;
        for (SamplePredictions.Row r : p.rows()) {
            line.setLength(0);
            line.append(field(r.sampleId()));
            if (withClass) {
                line.append('\t').append(field(r.trueClass()));
            }
            line.append('\t').append(field(r.predictedClass()));
            for (double v : r.probabilities()) {
                line.append('\t').append(v);
            }
            for (SamplePredictions.Neighbour n : r.nearest()) {
                line.append('\t').append(field(n.id())).append('\t').append(n.distance());
            }
            if (sets != null) {
                line.append('\t').append(field(sets.sets().get(row)));
            }
            row++;
            w.write(line.append('\n').toString());
        }
    }

    /** A text field of the table: quoted when it holds a tab, a quote or a line break. */
    private static String field(String text) {
        return DelimitedText.field(text, '\t');
    }

    private static void warn(PrintWriter err, String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
