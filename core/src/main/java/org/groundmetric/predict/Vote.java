package org.groundmetric.predict;

/**
 * How the k nearest reference samples vote for a class.
 *
 * <p>{@link #automatic(long[])} is the default wherever a vote is taken (benchmark, tune, predict,
 * the stored predictor): {@link #BALANCED} when the largest class of the reference has at least
 * {@value #IMBALANCE_RATIO}× the samples of the smallest, else {@link #DISTANCE}. On a 16/4
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

    /** The ratio of largest to smallest class from which {@link #automatic} balances the vote. */
    public static final int IMBALANCE_RATIO = 2;

    /**
     * BALANCED when the largest class is at least {@value #IMBALANCE_RATIO}× the smallest
     * (classes without samples do not count), else DISTANCE.
     *
     * @param classSizes samples per class of the reference
     */
    public static Vote automatic(long[] classSizes) {
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (long n : classSizes) {
            if (n > 0) {
                smallest = Math.min(smallest, n);
                largest = Math.max(largest, n);
            }
        }
        return largest > 0 && largest >= IMBALANCE_RATIO * smallest ? BALANCED : DISTANCE;
    }

    /** Samples per class (index 0..numClasses−1; negative labels are not counted). */
    public static long[] classSizes(int[] labels, int numClasses) {
        long[] sizes = new long[numClasses];
        for (int c : labels) {
            if (c >= 0 && c < numClasses) {
                sizes[c]++;
            }
        }
        return sizes;
    }

    /** "distance" or "balanced", as the command line and the model file write it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
