package org.groundmetric.ot;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * Makes transport solvers, one per thread or cluster task. Serializable so a compute engine can
 * ship it to another machine: a method reference such as {@code NetworkSimplex::new} passed where a
 * SolverFactory is expected is serializable by itself.
 */
@FunctionalInterface
public interface SolverFactory extends Supplier<TransportSolver>, Serializable {

    /** Adapts a plain supplier; the result serializes only if the supplier does. */
    static SolverFactory of(Supplier<? extends TransportSolver> solvers) {
        if (solvers instanceof SolverFactory f) {
            return f;
        }
        return solvers::get;
    }
}
