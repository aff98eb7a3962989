package org.groundmetric.learn;

/** How W is initialised before the first step. */
public enum Initialization {
    /** Every entry Uniform(−1, 1) from the seed, as the reference implementation. */
    RANDOM,
    /** The top-k principal axes of the pooled training cells (in the optimisation coordinates). */
    PCA
}
