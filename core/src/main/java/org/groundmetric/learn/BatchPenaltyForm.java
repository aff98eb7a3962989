package org.groundmetric.learn;

/** What the batch penalty γ weighs ({@link BatchCorrection}). */
public enum BatchPenaltyForm {
    /**
     * W's stretch along the mean-cell offsets that separate batches within a class
     * ({@link BatchPenalty}), normalised so γ does not depend on the batch effect's size.
     */
    ALIGNMENT,
    /**
     * The mean transport distance W_θ(X_i, X_j) over the pairs of one class and different batches
     * among each mini-batch's samples ({@link BatchTransportPenalty}), with the exact gradient through
     * each pair's optimal plan, as the triplets.
     */
    TRANSPORT;

    /** The spelling of the command line and the model file. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
