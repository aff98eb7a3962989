package org.groundmetric.learn;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.groundmetric.IllegalParameterException;

/**
 * Keeping a named nuisance (the batch) out of the learned metric, recorded in the model. Training
 * with it draws batch-aware triplets ({@link BatchAwareTriplets}: positive from another batch,
 * negative from the anchor's batch where the cohort has them) and adds a penalty of weight γ of the
 * chosen {@link BatchPenaltyForm}: on W's stretch along the directions that separate batches within
 * a class ({@link BatchPenalty}), or on the transport distance between batches within a class
 * ({@link BatchTransportPenalty}).
 *
 * @param batchKey    the cell annotation (obs column) naming each sample's batch
 * @param penalty     γ, the weight of the penalty (0: batch-aware triplets only)
 * @param penaltyForm what γ weighs; files written before the transport form read as alignment
 * @param separation  the batch-separation score of the trained metric on its training samples: within a
 *                    class, the chance that a sample's own-batch class-mate is nearer than one from
 *                    another batch (0.5: the metric ignores the batch); null until measured
 */
public record BatchCorrection(String batchKey, double penalty, BatchPenaltyForm penaltyForm,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Double separation) {

    /**
     * γ when none is given: 0, the batch-aware triplets alone. On the confounded synthetic cohorts they
     * removed the batch by themselves; the alignment penalty added no accuracy there and let noise
     * features grow (README, "Batches, significance and confidence", for the transport penalty's figures).
     */
    public static final double DEFAULT_PENALTY = 0.0;

    /** The form of the penalty when none is given. */
    public static final BatchPenaltyForm DEFAULT_FORM = BatchPenaltyForm.ALIGNMENT;

    public BatchCorrection {
        if (batchKey == null || batchKey.isBlank()) {
            throw new IllegalParameterException("BatchCorrection.batchKey", "a batch key is needed: the obs column naming"
                    + " each sample's batch (e.g. batch, site)");
        }
        if (!(penalty >= 0) || !Double.isFinite(penalty)) {
            throw new IllegalParameterException("BatchCorrection.penalty", "batch penalty = " + penalty
                    + "; expected a finite number ≥ 0");
        }
        if (penaltyForm == null) {
            penaltyForm = BatchPenaltyForm.ALIGNMENT;
        }
    }

    /** Correction for {@code batchKey} with the default penalty. */
    public static BatchCorrection of(String batchKey) {
        return new BatchCorrection(batchKey, DEFAULT_PENALTY, DEFAULT_FORM, null);
    }

    /** The same correction with penalty γ of the given form. */
    public BatchCorrection withPenalty(double gamma, BatchPenaltyForm form) {
        return new BatchCorrection(batchKey, gamma, form, separation);
    }

    /** The same correction with the trained metric's batch-separation score. */
    public BatchCorrection withSeparation(double score) {
        return new BatchCorrection(batchKey, penalty, penaltyForm, Double.isNaN(score) ? null : score);
    }
}
