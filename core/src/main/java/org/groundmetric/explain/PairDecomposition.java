package org.groundmetric.explain;

import java.io.Serializable;
import org.groundmetric.ot.CostMatrix;
import org.groundmetric.ot.TransportPlan;

/**
 * W_θ between two samples taken apart along its optimal plan. Every arc moves πᵢⱼ from cell i of
 * the first sample to cell j of the second at cost πᵢⱼ·cᵢⱼ; half of that cost is put on the group
 * of cell i and half on the group of cell j. An arc whose two cells share a group is a change of
 * state within that population; an arc between groups is a change of composition (mass that had to
 * move from one population to another). The parts sum to the distance.
 *
 * @param distance    Σ πᵢⱼ·cᵢⱼ over the plan, W_θ
 * @param state       per group, the cost of arcs with both cells in the group
 * @param composition per group, half the cost of every arc with one cell in the group and the other elsewhere
 * @param cellCostA   per cell of the first sample, the cost of the arcs leaving it, Σⱼ πᵢⱼ·cᵢⱼ
 * @param cellCostB   per cell of the second sample, the cost of the arcs reaching it, Σᵢ πᵢⱼ·cᵢⱼ
 */
public record PairDecomposition(double distance, double[] state, double[] composition, double[] cellCostA,
                                double[] cellCostB) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param plan   an optimal plan between the samples
     * @param cost   the ground costs the plan was solved on
     * @param groupA the group of each cell of the first sample (the plan's rows)
     * @param groupB the group of each cell of the second sample (its columns)
     * @param groups the number of groups
     */
    public static PairDecomposition of(TransportPlan plan, CostMatrix cost, int[] groupA, int[] groupB, int groups) {
        double[] state = new double[groups];
        double[] composition = new double[groups];
        double[] cellA = new double[groupA.length];
        double[] cellB = new double[groupB.length];
        int[] rows = plan.rows();
        int[] cols = plan.cols();
        double[] mass = plan.mass();
        double total = 0;
        for (int e = 0; e < mass.length; e++) {
            int i = rows[e];
            int j = cols[e];
            double c = mass[e] * cost.get(i, j);
            total += c;
            cellA[i] += c;
            cellB[j] += c;
            if (groupA[i] == groupB[j]) {
                state[groupA[i]] += c;
            } else {
                composition[groupA[i]] += c / 2;
                composition[groupB[j]] += c / 2;
            }
        }
        return new PairDecomposition(total, state, composition, cellA, cellB);
    }
}
