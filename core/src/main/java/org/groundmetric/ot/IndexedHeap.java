package org.groundmetric.ot;

/**
 * A 4-ary min-heap of column indices 0..n−1 keyed by an external array of distances, with each
 * column's position kept so a decreased key moves up in O(log n) (Dijkstra's priority queue).
 * Four children per node, not two: Dijkstra over the candidate arcs decreases keys far more often
 * than it removes the minimum, and a decrease climbs half as many levels (log₄ n).
 */
final class IndexedHeap {
    private final double[] key;
    private final int[] heap;
    private final int[] pos;
    private int size;

    /** A heap over n columns whose keys are read from {@code key} (shared, not copied). */
    IndexedHeap(double[] key) {
        this.key = key;
        heap = new int[key.length];
        pos = new int[key.length];
        java.util.Arrays.fill(pos, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds column j if absent, then restores order after its key fell. */
    void insertOrDecrease(int j) {
        if (pos[j] < 0) {
            heap[size] = j;
            pos[j] = size++;
        }
        siftUp(pos[j]);
    }

    /** Removes and returns the column of least key. */
    int pollMin() {
        int j = heap[0];
        size--;
        pos[j] = -1;
        if (size > 0) {
            heap[0] = heap[size];
            pos[heap[0]] = 0;
            siftDown(0);
        }
        return j;
    }

    /** Empties the heap. */
    void clear() {
        for (int t = 0; t < size; t++) {
            pos[heap[t]] = -1;
        }
        size = 0;
    }

    private void siftUp(int p) {
        int j = heap[p];
        double d = key[j];
        while (p > 0) {
            int parent = (p - 1) >>> 2;
            int pj = heap[parent];
            if (key[pj] <= d) {
                break;
            }
            heap[p] = pj;
            pos[pj] = p;
            p = parent;
        }
        heap[p] = j;
        pos[j] = p;
    }

    private void siftDown(int p) {
        int j = heap[p];
        double d = key[j];
        while (true) {
            int first = 4 * p + 1;
            if (first >= size) {
                break;
            }
            int child = first;
            double least = key[heap[first]];
            int last = Math.min(first + 4, size);
            for (int c = first + 1; c < last; c++) {
                double kc = key[heap[c]];
                if (kc < least) {
                    least = kc;
                    child = c;
                }
            }
            if (least >= d) {
                break;
            }
            int cj = heap[child];
            heap[p] = cj;
            pos[cj] = p;
            p = child;
        }
        heap[p] = j;
        pos[j] = p;
    }
}
