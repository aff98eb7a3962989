package org.groundmetric.ot;

/**
 * Picks an assignment's candidate arcs one row at a time: a row's costs to every column are formed
 * from the points ({@link RowCosts}; no cost matrix) or read from a cost matrix (for points of many
 * coordinates, whose rows are dear to form again), and its few cheapest columns under cᵢⱼ − vⱼ are
 * kept, sorted, with the next value as the row's floor.
 */
final class CandidateSelection {
    /** About this many entries of a row are sampled to guess its selection bound. */
    private static final int SAMPLE = 64;

    private final int n;
    private final int k;
    private final PointMetric metric;
    private RowCosts costs;
    private double[] px;
    private double[] matrix;    // row-major n×n costs, or null to form rows from the points
    private final double[] scratch;
    private final double[] sample = new double[SAMPLE];
    private final double[] bestReduced;
    private final int[] bestCol;

    /** For n target points in k dimensions, keeping at most {@code maxKept} columns per scan. */
    CandidateSelection(int n, int k, PointMetric metric, int maxKept) {
        this.n = n;
        this.k = k;
        this.metric = metric;
        scratch = new double[n];
        bestReduced = new double[maxKept];
        bestCol = new int[maxKept];
    }

    /**
     * Takes the points (n×k row-major each) for the following scans; with {@code withMatrix} all
     * costs are formed once here and rows are then read, not formed again.
     */
    void setPoints(double[] px, double[] py, boolean withMatrix) {
        this.px = px;
        costs = new RowCosts(py, n, k, metric);
        matrix = null;
        if (withMatrix) {
            matrix = new double[n * n];
            for (int i = 0; i < n; i++) {
                costs.row(px, i, scratch);
                System.arraycopy(scratch, 0, matrix, i * n, n);
            }
        }
    }

    /** The cost between source point i and target point j. */
    double cost(int i, int j) {
        return matrix != null ? matrix[i * n + j] : costs.cost(px, i, j);
    }

    /** Row i's costs into scratch. */
    private void row(int i) {
        if (matrix != null) {
            System.arraycopy(matrix, i * n, scratch, 0, n);
        } else {
            costs.row(px, i, scratch);
        }
    }

    /**
     * Each row's {@code candidates} cheapest columns under c − v, plus arc (i, i) so that a perfect
     * matching always exists; the next cheapest value is the row's floor θᵢ. Returns the dual
     * value Σᵢ minⱼ(cᵢⱼ − vⱼ) + Σⱼ vⱼ of v, a lower bound on n × the optimum that says how good v is.
     */
    double choose(CandidateArcs arcs, double[] v, int candidates) {
        int limit = Math.min(candidates + 1, n);
        double dual = 0;
        for (int i = 0; i < n; i++) {
            row(i);
            int kept = smallestUnder(limit, v);
            arcs.clearRow(i);
            boolean hasDiagonal = false;
            int taken = Math.min(kept, candidates);
            for (int e = 0; e < taken; e++) {
                int j = bestCol[e];
                arcs.add(i, j, bestReduced[e] + v[j]);
                hasDiagonal |= j == i;
            }
            if (!hasDiagonal) {
                arcs.add(i, i, cost(i, i));
            }
            arcs.floor[i] = kept > candidates ? bestReduced[candidates] : Double.POSITIVE_INFINITY;
            dual += bestReduced[0];
        }
        for (int j = 0; j < n; j++) {
            dual += v[j];
        }
        return dual;
    }

    /**
     * Row i's {@code limit} smallest cᵢⱼ − vⱼ over the columns that are not yet its candidates,
     * sorted; returns how many there are (read them with {@link #reduced(int)} and {@link #column(int)}).
     */
    int cheapestOutside(int i, CandidateArcs arcs, double[] v, int limit) {
        row(i);
        int[] cols = arcs.columns(i);
        for (int e = 0; e < arcs.count(i); e++) {
            scratch[cols[e]] = Double.POSITIVE_INFINITY;
        }
        return smallestUnder(limit, v);
    }

    /** The e-th smallest value of the last scan. */
    double reduced(int e) {
        return bestReduced[e];
    }

    /** The column of the e-th smallest value of the last scan. */
    int column(int e) {
        return bestCol[e];
    }

