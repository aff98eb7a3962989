package org.groundmetric.predict;

import org.groundmetric.data.ClassBalance;

/**
 * How the k nearest reference samples vote for a class.
 *
 * <p>{@link #automatic(long[])} is the default wherever a vote is taken (benchmark, tune, predict,
 * the stored predictor): {@link #BALANCED} when the largest class of the reference has at least
 * {@value ClassBalance#IMBALANCE_RATIO}× the samples of the smallest, else {@link #DISTANCE}. On a 16/4
 * cohort a distance-weighted 5-NN vote nearly always has a majority of majority-class neighbours,
 * so it predicts the majority class for everyone however well the metric ranks the samples.
 */
public enum Vote {
    /** scikit-learn's weights="distance": each neighbour weighs 1/d. */
    DISTANCE,
    /**
     * Class-balanced: each neighbour weighs 1/d times the inverse of its class's share of the
     * reference (n / n_c), so every class has the same total prior weight. On equal class sizes
     * it equals {@link #DISTANCE}.
     */
    BALANCED;

    /**
     * BALANCED when the classes are imbalanced ({@link ClassBalance#imbalanced}: the largest has at
     * least twice the samples of the smallest), else DISTANCE.
     *
     * @param classSizes samples per class of the reference
     */
    public static Vote automatic(long[] classSizes) {
        return ClassBalance.imbalanced(classSizes) ? BALANCED : DISTANCE;
    }

    /** "distance" or "balanced", as the command line and the model file write it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@link #label()}: the command line's choices are listed and read by it. */
    @Override
    public String toString() {
        return label();
    }
}
