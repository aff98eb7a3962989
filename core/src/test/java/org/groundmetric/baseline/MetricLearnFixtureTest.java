package org.groundmetric.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.groundmetric.predict.ClassificationScores;
import org.groundmetric.predict.WeightedKnn;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fixtures/metric_learn.json: 90 points in 5 dimensions where only the first axis carries the class;
 * metric-learn's Mahalanobis matrix and leave-one-out 5-NN accuracy for LFDA(k=3), NCA(max_iter=200),
 * ITML_Supervised() and LMNN(n_neighbors=3). Ours must reach the same accuracy within 0.03; the
 * matrices of LFDA, NCA and LMNN must agree up to scale (LMNN to rounding).
 */
class MetricLearnFixtureTest {
    private static JsonNode fixture;
    private static LabelledPoints points;

    @BeforeAll
    static void load() {
        fixture = Fixtures.load("metric_learn.json");
        points = LabelledPoints.of(Fixtures.matrix(fixture.get("X")), Fixtures.ints(fixture.get("y")));
    }

    private static double looAccuracy(Mahalanobis m) {
        double[][] d = m.distances(points);
        int[] pred = new WeightedKnn(5, WeightedKnn.Weights.UNIFORM).predictLeaveOneOut(d, points.y(), points.numClasses()).labels();
        return ClassificationScores.of(points.y(), pred, points.numClasses()).accuracy();
    }

    private static void assertAccuracyLikeMetricLearn(String name, Mahalanobis m) {
        double expected = fixture.get("results").get(name).get("loo_5nn_accuracy").asDouble();
        double got = looAccuracy(m);
        assertEquals(expected, got, 0.03, name + ": leave-one-out 5-NN accuracy " + got + " vs metric-learn's " + expected);
    }

    /**
     * metric-learn computes the local scales as {@code np.partition(dist, k, axis=0)[:, k]}: column k
     * of a partially sorted matrix, i.e. one point's distances in an order that depends on numpy's
     * selection algorithm (and its version). We use the scale the method defines (each point's
     * distance to its k-th nearest neighbour in its class), so M agrees up to scale to about 2 %
     * (Frobenius distance of M/‖M‖), not to rounding: a numpy transcription of metric-learn's fit
     * gives 0.018 with the textbook scale and 0.007 with its partition formula under this machine's
     * numpy, so even metric-learn does not reproduce its own fixture exactly. The fixture is itself
     * within 0.018 of the class axis alone, diag(1, 0, 0, 0, 0): this comparison says little beyond
     * that axis (on the four noise axes ours and metric-learn's differ by 22 %).
     */
    @Test
    void lfdaEqualsMetricLearnUpToScale() {
        Mahalanobis m = new Lfda(3).fit(points, Budget.unlimited());
        double d = distanceUpToScale("LFDA", m);
        assertTrue(d < 0.025, "relative Frobenius distance " + d);
        assertAccuracyLikeMetricLearn("LFDA", m);
    }

    /** L (d×d) with LᵀL = M, by pivoted Cholesky. */
    private static double[] factor(Mahalanobis m) {
        PivotedCholesky c = PivotedCholesky.of(m, m.d(), 0);
        double[] l = new double[m.d() * m.d()];
        System.arraycopy(c.w(), 0, l, 0, c.w().length);
        return l;
    }

