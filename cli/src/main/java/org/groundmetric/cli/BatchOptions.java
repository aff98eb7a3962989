package org.groundmetric.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleBatches;
import org.groundmetric.eval.BatchSeparation;
import org.groundmetric.eval.BenchmarkResult;
import org.groundmetric.eval.GridSearch;
import org.groundmetric.learn.BatchCorrection;
import org.groundmetric.learn.BatchPenaltyForm;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;
import picocli.CommandLine.Option;

/** {@code --batch-key} and {@code --batch-penalty}: keep a named nuisance (site, chemistry, day) out of the metric. */
final class BatchOptions {

    @Option(names = "--batch-key", paramLabel = "COLUMN",
            description = "obs column naming each sample's batch (site, chemistry, processing day) to keep out of"
                    + " the metric: triplets take their positive from another batch and their negative from the anchor's"
                    + " batch where the cohort has such samples. train reports the batch-separation score (0.5: the metric"
                    + " ignores the batch, 1: it separates batches within every class). Refused when no class has samples"
                    + " in two batches. Default: none.")
    String batchKey;

    @Option(names = "--batch-penalty", paramLabel = "GAMMA",
            description = "With --batch-key: weight γ of a penalty of --batch-penalty-form added to every mini-batch's"
                    + " loss (default: " + BatchCorrection.DEFAULT_PENALTY + ", the batch-aware triplets alone).")
    Double batchPenalty;

    @Option(names = "--batch-penalty-form", paramLabel = "FORM",
            description = "With --batch-penalty: what γ weighs, ${COMPLETION-CANDIDATES}. alignment = W's stretch"
                    + " along the mean-cell offsets that separate batches within a class, normalised so γ does not depend on"
                    + " the batch effect's size; transport = the mean W_θ between the mini-batch's samples of one class and"
                    + " different batches, with the exact gradient through their optimal plans (γ in units of the"
                    + " triplets' hinge: 0.1 to 1). Example: --batch-key site --batch-penalty 0.3 --batch-penalty-form"
                    + " transport. Default: alignment.")
    BatchPenaltyForm batchPenaltyForm;

    /** The correction asked for, or null without --batch-key. */
    BatchCorrection correction() {
        if (batchKey == null) {
            if (batchPenalty != null || batchPenaltyForm != null) {
                throw new IllegalArgumentException((batchPenalty != null ? "--batch-penalty" : "--batch-penalty-form")
                        + " needs --batch-key COLUMN");
            }
            return null;
        }
        return BatchCorrection.of(batchKey).withPenalty(
                batchPenalty == null ? BatchCorrection.DEFAULT_PENALTY : batchPenalty,
                batchPenaltyForm == null ? BatchCorrection.DEFAULT_FORM : batchPenaltyForm);
    }

    /** The learner keeping the batch out, when asked. */
    Ggml apply(Ggml ggml) {
        return ggml.withBatches(correction());
    }

    /**
     * With --batch-key: the batch-separation score of {@code model} on {@code cohort} (its W_θ
     * matrix), printed and recorded in the returned model; the model itself without.
     */
    TrainedMetric measure(TrainedMetric model, Cohort cohort, int threads, Progress progress, PrintWriter out) {
        if (batchKey == null) {
            return model;
        }
        double score = separation(cohort, model.metric(), threads, progress);
        out.printf(Locale.ROOT, "batch_separation=%.3f (batch %s; 0.5: the metric ignores the batch, 1: it separates"
                + " batches within every class)%n", score, batchKey);
        out.flush();
        return model.withBatches(model.batches().withSeparation(score));
    }

    /** Batch index of every sample of {@code cohort}, or null without --batch-key. */
    int[] batchOf(Cohort cohort) {
        return batchKey == null ? null : SampleBatches.of(cohort, batchKey).batchOf();
    }

    /**
     * With --batch-key: one line per method that trained batch-aware, the mean batch-separation score
     * of its held-out samples' W_θ over the fits where it is defined.
     */
    void report(BenchmarkResult result, List<String> methods, PrintWriter out) {
        if (batchKey == null) {
            return;
        }
        for (String method : methods) {
            double[] scores = result.fits().stream()
                    .filter(f -> f.ok() && f.method().equals(method) && !Double.isNaN(f.batchSeparation()))
                    .mapToDouble(BenchmarkResult.Fit::batchSeparation).toArray();
            if (scores.length > 0) {
                out.printf(Locale.ROOT, "batch_separation=%.3f (%s, held-out samples, mean over %d fits; batch %s;"
                        + " 0.5: the metric ignores the batch, 1: it separates batches within every class)%n",
                        Arrays.stream(scores).average().orElseThrow(), method, scores.length, batchKey);
            }
        }
        out.flush();
    }

    /**
     * With --batch-key: the best grid point's batch-separation score, of the validation samples against
     * their fit's training samples (or a line saying why it is undefined).
     */
    void report(GridSearch.Grid grid, PrintWriter out) {
        if (batchKey == null) {
            return;
        }
        GridSearch.Cell best = grid.best();
        if (Double.isNaN(best.batchSeparation())) {
            out.printf(Locale.ROOT, "batch_separation=NaN (no validation sample had training class-mates both in its"
                    + " own batch %s and in another)%n", batchKey);
        } else {
            out.printf(Locale.ROOT, "batch_separation=%.3f (GGML at alpha=%s lambda=%s, validation samples against"
                    + " their fit's training samples; batch %s; 0.5: the metric ignores the batch, 1: it separates"
                    + " batches within every class)%n", best.batchSeparation(), best.alpha(), best.lambda(), batchKey);
        }
        out.flush();
    }

    /** The batch-separation score of the W_θ matrix under {@code metric}. */
    double separation(Cohort cohort, org.groundmetric.metric.GroundMetric metric, int threads, Progress progress) {
        SampleBatches batches = SampleBatches.of(cohort, batchKey);
        WassersteinMatrix d;
        try (ComputeEngine engine = ComputeEngine.local(threads)) {
            d = WassersteinMatrix.pairwise(cohort.samples(), metric, Solver.AUTO, engine, progress);
        }
        return BatchSeparation.score(d.distances(), cohort.classIndices(), batches.batchOf());
    }
}
