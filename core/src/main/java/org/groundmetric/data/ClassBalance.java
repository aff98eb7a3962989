package org.groundmetric.data;

/**
 * Samples per class, and the rule that switches on the class-balanced defaults (the kNN vote,
 * GGML's triplet anchors): a cohort is imbalanced when its largest class has at least
 * {@value #IMBALANCE_RATIO}× the samples of its smallest (classes without samples do not count).
 */
public final class ClassBalance {

    /** The ratio of largest to smallest class from which a cohort counts as imbalanced. */
    public static final int IMBALANCE_RATIO = 2;

    private ClassBalance() {
    }

    /** Samples per class of {@link Cohort#classNames()}; unlabelled samples are not counted. */
    public static long[] sizes(Cohort cohort) {
        return sizes(cohort.classIndices(), cohort.classNames().size());
    }

    /** Samples per class index 0..numClasses−1 (negative labels are not counted). */
    public static long[] sizes(int[] labels, int numClasses) {
        long[] sizes = new long[numClasses];
        for (int c : labels) {
            if (c >= 0 && c < numClasses) {
                sizes[c]++;
            }
        }
        return sizes;
    }

    /** True when the largest class has at least {@value #IMBALANCE_RATIO}× the samples of the smallest. */
    public static boolean imbalanced(long[] sizes) {
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (long n : sizes) {
            if (n > 0) {
                smallest = Math.min(smallest, n);
                largest = Math.max(largest, n);
            }
        }
        return largest > 0 && largest >= IMBALANCE_RATIO * smallest;
    }
}
