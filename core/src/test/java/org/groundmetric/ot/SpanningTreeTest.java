package org.groundmetric.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The basis tree's links after every pivot: the thread is one preorder walk of the parent links
 * (each subtree a run that starts at its node and ends at its last node), the sizes count the
 * runs, and the potentials price every tree arc at zero. A pivot relinks the thread only around
 * the moved subtree, so a slip there leaves a thread that no longer matches the parents.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)   // a broken thread can loop forever
class SpanningTreeTest {

    @Test
    void everyPivotFromTheRootStartKeepsThreadSizesAndPotentials() {
        for (String family : new String[] {"far", "clusters", "unequal", "weights", "ties", "duplicates"}) {
            PointClouds p = ExactSolversTest.problem(family, 70, 5);
            CostMatrix cost = p.costs();
            SpanningTree tree = new SpanningTree(p.a(), p.b(), cost.values(), p.n(), p.m());
            int pivots = pivotToOptimum(tree, cost, CandidateList.cheapestPerRow(cost.values(), p.n(), p.m()));
            assertTrue(pivots > 50, family + ": " + pivots + " pivots");
        }
    }

    @Test
    void everyPivotFromTheGreedyForestKeepsThreadSizesAndPotentials() {
        PointClouds p = ExactSolversTest.problem("weights", 90, 8);
        CostMatrix cost = p.costs();
        int n = p.n();
        int m = p.m();
        double[] v = CoarseDuals.columnPotentials(p);
        double[] u = GreedyBasisTest.cTransform(cost.values(), n, m, v);
        CandidateList list = CandidateList.fromDuals(cost.values(), n, m, u, v);
        GreedyBasis basis = GreedyBasis.of(p.a(), SpanningTree.balancedDemand(p.a(), p.b()), cost.values(), n, m,
                list, u, v);
        SpanningTree tree = new SpanningTree(cost.values(), n, m, basis, u, v);
        assertTrue(pivotToOptimum(tree, cost, list) > 20);
    }

    /** Pivots as the network simplex does, checking the tree after the start and after each pivot. */
    private static int pivotToOptimum(SpanningTree tree, CostMatrix cost, CandidateList list) {
        double eps = 64 * Math.ulp(tree.artCost);
        checkTree(tree, cost);
        int pivots = 0;
        do {
            long in;
            while ((in = list.findEnteringArc(tree.pi, eps)) >= 0) {
                tree.pivot(in);
                pivots++;
                checkTree(tree, cost);
            }
            tree.recomputePotentials();
        } while (list.appendNegativeArcs(tree.pi, eps) > 0);
        return pivots;
    }

    private static void checkTree(SpanningTree tree, CostMatrix cost) {
        int count = tree.nodes + 1;
        int root = tree.root;
        int[] position = new int[count];
        java.util.Arrays.fill(position, -1);
        int u = root;
        for (int k = 0; k < count; k++) {
            assertEquals(-1, position[u], "node " + u + " twice on the thread");
            position[u] = k;
            assertEquals(u, tree.revThread[tree.thread[u]], "revThread inverts thread at " + u);
            u = tree.thread[u];
        }
        assertEquals(root, u, "the thread returns to the root after every node");
        int[] childSizes = new int[count];
        for (int x = 0; x < tree.nodes; x++) {
            childSizes[tree.parent[x]] += tree.size[x];
        }
        for (int x = 0; x < count; x++) {
            int first = position[x];
            int end = position[tree.last[x]];
            assertEquals(end - first + 1, tree.size[x], "the run of " + x + " holds its subtree");
            assertEquals(1 + childSizes[x], tree.size[x], "size of " + x);
            if (x != root) {
                int p = tree.parent[x];
                assertTrue(position[p] < first && end <= position[tree.last[p]],
                        "the run of " + x + " lies inside its parent's");
                long arc = tree.arcAbove(x);
                if (arc >= 0) {
                    int i = (int) (arc / tree.m);
                    int j = (int) (arc % tree.m);
                    double reduced = cost.values()[(int) arc] + tree.pi[i] - tree.pi[tree.n + j];
                    assertEquals(0, reduced, 1e-9 * (1 + Math.abs(tree.pi[i])), "tree arc " + i + "→" + j);
                }
            }
        }
    }
}
