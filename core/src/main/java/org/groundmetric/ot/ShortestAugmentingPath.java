package org.groundmetric.ot;

import java.util.Arrays;

/**
 * One shortest augmenting path of an assignment from a free row over the candidate arcs:
 * Dijkstra on reduced costs with an {@link IndexedHeap} of columns, then the usual potential
 * update (finalised columns and their rows shift by their distance below the sink's), which keeps
 * every candidate arc's reduced cost ≥ 0 and every assigned arc tight, and the path is flipped.
 * As in Jonker–Volgenant's scan, a column first reached over a tight arc (at the current least
 * distance) skips the heap: it waits on a stack of that distance, and a free one ends the search
 * at once (no path can be shorter). Warm-started solves have many tight arcs, so this saves most
 * heap work there. One instance is scratch for one thread.
 */
final class ShortestAugmentingPath {
    private final double[] dist;
    private final int[] pred;
    private final boolean[] done;
    private final int[] touched;
    /** Columns reached at exactly the current least distance, not in the heap. */
    private final int[] level;
    private final IndexedHeap heap;

    ShortestAugmentingPath(int n) {
        dist = new double[n];
        pred = new int[n];
        done = new boolean[n];
        touched = new int[n];
        level = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        heap = new IndexedHeap(dist);
    }

    /** Assigns free row {@code free}, re-assigning the rows along the path. */
    void augment(int free, CandidateArcs arcs, Matching match) {
        double[] u = match.u;
        double[] v = match.v;
        int[] rowOfCol = match.rowOfCol;
        int[] colOfRow = match.colOfRow;
        int touchedCount = 0;
        int levelCount = 0;
        int i = free;
        double minVal = 0;
        int sink = -1;
        while (true) {
            int[] cols = arcs.columns(i);
            double[] costs = arcs.costs(i);
            double ui = u[i];
            for (int e = 0; e < arcs.count(i); e++) {
                int j = cols[e];
                if (done[j]) {
                    continue;
                }
                double d = minVal + costs[e] - ui - v[j];
                if (d < dist[j]) {
                    boolean reached = dist[j] == Double.POSITIVE_INFINITY;
                    if (reached) {
                        touched[touchedCount++] = j;
                    }
                    dist[j] = d;
                    pred[j] = i;
                    if (reached && d <= minVal) {
                        if (rowOfCol[j] < 0) {
                            sink = j;
                            break;
                        }
                        level[levelCount++] = j;
                    } else {
                        heap.insertOrDecrease(j);
                    }
                }
            }
            int j;
            if (sink >= 0) {
                j = sink;
            } else if (levelCount > 0) {
                j = level[--levelCount];
            } else if (!heap.isEmpty()) {
                j = heap.pollMin();
                minVal = dist[j];
            } else {
                // A perfect matching exists among the arcs (arc (i, i) of every row), so a path exists.
                throw new IllegalStateException("no augmenting path among the candidate arcs");
            }
            done[j] = true;
            if (rowOfCol[j] < 0) {
                sink = j;
                break;
            }
            i = rowOfCol[j];
        }
        u[free] += minVal;
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            if (done[j]) {
                double shift = minVal - dist[j];
                v[j] -= shift;
                int r = rowOfCol[j];
                if (r >= 0 && j != sink) {
                    u[r] += shift;
                }
            }
        }
        heap.clear();
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            dist[j] = Double.POSITIVE_INFINITY;
            done[j] = false;
        }
        int j = sink;
        while (true) {
            int r = pred[j];
            rowOfCol[j] = r;
            int previous = colOfRow[r];
            colOfRow[r] = j;
            if (r == free) {
                break;
            }
            j = previous;
        }
    }
}
