package org.groundmetric.ot;

import java.util.Arrays;

/**
 * The arcs the network simplex prices between full pricings, and its pivot rule. Pricing scans
 * this list, not all n·m arcs: it starts as each row's and each column's few cheapest arcs under
 * start duals (where an optimal plan of a metric cost almost entirely lives), or on small
 * problems without start duals each row's cheapest arcs by cost. Entering arcs are chosen from it by block search
 * (the most negative reduced cost in the first block of √(list size) candidates that has one).
 * When no candidate prices out negative, every arc is priced once and the negative ones join the
 * list (at most {@value #ADDED_PER_ROW} per row, the most negative: pricing with the potentials of
 * an early tree finds most arcs negative, and taking them all would turn block search into a scan
 * of the whole matrix).
 */
final class CandidateList {
    /** Negative arcs a row may add per full pricing. */
    static final int ADDED_PER_ROW = 8;
    /**
     * Cheapest arcs per row, and per column, under start duals. 6 against 8 (thread CPU, the
     * simplex from a coarse start): 300 points with exponential weights 7% and integer grid points
     * 10% faster, clouds far apart with exponential weights 5% slower; alike from 1000 points on.
     */
    static final int PER_LINE_FROM_DUALS = 6;

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

    /** Number of candidate arcs. */
    int size() {
        return listSize;
    }

    /** The source of candidate p. */
    int row(int p) {
        return listRow[p];
    }

    /** The sink (column) of candidate p. */
    int col(int p) {
        return listCol[p];
    }

    /** The cost of candidate p. */
    double cost(int p) {
        return listCost[p];
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

    /**
     * Prices every arc; appends each row's (up to) {@value #ADDED_PER_ROW} most negative below −eps
     * to the list and returns how many were appended (0: the tree is optimal over all arcs).
     */
    int appendNegativeArcs(double[] pi, double eps) {
        int found = 0;
        double[] best = new double[ADDED_PER_ROW];
        int[] bestCol = new int[ADDED_PER_ROW];
        for (int i = 0; i < n; i++) {
            double pii = pi[i];
            int rowBase = i * m;
            int kept = 0;
            double threshold = -eps;
            for (int j = 0; j < m; j++) {
                double rc = c[rowBase + j] + pii - pi[n + j];
                if (rc < threshold) {
                    kept = keep(best, bestCol, kept, ADDED_PER_ROW, rc, j);
                    if (kept == ADDED_PER_ROW) {
                        threshold = best[ADDED_PER_ROW - 1];
                    }
                }
            }
            for (int e = 0; e < kept; e++) {
                append(i, bestCol[e]);
            }
            found += kept;
        }
        return found;
    }

    /**
     * The list for start duals u, v (uᵢ = min over j of cᵢⱼ − vⱼ): each row's and each column's
     * {@value #PER_LINE_FROM_DUALS} arcs of least reduced cost cᵢⱼ − uᵢ − vⱼ, each arc once. With
     * good duals the optimal plan lives on these arcs whatever the geometry; the columns' own
     * choices make sure no target is left to the arcs of a few rows.
     */
    static CandidateList fromDuals(double[] c, int n, int m, double[] u, double[] v) {
        int perRow = Math.min(PER_LINE_FROM_DUALS, m);
        int perCol = Math.min(PER_LINE_FROM_DUALS, n);
        CandidateList list = new CandidateList(c, n, m, Math.max(16, n * perRow + m * perCol));
        double[] best = new double[perRow];
        int[] bestCol = new int[perRow];
        int[] rowCols = new int[n * perRow];
        Arrays.fill(rowCols, -1);
        double[] colBest = new double[m * perCol];
        int[] colRow = new int[m * perCol];
        int[] colKept = new int[m];
        double[] colThreshold = new double[m];
        Arrays.fill(colThreshold, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int row = i * m;
            int kept = 0;
            double threshold = Double.POSITIVE_INFINITY;
            double ui = u[i];
            for (int j = 0; j < m; j++) {
                double cij = c[row + j];
                double r = cij - v[j];
                if (r < threshold) {
                    kept = keep(best, bestCol, kept, perRow, r, j);
                    if (kept == perRow) {
                        threshold = best[perRow - 1];
                    }
                }
                double rc = cij - ui;
                if (perCol > 0 && rc < colThreshold[j]) {
                    colKept[j] = keepAt(colBest, colRow, j * perCol, colKept[j], perCol, rc, i);
                    if (colKept[j] == perCol) {
                        colThreshold[j] = colBest[j * perCol + perCol - 1];
                    }
                }
            }
            for (int e = 0; e < kept; e++) {
                rowCols[i * perRow + e] = bestCol[e];
                list.append(i, bestCol[e]);
            }
        }
        for (int j = 0; j < m; j++) {
            for (int e = 0; e < colKept[j]; e++) {
                int i = colRow[j * perCol + e];
                if (!contains(rowCols, i * perRow, perRow, j)) {
                    list.append(i, j);
                }
            }
        }
        return list;
    }

    private static boolean contains(int[] values, int from, int count, int value) {
        for (int e = from; e < from + count; e++) {
            if (values[e] == value) {
                return true;
            }
        }
        return false;
    }

    /** Inserts (value, index) into the sorted best[0..kept) keeping at most {@code limit}; returns the new count. */
    private static int keep(double[] best, int[] at, int kept, int limit, double value, int index) {
        return keepAt(best, at, 0, kept, limit, value, index);
    }

    /** {@link #keep} on the slice of best/at that starts at {@code from}. */
    private static int keepAt(double[] best, int[] at, int from, int kept, int limit, double value, int index) {
        int e = kept < limit ? kept++ : limit - 1;
        while (e > 0 && best[from + e - 1] > value) {
            best[from + e] = best[from + e - 1];
            at[from + e] = at[from + e - 1];
            e--;
        }
        best[from + e] = value;
        at[from + e] = index;
        return kept;
    }
}
