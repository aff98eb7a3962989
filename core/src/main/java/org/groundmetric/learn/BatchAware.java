package org.groundmetric.learn;

import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleBatches;
import org.groundmetric.linalg.CellMatrix;

/**
 * What {@link Ggml} uses, per training run, to keep a batch out of the metric: the batch-aware
 * triplet draw and the penalty of the correction's form (the other form's γ is 0), all built from
 * the samples' batches.
 */
record BatchAware(BatchAwareTriplets sampler, BatchPenalty penalty, BatchTransportPenalty transport) {

    static BatchAware of(BatchCorrection correction, Cohort cohort, List<CellMatrix> cells, int[] classOf,
                         double[] scale, int neighbours, ClassWeight weight) {
        if (weight != ClassWeight.NONE) {
            throw new IllegalParameterException("GgmlConfig.classWeight", "batch-aware triplets anchor every sample once,"
                    + " as the paper; class weight " + weight + " is not combined with a batch key (use class weight"
                    + " none or auto)");
        }
        SampleBatches batches = SampleBatches.of(cohort, correction.batchKey());
        batches.requireSeparableFrom(classOf, cohort.classNames().size());
        boolean transport = correction.penaltyForm() == BatchPenaltyForm.TRANSPORT;
        return new BatchAware(new BatchAwareTriplets(classOf, batches.batchOf(), neighbours),
                BatchPenalty.of(transport ? 0 : correction.penalty(), cells, classOf, batches.batchOf(), scale),
                new BatchTransportPenalty(transport ? correction.penalty() : 0, classOf, batches.batchOf()));
    }

    /** One epoch's triplets: the t nearest by {@code distances} (n×n) when given, else a random draw. */
    List<Triplet> triplets(double[] distances, SplittableRandom rng) {
        return distances != null ? sampler.nearest(distances) : sampler.random(rng);
    }

    /** The mini-batch's objective with the penalty: its loss includes P(V), its gradient P's gradient. */
    TripletObjective.Evaluation evaluate(TripletObjective objective, double[] v, List<Triplet> batch) {
        TripletObjective.Evaluation e = objective.evaluate(v, batch, transport.pairs(batch), transport.gamma());
        double aligned = penalty.addGradient(v, e.gradient());
        return new TripletObjective.Evaluation(e.loss() + aligned, e.tripletLoss(), e.gradient(), e.activeTriplets());
    }
}