    /**
     * The (up to) {@code limit} smallest cᵢⱼ − vⱼ over the columns whose cost is in scratch (+∞
     * there excludes a column), sorted ascending into bestCol/bestReduced; returns how many.
     * Leaves cᵢⱼ − vⱼ in scratch.
     */
    private int smallestUnder(int limit, double[] v) {
        double[] h = scratch;
        for (int j = 0; j < n; j++) {
            h[j] -= v[j];
        }
        // Insertions, not the scan, dominate: start from a bound guessed from a sample, so only
        // values below it are inserted; if fewer than `limit` are, scan again without it.
        double guess = sampledBound(h, limit);
        int kept = smallestBelow(h, limit, guess, Double.NEGATIVE_INFINITY, 0);
        if (kept < limit && guess < Double.POSITIVE_INFINITY) {
            // Fewer than `limit` lie below the guess; those are kept, and the rest are all ≥ it.
            kept = smallestBelow(h, limit, Double.POSITIVE_INFINITY, guess, kept);
        }
        sortHeap(kept);
        return kept;
    }

    /**
     * A value that about 2·limit entries of h lie below: the matching order statistic of every
     * stride-th entry (+∞ when the sample is too small to say).
     */
    private double sampledBound(double[] h, int limit) {
        int stride = Math.max(1, n / SAMPLE);
        int rank = (2 * limit + stride - 1) / stride;
        if (rank > sample.length || rank * stride >= n) {
            return Double.POSITIVE_INFINITY;
        }
        int kept = 0;
        double threshold = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j += stride) {
            double value = h[j];
            if (value < threshold) {
                int e = kept < rank ? kept++ : rank - 1;
                while (e > 0 && sample[e - 1] > value) {
                    sample[e] = sample[e - 1];
                    e--;
                }
                sample[e] = value;
                if (kept == rank) {
                    threshold = sample[rank - 1];
                }
            }
        }
        return kept == rank ? threshold : Double.POSITIVE_INFINITY;
    }

    /**
     * Adds to the {@code already} entries of the max-heap bestCol/bestReduced the smallest entries
     * of h in [from, bound), keeping at most {@code limit}; returns how many are kept. A heap, not
     * a sorted array: an entry below the current threshold then costs O(log limit), not O(limit).
     */
    private int smallestBelow(double[] h, int limit, double bound, double from, int already) {
        int kept = already;
        double threshold = kept == limit ? bestReduced[0] : bound;
        for (int j = 0; j < n; j++) {
            double value = h[j];
            if (value < threshold && value >= from) {
                if (kept < limit) {
                    siftUp(kept++, value, j);
                    if (kept == limit) {
                        threshold = Math.min(bound, bestReduced[0]);
                    }
                } else {
                    siftDown(0, kept, value, j);
                    threshold = bestReduced[0];
                }
            }
        }
        return kept;
    }

    /** Puts (value, col) at heap slot k and moves it up past smaller parents (max-heap on bestReduced). */
    private void siftUp(int k, double value, int col) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (bestReduced[parent] >= value) {
                break;
            }
            bestReduced[k] = bestReduced[parent];
            bestCol[k] = bestCol[parent];
            k = parent;
        }
        bestReduced[k] = value;
        bestCol[k] = col;
    }

    /** Puts (value, col) at heap slot k of a heap of {@code size} and moves it down past larger children. */
    private void siftDown(int k, int size, double value, int col) {
        while (true) {
            int child = 2 * k + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && bestReduced[child + 1] > bestReduced[child]) {
                child++;
            }
            if (bestReduced[child] <= value) {
                break;
            }
            bestReduced[k] = bestReduced[child];
            bestCol[k] = bestCol[child];
            k = child;
        }
        bestReduced[k] = value;
        bestCol[k] = col;
    }

    /** Sorts the max-heap of {@code size} entries ascending, in place (heapsort's second half). */
    private void sortHeap(int size) {
        for (int end = size - 1; end > 0; end--) {
            double value = bestReduced[end];
            int col = bestCol[end];
            bestReduced[end] = bestReduced[0];
            bestCol[end] = bestCol[0];
            siftDown(0, end, value, col);
        }
    }
}
