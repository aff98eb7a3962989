package org.groundmetric.ot;

/** Assignment solvers with a round limit, for tests outside this package that need one to give up. */
public final class LimitedAssignments {
    private LimitedAssignments() {
    }

    /** An assignment workspace for n points of k coordinates that stops after one round. */
    public static CandidateArcAssignment oneRound(int n, int k) {
        return new CandidateArcAssignment(n, k, PointMetric.EUCLIDEAN, 1);
    }
}
