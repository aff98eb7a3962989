package org.groundmetric.learn;

import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.SampleBatches;
import org.groundmetric.linalg.CellMatrix;

/**
 * What {@link Ggml} uses, per training run, to keep a batch out of the metric: the batch-aware
 * triplet draw and the penalty, both built from the samples' batches.
 */
record BatchAware(BatchAwareTriplets sampler, BatchPenalty penalty) {

    static BatchAware of(BatchCorrection correction, Cohort cohort, List<CellMatrix> cells, int[] classOf,
                         double[] scale, int neighbours, ClassWeight weight) {
        if (weight != ClassWeight.NONE) {
            throw new IllegalParameterException("GgmlConfig.classWeight", "batch-aware triplets anchor every sample once,"
                    + " as the paper; class weight " + weight + " is not combined with a batch key (use class weight"
                    + " none or auto)");
        }
        SampleBatches batches = SampleBatches.of(cohort, correction.batchKey());
        batches.requireSeparableFrom(classOf, cohort.classNames().size());
        return new BatchAware(new BatchAwareTriplets(classOf, batches.batchOf(), neighbours),
                BatchPenalty.of(correction.penalty(), cells, classOf, batches.batchOf(), scale));
    }

    /** One epoch's triplets: the t nearest by {@code distances} (n×n) when given, else a random draw. */
    List<Triplet> triplets(double[] distances, SplittableRandom rng) {
        return distances != null ? sampler.nearest(distances) : sampler.random(rng);
    }
}
