package org.groundmetric.ot;

/**
 * Picks an assignment's candidate arcs from the points themselves, one row at a time, without a
 * cost matrix: a row's Euclidean costs to every column are formed (coordinate-major, vectorised
 * by the JIT) and its few cheapest columns under cᵢⱼ − vⱼ are kept, sorted, with the next value as
 * the row's floor.
 */
final class CandidateSelection {
    /** About this many entries of a row are sampled to guess its selection bound. */
    private static final int SAMPLE = 64;

    private final int n;
    private final int k;
    private final double[][] yByDim;
    private final double[] scratch;
    private final double[] sample = new double[SAMPLE];
    private final double[] bestReduced;
    private final int[] bestCol;

    /** For n target points in k dimensions, keeping at most {@code maxKept} columns per scan. */
    CandidateSelection(int n, int k, int maxKept) {
        this.n = n;
        this.k = k;
        yByDim = new double[k][n];
        scratch = new double[n];
        bestReduced = new double[maxKept];
        bestCol = new int[maxKept];
    }

    /** Takes the target points (n×k row-major) for the following scans. */
    void setTargets(double[] py) {
        for (int q = 0; q < k; q++) {
            double[] column = yByDim[q];
            for (int j = 0; j < n; j++) {
                column[j] = py[j * k + q];
            }
        }
    }

    /** The Euclidean cost between source point i of px and target point j. */
    double cost(double[] px, int i, int j) {
        double d2 = 0;
        for (int q = 0; q < k; q++) {
            double a = px[i * k + q] - yByDim[q][j];
            d2 += a * a;
        }
        return Math.sqrt(d2);
    }

    /**
     * Each row's {@code candidates} cheapest columns under c − v (with {@code nearest}: its nearest
     * columns, chosen by squared distance without a root), plus arc (i, i); the next cheapest value
     * is the row's floor θᵢ.
     */
    void choose(double[] px, CandidateArcs arcs, double[] v, int candidates, boolean nearest) {
        int limit = Math.min(candidates + 1, n);
        for (int i = 0; i < n; i++) {
            squaredDistances(px, i);
            int kept = smallestUnder(limit, nearest, v);
            arcs.clearRow(i);
            boolean hasDiagonal = false;
            int taken = Math.min(kept, candidates);
            for (int e = 0; e < taken; e++) {
                int j = bestCol[e];
                arcs.add(i, j, nearest ? Math.sqrt(bestReduced[e]) : bestReduced[e] + v[j]);
                hasDiagonal |= j == i;
            }
            if (!hasDiagonal) {
                arcs.add(i, i, cost(px, i, i));
            }
            double next = kept > candidates ? bestReduced[candidates] : Double.POSITIVE_INFINITY;
            arcs.floor[i] = nearest ? Math.sqrt(next) : next;
        }
    }

    /**
     * Row i's {@code limit} smallest cᵢⱼ − vⱼ over the columns that are not yet its candidates,
     * sorted; returns how many there are (read them with {@link #reduced(int)} and {@link #column(int)}).
     */
    int cheapestOutside(double[] px, int i, CandidateArcs arcs, double[] v, int limit) {
        squaredDistances(px, i);
        int[] cols = arcs.columns(i);
        for (int e = 0; e < arcs.count(i); e++) {
            scratch[cols[e]] = Double.POSITIVE_INFINITY;
        }
        return smallestUnder(limit, false, v);
    }

    /** The e-th smallest value of the last scan. */
    double reduced(int e) {
        return bestReduced[e];
    }

    /** The column of the e-th smallest value of the last scan. */
    int column(int e) {
        return bestCol[e];
    }

    /** scratch[j] = ‖xᵢ − yⱼ‖² for every column j, two dimensions per pass (vectorised by the JIT). */
    private void squaredDistances(double[] px, int i) {
        double[] d2 = scratch;
        int base = i * k;
        int q = 0;
        if (k == 1) {
            double x0 = px[base];
            double[] y0 = yByDim[0];
            for (int j = 0; j < n; j++) {
                double a = x0 - y0[j];
                d2[j] = a * a;
            }
            return;
        }
        double x0 = px[base];
        double x1 = px[base + 1];
        double[] y0 = yByDim[0];
        double[] y1 = yByDim[1];
        for (int j = 0; j < n; j++) {
            double a = x0 - y0[j];
            double b = x1 - y1[j];
            d2[j] = a * a + b * b;
        }
        for (q = 2; q + 1 < k; q += 2) {
            double xa = px[base + q];
            double xb = px[base + q + 1];
            double[] ya = yByDim[q];
            double[] yb = yByDim[q + 1];
            for (int j = 0; j < n; j++) {
                double a = xa - ya[j];
                double b = xb - yb[j];
                d2[j] += a * a + b * b;
            }
        }
        if (q < k) {
            double xa = px[base + q];
            double[] ya = yByDim[q];
            for (int j = 0; j < n; j++) {
                double a = xa - ya[j];
                d2[j] += a * a;
            }
        }
    }

    /**
     * The (up to) {@code limit} smallest cᵢⱼ − vⱼ over the columns whose squared distance is in
     * scratch (+∞ there excludes a column), sorted ascending into bestCol/bestReduced; returns how
     * many. Leaves cᵢⱼ − vⱼ in scratch. With {@code nearest}, the smallest squared distances instead.
     */
    private int smallestUnder(int limit, boolean nearest, double[] v) {
        double[] h = scratch;
        if (!nearest) {
            for (int j = 0; j < n; j++) {
                h[j] = Math.sqrt(h[j]) - v[j];
            }
        }
        // Insertions, not the scan, dominate: start from a bound guessed from a sample, so only
        // values below it are inserted; if fewer than `limit` are, scan again without it.
        double guess = sampledBound(h, limit);
        int kept = smallestBelow(h, limit, guess, Double.NEGATIVE_INFINITY, 0);
        if (kept < limit && guess < Double.POSITIVE_INFINITY) {
            // Fewer than `limit` lie below the guess; those are kept, and the rest are all ≥ it.
            kept = smallestBelow(h, limit, Double.POSITIVE_INFINITY, guess, kept);
        }
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
     * Adds to the {@code already} sorted entries of bestCol/bestReduced the smallest entries of h
     * in [from, bound), keeping at most {@code limit}; returns how many are kept.
     */
    private int smallestBelow(double[] h, int limit, double bound, double from, int already) {
        int kept = already;
        double threshold = bound;
        for (int j = 0; j < n; j++) {
            double value = h[j];
            if (value < threshold && value >= from) {
                int e = kept < limit ? kept++ : limit - 1;
                while (e > 0 && bestReduced[e - 1] > value) {
                    bestReduced[e] = bestReduced[e - 1];
                    bestCol[e] = bestCol[e - 1];
                    e--;
                }
                bestReduced[e] = value;
                bestCol[e] = j;
                if (kept == limit) {
                    threshold = bestReduced[limit - 1];
                }
            }
        }
        return kept;
    }
}
