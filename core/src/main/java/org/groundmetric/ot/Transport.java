package org.groundmetric.ot;

/**
 * The solution of one transport problem.
 *
 * @param value      the optimal (or, for entropic solvers, the transport) cost Σ πᵢⱼ Mᵢⱼ
 * @param plan       the transport plan, sparse
 * @param u          dual potential of the source marginal (length n)
 * @param v          dual potential of the target marginal (length m); exact solvers guarantee
 *                   uᵢ + vⱼ ≤ Mᵢⱼ with equality on the plan's support
 * @param iterations pivots (network simplex) or sweeps (Sinkhorn) taken
 * @param converged  false when an iteration limit stopped the solver before its tolerance was met
 */
public record Transport(double value, TransportPlan plan, double[] u, double[] v, long iterations,
                        boolean converged) {
}
