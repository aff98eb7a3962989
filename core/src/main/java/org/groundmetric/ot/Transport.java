package org.groundmetric.ot;

/**
 * The solution of one transport problem.
 *
 * @param value          the optimal (or, for entropic solvers, the transport) cost Σ πᵢⱼ Mᵢⱼ
 * @param plan           the transport plan, sparse
 * @param u              dual potential of the source marginal (length n)
 * @param v              dual potential of the target marginal (length m); exact solvers guarantee
 *                       uᵢ + vⱼ ≤ Mᵢⱼ with equality on the plan's support
 * @param iterations     pivots (network simplex) or sweeps (Sinkhorn) taken
 * @param converged      false when an iteration limit stopped the solver before its tolerance was met
 * @param marginalError  Σᵢ |Σⱼ πᵢⱼ − aᵢ| + Σⱼ |Σᵢ πᵢⱼ − bⱼ| as the solver last measured it (0 for exact
 *                       solvers; for Sinkhorn the error reached, which exceeds the tolerance when
 *                       {@code converged} is false)
 */
public record Transport(double value, TransportPlan plan, double[] u, double[] v, long iterations,
                        boolean converged, double marginalError) implements java.io.Serializable {

    /** An exact solution (no marginal error). */
    public Transport(double value, TransportPlan plan, double[] u, double[] v, long iterations, boolean converged) {
        this(value, plan, u, v, iterations, converged, 0.0);
    }
}
