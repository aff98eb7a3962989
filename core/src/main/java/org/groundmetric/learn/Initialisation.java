package org.groundmetric.learn;

/** How W is initialised before the first step. */
public enum Initialisation {
    /** Every entry Uniform(−1, 1) from the seed, as the reference implementation. */
    RANDOM,
    /** The top-k principal axes of the pooled training cells (in the optimisation coordinates). */
    PCA;

    /** The spelling of the command line and the model file. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
