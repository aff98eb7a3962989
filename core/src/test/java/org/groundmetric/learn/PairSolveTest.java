package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.groundmetric.LocalEngine;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.CandidateArcAssignment;
import org.groundmetric.ot.LimitedAssignments;
import org.groundmetric.ot.NetworkSimplex;
import org.groundmetric.ot.PointClouds;
import org.groundmetric.ot.PointMetric;
import org.groundmetric.ot.Solver;
import org.junit.jupiter.api.Test;

/** A training pair's solve that does not converge is never used silently. */
class PairSolveTest {

    /**
     * The warm assignment gives up (one round from nonsense potentials): the pair is solved again
     * exactly, and its W_θ is the network simplex's.
     */
    @Test
    void anAssignmentThatGivesUpFallsBackToAnExactSolver() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200;
        int rank = 2;
        double[] x = new double[n * rank];
        double[] y = new double[n * rank];
        double[] start = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
            y[i] = 1.3 * rng.nextGaussian() + 2;
        }
        for (int j = 0; j < n; j++) {
            start[j] = 50 * rng.nextGaussian();
        }
        assertFalse(LimitedAssignments.oneRound(n, rank).solve(x, y, start.clone()).converged(),
                "the limited assignment must give up on this start");
        Map<Integer, CandidateArcAssignment> workspaces = new HashMap<>();
        workspaces.put(n, LimitedAssignments.oneRound(n, rank));
        double exact = new NetworkSimplex().solve(PointClouds.uniform(x, n, y, n, rank, PointMetric.EUCLIDEAN)).value();
        PairSolve.Solution s = PairSolve.solve(x, y, rank, Solver.AUTO, 0, 0, start, false, null, null, workspaces);
        assertEquals(exact, s.objective(), 1e-12 * exact);
    }

    /** Sinkhorn that cannot reach its tolerance fails the step with one line naming the pair. */
    @Test
    void sinkhornThatDoesNotConvergeFailsNamingTheSamplePair() {
        SplittableRandom rng = new SplittableRandom(5);
        List<CellMatrix> samples = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            samples.add(TripletObjectiveTest.randomCells(rng, 20 + s, 3, s));
        }
        double[] scale = {1, 1, 1};
        try (LocalEngine local = new LocalEngine(1)) {
            TrainingCells cells = new TrainingCells(samples, null, MetricForm.LOW_RANK, 2, scale);
            // a regulariser of 10⁻⁵ × the mean cost: far more sweeps than the limit to a tight tolerance
            TripletObjective objective = new TripletObjective(cells, 10, Regulariser.NONE, 0, local,
                    new PairTransports(local, 2, new PairSolve(2, Solver.SINKHORN, 1e-5, 1e-12),
                            new WarmStarts(false, WarmStarts.MAX_AGE, false)));
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> objective.evaluate(Ggml.uniformV(2, 3, 1), List.of(new Triplet(0, 1, 2))));
            String message = e.getMessage();
            assertTrue(message.matches(".*training samples #\\d and #\\d.*"), message);
            assertTrue(message.contains("did not reach marginal error 1.0E-12"), message);
            assertFalse(message.contains("\n"), "one line: " + message);
        }
    }
}
