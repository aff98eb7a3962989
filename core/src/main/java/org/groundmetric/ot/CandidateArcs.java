package org.groundmetric.ot;

import java.util.Arrays;

/**
 * The sparse arcs an assignment is solved on: for each row i its candidate columns with their
 * costs cᵢⱼ, and the row's floor θᵢ, a lower bound on cᵢⱼ − vⱼ over every column j that is not a
 * candidate. Column potentials only fall while a solve runs, so a floor, once set, stays a bound.
 */
final class CandidateArcs {
    private final int[][] col;
    private final double[][] cost;
    private final int[] count;
    /** θᵢ: a lower bound on cᵢⱼ − vⱼ over the columns j that are not row i's candidates. */
    final double[] floor;

    /** Room for {@code perRow} arcs in each of n rows at first (rows grow when arcs are admitted). */
    CandidateArcs(int n, int perRow) {
        col = new int[n][perRow];
        cost = new double[n][perRow];
        count = new int[n];
        floor = new double[n];
    }

    int count(int i) {
        return count[i];
    }

    /** Row i's candidate columns (the first {@link #count(int)} entries are in use). */
    int[] columns(int i) {
        return col[i];
    }

    /** The costs of row i's candidates, beside {@link #columns(int)}. */
    double[] costs(int i) {
        return cost[i];
    }

    /** Drops all of row i's arcs. */
    void clearRow(int i) {
        count[i] = 0;
    }

    /** Adds arc (i, j) of cost c, growing the row when it is full. */
    void add(int i, int j, double c) {
        if (count[i] == col[i].length) {
            col[i] = Arrays.copyOf(col[i], 2 * count[i]);
            cost[i] = Arrays.copyOf(cost[i], 2 * count[i]);
        }
        col[i][count[i]] = j;
        cost[i][count[i]++] = c;
    }

    /** The cost of candidate arc (i, j). */
    double costOf(int i, int j) {
        int[] cols = col[i];
        for (int e = 0; e < count[i]; e++) {
            if (cols[e] == j) {
                return cost[i][e];
            }
        }
        throw new IllegalStateException("column " + j + " is not a candidate of row " + i);
    }

    /** Sets u[i] to the minimum of c − v over row i's arcs; returns that arc's position. */
    int rowMinimum(int i, double[] u, double[] v) {
        int[] cols = col[i];
        double[] costs = cost[i];
        int best = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int e = 0; e < count[i]; e++) {
            double r = costs[e] - v[cols[e]];
            if (r < min) {
                min = r;
                best = e;
            }
        }
        u[i] = min;
        return best;
    }

    /** The largest cost among all arcs (at least the smallest positive double). */
    double largestCost() {
        double largest = Double.MIN_NORMAL;
        for (int i = 0; i < count.length; i++) {
            for (int e = 0; e < count[i]; e++) {
                largest = Math.max(largest, cost[i][e]);
            }
        }
        return largest;
    }
}
