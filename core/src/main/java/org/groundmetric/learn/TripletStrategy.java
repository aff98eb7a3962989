package org.groundmetric.learn;

/** How the triplets (i, j, k) of an epoch are chosen. */
public enum TripletStrategy {
    /** The paper's: for each sample j, t random samples i of its class and t random ones k of every other class. */
    RANDOM,
    /** Hard-triplet mining (beyond the paper): the t nearest under the current metric, recomputed each epoch. */
    NEAREST;

    /** The spelling of the command line and the model file. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
