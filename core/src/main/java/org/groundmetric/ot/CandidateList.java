package org.groundmetric.ot;

import java.util.Arrays;

/**
 * The arcs the network simplex prices between full pricings, and its pivot rule. Pricing scans
 * this list, not all n·m arcs: it starts as each row's ~0.63·√m cheapest columns (where an optimal
 * plan of a metric cost almost entirely lives). Entering arcs are chosen from it by block search
 * (the most negative reduced cost in the first block of √(list size) candidates that has one).
 * When no candidate prices out negative, every arc is priced once and the negative ones join the
 * list.
 */
final class CandidateList {
    private final int n;
    private final int m;
    private final double[] c;      // costs, arc e = i*m + j

    private int[] listRow;         // candidate arcs (row i, column j) that pricing scans
    private int[] listCol;
    private double[] listCost;     // the candidate's cost, stored beside it so pricing reads sequentially
    private int listSize;
    private int nextArc;           // where the next block search starts in the list

    private CandidateList(double[] c, int n, int m, int capacity) {
        this.n = n;
        this.m = m;
        this.c = c;
        listRow = new int[capacity];
        listCol = new int[capacity];
        listCost = new double[capacity];
    }

    /** Candidate columns per row to start from: about 0.63·√m (20 for m = 1000), at least 10. */
    static int shortlistLength(int m) {
        return Math.min(m, Math.max(10, (int) Math.round(0.63 * Math.sqrt(m))));
    }

    /**
     * The list as each row's {@code shortlistLength(m)} cheapest columns: an optimal plan of a
     * dense metric cost lives almost entirely on them, so most pivots need not price the other
     * arcs at all (the idea of Gottschlich and Schuhmacher's shortlist method).
     */
    static CandidateList cheapestPerRow(double[] c, int n, int m) {
        int s = shortlistLength(m);
        CandidateList list = new CandidateList(c, n, m, Math.max(16, 2 * n * s));
        double[] best = new double[s];
        int[] bestCol = new int[s];
        for (int i = 0; i < n; i++) {
            int row = i * m;
            // the first s columns, sorted; then only a column cheaper than the worst kept enters
            for (int j = 0; j < s; j++) {
                insert(best, bestCol, j, c[row + j], j);
            }
            double worst = best[s - 1];
            for (int j = s; j < m; j++) {
                double v = c[row + j];
                if (v < worst) {
                    insert(best, bestCol, s - 1, v, j);
                    worst = best[s - 1];
                }
            }
            for (int k = 0; k < s; k++) {
                list.append(i, bestCol[k]);
            }
        }
        return list;
    }

    /** Puts (v, col) into the sorted prefix best[0..k] at slot k or earlier, shifting larger ones up. */
    private static void insert(double[] best, int[] bestCol, int k, double v, int col) {
        while (k > 0 && best[k - 1] > v) {
            best[k] = best[k - 1];
            bestCol[k] = bestCol[k - 1];
            k--;
        }
        best[k] = v;
        bestCol[k] = col;
    }

    private void append(int i, int j) {
        if (listSize == listRow.length) {
            listRow = Arrays.copyOf(listRow, listSize * 2);
            listCol = Arrays.copyOf(listCol, listSize * 2);
            listCost = Arrays.copyOf(listCost, listSize * 2);
        }
        listRow[listSize] = i;
        listCol[listSize] = j;
        listCost[listSize] = c[i * m + j];
        listSize++;
    }

    /**
     * Block search over the list: the arc i·m + j with the most negative reduced cost
     * c + pi[i] − pi[n+j] below −eps within the first block of √(list size) candidates that has
     * one, continuing where the last search stopped; −1 when no candidate prices out negative.
     */
    long findEnteringArc(double[] pi, double eps) {
        double min = -eps;
        long best = -1;
        int total = listSize;
        int block = (int) Math.max(10, Math.ceil(Math.sqrt(total)));
        int p = nextArc < total ? nextArc : 0;
        int cnt = block;
        for (int scanned = 0; scanned < total; scanned++) {
            int i = listRow[p];
            int j = listCol[p];
            double rc = listCost[p] + pi[i] - pi[n + j];
            if (rc < min) {
                min = rc;
                best = (long) i * m + j;
            }
            if (++p == total) {
                p = 0;
            }
            if (--cnt == 0) {
                if (best >= 0) {
                    break;
                }
                cnt = block;
            }
        }
        nextArc = p;
        return best;
    }

    /** Prices every arc; appends those below −eps to the list and returns how many. */
    int appendNegativeArcs(double[] pi, double eps) {
        int found = 0;
        for (int i = 0; i < n; i++) {
            double pii = pi[i];
            int rowBase = i * m;
            for (int j = 0; j < m; j++) {
                if (c[rowBase + j] + pii - pi[n + j] < -eps) {
                    append(i, j);
                    found++;
                }
            }
        }
        return found;
    }
}
