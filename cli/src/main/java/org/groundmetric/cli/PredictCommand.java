package org.groundmetric.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.io.AtomicOutput;
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
            "class by a distance-weighted vote of the --k nearest (scikit-learn's KNeighborsClassifier,",
            "weights=\"distance\") and lists the --nearest reference samples with their distances.",
            "",
            "The model's preprocessing is replayed on the new cells: genes are matched by name (any",
            "order; a model gene missing from the data is an error), normalisation, gene selection and",
            "PCA as in training, cell subsampling with the training seed (smaller samples kept whole).",
            "The reference is the one kept in the model ('train --keep-reference'), or the training",
            "data given with --reference (read with the same --sample-key and --label-key).",
            "With --label-key the new samples' labels are compared: accuracy and balanced accuracy.",
            "",
            "Output (--out, tab-separated, one row per new sample): sample, class (with --label-key),",
            "predicted, p_CLASS for each of the model's classes, then nearest1, distance1, … .",
            "",
            "Example (train on one split of a file, predict the other):",
            "  groundmetric train --input synth2d.h5ad --filter split=train --sample-key distribution \\",
            "      --label-key class --keep-reference --out model.json",
            "  groundmetric predict --model model.json --input synth2d.h5ad --filter split=test \\",
            "      --sample-key distribution --label-key class --out predictions.tsv",
            ""
        })
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    InputOptions input;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5",
            description = "Neighbours in the distance-weighted vote (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--nearest", paramLabel = "N",
            description = "Nearest reference samples listed per new sample (default: the same as --k).")
    Integer nearest;

    @Option(names = "--reference", paramLabel = "FILE",
            description = {"The training data, when the model keeps no reference: read with the same",
                "--sample-key, --label-key, --layer and gene names, and the model's preprocessing."})
    Path reference;

    @Option(names = "--reference-filter", paramLabel = "COLUMN=VALUE[,VALUE…]",
            description = "Cells of --reference to use, as --filter (e.g. split=train). Default: every cell.")
    List<String> referenceFilters = new ArrayList<>();

    @Option(names = "--reference-label-key", paramLabel = "COLUMN",
            description = "Label column of --reference when it differs from --label-key.")
    String referenceLabelKey;

    @Option(names = "--out", required = true, paramLabel = "predictions.tsv",
            description = "Per-sample predictions (tab-separated).")
    Path out;

    @Option(names = "--distances-out", paramLabel = "W.tsv",
            description = "Also write W_θ: one row per new sample, one column per reference sample.")
    Path distancesOut;




    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainedMetric m = TrainedMetric.read(model.path());
        Cohort referenceCohort = null;
        if (reference != null) {
            referenceCohort = referenceInput().cohort(true, m.preprocessingSteps(), w -> warn(err, w));
        } else if (!m.hasReference()) {
            throw new IllegalArgumentException("model " + model.path() + " keeps no reference samples: give the training data"
                    + " with --reference FILE, or train with --keep-reference");
        }
        Cohort newSamples = input.cohort(false, m.preprocessingSteps(), w -> warn(err, w));
        Predictor predictor = new Predictor(k, nearest == null ? k : nearest, run.threads(),
                ProgressBar.unlessQuiet(run.quiet, "pairs"));
        long start = System.nanoTime();
        SamplePredictions p = predictor.predict(m, newSamples, referenceCohort, w -> warn(err, w));
        double seconds = (System.nanoTime() - start) / 1e9;
        AtomicOutput.write(out, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            writeTsv(w, p, input.labelKey() != null);
            w.flush();
        });
        if (distancesOut != null) {
            AtomicOutput.write(distancesOut, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                DistancesCommand.writeTsv(w, p.distances());
                w.flush();
            });
        }
        stdout.printf(Locale.ROOT, "samples=%d reference=%d (%s) k=%d seconds=%.1f%n", p.rows().size(),
                p.distances().columnIds().size(), reference != null ? reference.toString() : "kept in the model", k, seconds);
        if (p.scores() != null) {
            stdout.printf(Locale.ROOT, "accuracy=%.4f balanced_accuracy=%.4f (%d labelled samples)%n", p.accuracy(),
                    p.balancedAccuracy(), p.labelled());
        }
        stdout.println("wrote " + out + (distancesOut != null ? " and " + distancesOut : ""));
        stdout.flush();
        return 0;
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
        r.filters = referenceFilters;
        return r;
    }

    /** Header: sample, [class,] predicted, p_CLASS…, nearest1, distance1, …; numbers in shortest exact form. */
    static void writeTsv(Writer w, SamplePredictions p, boolean withClass) throws java.io.IOException {
        int listed = p.rows().isEmpty() ? 0 : p.rows().get(0).nearest().size();
        StringBuilder line = new StringBuilder("sample");
        if (withClass) {
            line.append("\tclass");
        }
        line.append("\tpredicted");
        for (String c : p.classNames()) {
            line.append("\tp_").append(c);
        }
        for (int t = 1; t <= listed; t++) {
            line.append("\tnearest").append(t).append("\tdistance").append(t);
        }
        w.write(line.append('\n').toString());
        for (SamplePredictions.Row r : p.rows()) {
            line.setLength(0);
            line.append(r.sampleId());
            if (withClass) {
                line.append('\t').append(r.trueClass() == null ? "" : r.trueClass());
            }
            line.append('\t').append(r.predictedClass());
            for (double v : r.probabilities()) {
                line.append('\t').append(v);
            }
            for (SamplePredictions.Neighbour n : r.nearest()) {
                line.append('\t').append(n.id()).append('\t').append(n.distance());
            }
            w.write(line.append('\n').toString());
        }
    }

    private static void warn(PrintWriter err, String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
