package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every exact solver on the problem families that are hard for a solver looking at the cheapest
 * arcs first (clouds far apart, clusters with unequal proportions, many dimensions, unequal sizes,
 * non-uniform weights, other metrics, ties, repeated points): each answer carries its own proof —
 * marginals, and duals feasible on all n·m arcs and tight on the plan (so the plan is optimal by
 * LP duality) — and all solvers agree on the value to 1e-9.
 */
class ExactSolversTest {

    @TestFactory
    Stream<DynamicTest> everySolverIsProvenOptimalOnEveryFamily() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String family : new String[] {"far", "clusters", "dim20", "unequal", "weights", "sqeuclidean",
            "cityblock", "ties", "duplicates", "tiny"}) {
            for (int n : new int[] {7, 90, 260}) {
                tests.add(DynamicTest.dynamicTest(family + " n=" + n, () -> checkAll(problem(family, n, n))));
            }
        }
        for (String family : new String[] {"far", "clusters"}) {
            // large enough for AUTO to pick the assignment
            tests.add(DynamicTest.dynamicTest(family + " n=300", () -> checkAll(problem(family, 300, 1))));
        }
        return tests.stream();
    }

    private static void checkAll(PointClouds p) {
        CostMatrix m = p.costs();
        Transport plain = new NetworkSimplex().solve(p.a(), p.b(), m);
        PlanChecks.assertOptimalPlan(p.a(), p.b(), m, plain, 1e-12);
        double scale = Math.max(1, plain.value());
        List<Solver> solvers = new ArrayList<>(List.of(Solver.AUTO, Solver.NETWORK_SIMPLEX));
        if (Solver.fitsAssignment(p)) {
            solvers.add(Solver.ASSIGNMENT);
        }
        for (Solver s : solvers) {
            Transport t = s.solve(p);
            assertTrue(t.converged(), s + " converged");
            assertEquals(plain.value(), t.value(), 1e-9 * scale, s + " value");
            PlanChecks.assertOptimalPlan(p.a(), p.b(), m, t, 1e-12);
        }
        // the network simplex from any start potentials, even nonsense ones, is exact
        double[] nonsense = new double[p.m()];
        SplittableRandom rng = new SplittableRandom(p.n());
        for (int j = 0; j < nonsense.length; j++) {
            nonsense[j] = 100 * rng.nextGaussian();
        }
        Transport fromNonsense = new NetworkSimplex().solve(p.a(), p.b(), m, nonsense);
        assertEquals(plain.value(), fromNonsense.value(), 1e-9 * scale, "from nonsense potentials");
        PlanChecks.assertOptimalPlan(p.a(), p.b(), m, fromNonsense, 1e-12);
    }

    @Test
    void autoPicksTheAssignmentForEqualUniformCloudsAndTheNetworkSimplexOtherwise() {
        assertEquals(Solver.ASSIGNMENT, Solver.AUTO.resolve(problem("far", 300, 100)));
        assertEquals(Solver.ASSIGNMENT, Solver.AUTO.resolve(problem("cityblock", 600, 100)));
        assertEquals(Solver.NETWORK_SIMPLEX, Solver.AUTO.resolve(problem("far", 200, 100)), "small clouds");
        assertEquals(Solver.NETWORK_SIMPLEX, Solver.AUTO.resolve(problem("unequal", 100, 100)));
        assertEquals(Solver.NETWORK_SIMPLEX, Solver.AUTO.resolve(problem("weights", 100, 100)));
        assertEquals(Solver.NETWORK_SIMPLEX, Solver.AUTO.resolve(problem("dim20", 100, 100)), "many dimensions");
        assertEquals(Solver.NETWORK_SIMPLEX, Solver.AUTO.resolve(problem("duplicates", 100, 100)), "merged points");
        PointClouds far = problem("far", 100, 100);
        PointClouds cosine = new PointClouds(far.x(), far.n(), far.y(), far.m(), far.dim(), far.a(), far.b(),
                PointMetric.COSINE);
        assertEquals(Solver.NETWORK_SIMPLEX, Solver.AUTO.resolve(cosine));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Solver.ASSIGNMENT.solve(problem("unequal", 50, 50)));
        assertTrue(e.getMessage().contains("equal size (got 50 and 30 points)"), e.getMessage());
    }

    @Test
    void theSimplexTakesACoarseStartInManyDimensionsOnlyFromAThousandPoints() {
        assertTrue(CoarseDuals.paysForNetworkSimplex(problem("far", 300, 300)), "5-D, 300 points");
        assertFalse(CoarseDuals.paysForNetworkSimplex(problem("far", 50, 50)), "too small in any dimension");
        assertFalse(CoarseDuals.paysForNetworkSimplex(problem("dim20", 300, 300)), "20-D, 300 points");
        assertTrue(CoarseDuals.paysForNetworkSimplex(problem("dim20", 1000, 1000)), "20-D, 1000 points");
    }

    @Test
    void repeatedPointsAreMergedAndSplitBack() {
        PointClouds p = problem("duplicates", 300, 300);
        DuplicatePoints merged = DuplicatePoints.of(p);
        assertNotNull(merged, "300 points on 27 grid positions are merged");
        assertTrue(merged.problem().n() <= 27 && merged.problem().m() <= 27, merged.problem().n() + " merged rows");
        assertNull(DuplicatePoints.of(problem("far", 300, 300)), "nothing to merge in continuous clouds");
        // −0.0 and 0.0 are the same point
        double[] x = {0.0, 1, -0.0, 1, 2, 2};
        PointClouds signed = PointClouds.uniform(x, 3, x.clone(), 3, 2, PointMetric.EUCLIDEAN);
        assertEquals(2, DuplicatePoints.of(signed).problem().n());
    }

    @Test
    void kdClustersCoverEveryPointWithWeightedCentres() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 103;
        int dim = 3;
        double[] p = new double[n * dim];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rng.nextDouble();
            for (int q = 0; q < dim; q++) {
                p[i * dim + q] = rng.nextGaussian() * (q + 1);
            }
        }
        KdClusters k = KdClusters.of(p, w, n, dim, 12);
        assertEquals(12, k.count);
        double[] mass = new double[k.count];
        double[][] centre = new double[k.count][dim];
        int[] size = new int[k.count];
        for (int i = 0; i < n; i++) {
            mass[k.label[i]] += w[i];
            size[k.label[i]]++;
            for (int q = 0; q < dim; q++) {
                centre[k.label[i]][q] += w[i] * p[i * dim + q];
            }
        }
        for (int c = 0; c < k.count; c++) {
            assertTrue(size[c] == 8 || size[c] == 9, "equal counts: " + size[c]);
            assertEquals(mass[c], k.mass[c], 1e-12);
            for (int q = 0; q < dim; q++) {
                assertEquals(centre[c][q] / mass[c], k.centres[c * dim + q], 1e-12);
            }
        }
        assertEquals(5, KdClusters.of(p, w, 5, dim, 12).count, "never more clusters than points");
    }

    /** Seeded problems of the named family, n source points (fewer target points for "unequal"). */
    static PointClouds problem(String family, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 31 + family.hashCode());
        return switch (family) {
            case "far" -> uniform(normal(rng, n, 4, 0), normal(rng, n, 4, 5), 4, PointMetric.EUCLIDEAN);
            case "clusters" -> clusters(rng, n, 5);
            case "dim20" -> uniform(normal(rng, n, 20, 0), normal(rng, n, 20, 0.3), 20, PointMetric.EUCLIDEAN);
            case "unequal" -> uniform(normal(rng, n, 3, 0), normal(rng, (int) Math.round(0.6 * n), 3, 2), 3,
                    PointMetric.EUCLIDEAN);
            case "weights" -> weighted(rng, uniform(normal(rng, n, 3, 0), normal(rng, n, 3, 5), 3,
                    PointMetric.EUCLIDEAN));
            case "sqeuclidean" -> uniform(normal(rng, n, 3, 0), normal(rng, n, 3, 1), 3, PointMetric.SQEUCLIDEAN);
            case "cityblock" -> uniform(normal(rng, n, 3, 0), normal(rng, n, 3, 1), 3, PointMetric.CITYBLOCK);
            case "ties" -> uniform(grid(rng, n, 6, 0), grid(rng, n, 6, 1), 2, PointMetric.EUCLIDEAN);
            case "duplicates" -> uniform(grid(rng, n, 3, 0), grid(rng, n, 3, 1), 3, PointMetric.EUCLIDEAN);
            case "tiny" -> weighted(rng, uniform(normal(rng, 3, 2, 0), normal(rng, 2, 2, 1), 2, PointMetric.EUCLIDEAN));
            default -> throw new IllegalArgumentException(family);
        };
    }

    private static PointClouds uniform(double[] x, double[] y, int dim, PointMetric metric) {
        return PointClouds.uniform(x, x.length / dim, y, y.length / dim, dim, metric);
    }

    private static PointClouds weighted(SplittableRandom rng, PointClouds p) {
        return new PointClouds(p.x(), p.n(), p.y(), p.m(), p.dim(), randomWeights(rng, p.n()), randomWeights(rng, p.m()),
                p.metric());
    }

    private static double[] randomWeights(SplittableRandom rng, int n) {
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = rng.nextDouble() < 0.1 ? 0 : -Math.log(1 - rng.nextDouble());
            total += w[i];
        }
        if (total == 0) {
            w[0] = total = 1;
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return w;
    }

    private static double[] normal(SplittableRandom rng, int n, int dim, double shift) {
        double[] p = new double[n * dim];
        for (int k = 0; k < p.length; k++) {
            p[k] = rng.nextGaussian() + shift;
        }
        return p;
    }

    /** Four clusters with different proportions in the two clouds, so mass must cross between clusters. */
    private static PointClouds clusters(SplittableRandom rng, int n, int dim) {
        double[] centres = normal(rng, 4, dim, 0);
        for (int k = 0; k < centres.length; k++) {
            centres[k] *= 6;
        }
        double[] x = new double[n * dim];
        double[] y = new double[n * dim];
        for (int i = 0; i < n; i++) {
            int cx = i % 4;
            int cy = (i * 7 / n) % 4;
            for (int q = 0; q < dim; q++) {
                x[i * dim + q] = centres[cx * dim + q] + rng.nextGaussian();
                y[i * dim + q] = centres[cy * dim + q] + rng.nextGaussian() + 0.5;
            }
        }
        return uniform(x, y, dim, PointMetric.EUCLIDEAN);
    }

    private static double[] grid(SplittableRandom rng, int n, int side, int shift) {
        int dim = side == 3 ? 3 : 2;
        double[] p = new double[n * dim];
        for (int k = 0; k < p.length; k++) {
            p[k] = rng.nextInt(side) + (k % dim == 0 ? shift : 0);
        }
        return p;
    }
}
