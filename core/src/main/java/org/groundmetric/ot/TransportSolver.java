package org.groundmetric.ot;

/**
 * Solves the balanced transport problem min Σ πᵢⱼ Mᵢⱼ s.t. π1 = a, πᵀ1 = b, π ≥ 0.
 * Implementations are stateless or thread-confined; one instance may be shared by threads only
 * when it says so.
 */
public interface TransportSolver {

    /**
     * @param a    source weights (length n, non-negative, finite)
     * @param b    target weights (length m, non-negative, finite, same total as {@code a} up to 1e-9 relative)
     * @param cost the n×m cost matrix
     */
    Transport solve(double[] a, double[] b, CostMatrix cost);
}
