package org.groundmetric.ot;

/**
 * Checks of the marginal weights of a transport problem, shared by every solver, so each bad input
 * is refused with the same message naming the argument ({@code a} = source, {@code b} = target).
 */
final class Weights {

    /** Total masses may differ by this much, relative to the larger. */
    static final double MASS_TOLERANCE = 1e-9;

    private Weights() {
    }

    /** Refuses weights that do not fit the cost matrix or do not form a balanced problem. */
    static void checkProblem(double[] a, double[] b, CostMatrix cost) {
        if (cost == null) {
            throw new IllegalArgumentException("cost matrix M is null; expected an n×m matrix");
        }
        double sumA = check("a", a, cost.rows(), "row", " of the cost matrix");
        double sumB = check("b", b, cost.cols(), "column", " of the cost matrix");
        checkBalance(sumA, sumB);
    }

    /** Refuses total masses that differ by more than {@link #MASS_TOLERANCE} relative. */
    static void checkBalance(double sumA, double sumB) {
        if (Math.abs(sumA - sumB) > MASS_TOLERANCE * Math.max(sumA, sumB)) {
            throw new IllegalArgumentException("weights a sum to " + sumA + " but weights b sum to " + sumB
                    + "; balanced optimal transport needs equal total masses (to 1e-9 relative):"
                    + " normalise both, e.g. divide each by its sum");
        }
    }

    /**
     * Checks one weight vector, one weight per {@code what} (e.g. "row") {@code of} (e.g. " of the
     * cost matrix"), and returns its sum.
     */
    static double check(String name, double[] w, int expectedLength, String what, String of) {
        if (w == null || w.length == 0) {
            throw new IllegalArgumentException("weights " + name + " are empty; expected " + expectedLength
                    + " non-negative numbers (one per " + what + of + ")");
        }
        if (w.length != expectedLength) {
            throw new IllegalArgumentException("weights " + name + " have " + w.length + " values but there are "
                    + expectedLength + " " + what + "s" + of + "; give one weight per " + what);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double x = w[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("weights " + name + "[" + i + "] is " + x
                        + "; weights must be finite numbers");
            }
            if (x < 0) {
                throw new IllegalArgumentException("weights " + name + "[" + i + "] is " + x
                        + "; weights must be non-negative");
            }
            sum += x;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights " + name + " sum to 0; at least one weight must be positive");
        }
        return sum;
    }

    /** Whether every weight is the same. */
    static boolean allEqual(double[] w) {
        for (double value : w) {
            if (value != w[0]) {
                return false;
            }
        }
        return true;
    }

    /** The sum of the weights, in order. */
    static double total(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        return s;
    }
}