    private static double[] flatten(double[][] a) {
        double[] out = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * a[0].length, a[0].length);
        }
        return out;
    }

    /** ‖M/‖M‖ − M'/‖M'‖‖_F between metric-learn's matrix (M') and ours: 0 when they agree up to scale. */
    private static double distanceUpToScale(String name, Mahalanobis m) {
        double[][] expected = Fixtures.matrix(fixture.get("results").get(name).get("mahalanobis"));
        int d = expected.length;
        double normE = 0;
        double normM = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                normE += expected[i][j] * expected[i][j];
                normM += m.get(i, j) * m.get(i, j);
            }
        }
        double diff = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double t = expected[i][j] / Math.sqrt(normE) - m.get(i, j) / Math.sqrt(normM);
                diff += t * t;
            }
        }
        return Math.sqrt(diff);
    }

    /** A feature constant within every class makes S_w singular; LFDA still weights the class axis. */
    @Test
    void lfdaSurvivesAConstantFeature() {
        double[][] rows = new double[points.n()][6];
        for (int i = 0; i < points.n(); i++) {
            for (int j = 0; j < 5; j++) {
                rows[i][j] = points.get(i, j);
            }
            rows[i][5] = 3.0; // like a gene without counts in the subsample
        }
        Mahalanobis m = new Lfda(3).fit(LabelledPoints.of(rows, points.y()), Budget.unlimited());
        for (double v : m.m()) {
            assertTrue(Double.isFinite(v));
        }
        for (int j = 1; j < 5; j++) {
            assertTrue(m.get(0, 0) > 10 * m.get(j, j), "M[0][0] = " + m.get(0, 0) + " vs M[" + j + "][" + j + "] = " + m.get(j, j));
        }
    }

    /**
     * NCA's optimum is flat here: metric-learn (scipy's L-BFGS-B, 200 iterations) and ours (200
     * iterations of our L-BFGS) stop at matrices 12 % apart up to scale (diag(1,0,0,0,0), which
     * passes the accuracy check, is 40 % away), with the same objective to 1e-6 points: Σ p_i = 83.0
     * of 90 for both.
     */
    @Test
    void ncaEqualsMetricLearnUpToScaleAndObjective() {
        Mahalanobis m = new Nca(200).fit(points, Budget.unlimited());
        Mahalanobis theirs = matrix("NCA");
        double d = distanceUpToScale("NCA", m);
        assertTrue(d < 0.15, "relative Frobenius distance " + d);
        assertEquals(Nca.expectedCorrect(points, factor(theirs)), Nca.expectedCorrect(points, factor(m)), 1e-6,
                "NCA's objective, ours against metric-learn's");
        assertAccuracyLikeMetricLearn("NCA", m);
    }

    @Test
    void itml() {
        assertAccuracyLikeMetricLearn("ITML", new Itml(0).fit(points, Budget.unlimited()));
    }

    /** LMNN is deterministic here (no random start, same push and pull): M equals metric-learn's up to scale to rounding. */
    @Test
    void lmnnEqualsMetricLearnUpToScale() {
        Mahalanobis m = new Lmnn().fit(points, Budget.unlimited());
        double d = distanceUpToScale("LMNN", m);
        assertTrue(d < 1e-9, "relative Frobenius distance " + d);
        assertAccuracyLikeMetricLearn("LMNN", m);
    }

    /**
     * The matrix checks of NCA and LMNN can fail: the class axis alone, diag(1, 0, 0, 0, 0), which
     * passes every accuracy check, is 0.40 (NCA) and 0.04 (LMNN) from their fixtures. (Not so for
     * LFDA and ITML: their fixtures are within 0.02 of that axis, so there the matrix comparison
     * checks little beyond the class axis; ITML's constraints are random draws we cannot repeat.)
     */
    @Test
    void theClassAxisAloneFailsTheNcaAndLmnnChecks() {
        double[] m = new double[25];
        m[0] = 1;
        Mahalanobis axis = new Mahalanobis(m, 5);
        assertTrue(distanceUpToScale("NCA", axis) > 0.3, "NCA: " + distanceUpToScale("NCA", axis));
        assertTrue(distanceUpToScale("LMNN", axis) > 0.03, "LMNN: " + distanceUpToScale("LMNN", axis));
        double[] l = new double[25];
        l[0] = 1;
        assertTrue(Nca.expectedCorrect(points, l) < Nca.expectedCorrect(points, factor(matrix("NCA"))) - 1,
                "NCA's objective tells the axis from metric-learn's optimum");
    }

    private static Mahalanobis matrix(String name) {
        return new Mahalanobis(flatten(Fixtures.matrix(fixture.get("results").get(name).get("mahalanobis"))), 5);
    }

    @Test
    void everyLearnerWeightsTheClassAxisMost() {
        for (Mahalanobis m : new Mahalanobis[] {new Lfda(3).fit(points, Budget.unlimited()),
                new Itml(0).fit(points, Budget.unlimited()), new Lmnn().fit(points, Budget.unlimited())}) {
            for (int j = 1; j < 5; j++) {
                assertTrue(m.get(0, 0) > 10 * m.get(j, j), "M[0][0] = " + m.get(0, 0) + " vs M[" + j + "][" + j + "] = " + m.get(j, j));
            }
        }
    }

    @Test
    void anExpiredTimeBudgetEndsTheFitAsOutOfTime() {
        Budget none = Budget.of(Duration.ZERO);
        for (Runnable fit : new Runnable[] {() -> new Lmnn().fit(points, none), () -> new Nca().fit(points, none),
                () -> new Itml(0).fit(points, none), () -> new Lfda().fit(points, none)}) {
            Budget.OutOfTimeException e = org.junit.jupiter.api.Assertions.assertThrows(Budget.OutOfTimeException.class, fit::run);
            assertEquals("exceeded the time budget of 0 ms", e.getMessage());
        }
    }

    @Test
    void aMemoryEstimateAboveTheBudgetIsOutOfMemory() {
        Budget small = Budget.of(Duration.ofMinutes(1), 10_000);
        Budget.OutOfMemoryBudgetException e = org.junit.jupiter.api.Assertions.assertThrows(
                Budget.OutOfMemoryBudgetException.class, () -> new Nca().fit(points, small));
        assertEquals("NCA's n×n softmax for 90 points needs about 1 MiB, more than the 1 MiB budget"
                + " (fewer cells or features, or a larger -Xmx)", e.getMessage());
    }
}
