package org.groundmetric.ot;

import java.util.Arrays;

/**
 * A transport problem with each cloud's identical points merged into one point that carries their
 * summed weight, and the way back. Identical points have identical costs to everything, so the
 * merged problem has the same optimal value, its duals are the original ones, and its plan splits
 * back onto the original points (north-west corner within each merged point) into an optimal plan
 * with at most n+m−1 entries. Data with many repeated points (counts on a grid, cells with
 * identical profiles) then costs as few points as there are distinct ones.
 */
final class DuplicatePoints {
    /** Merge only when it removes at least this share of the points. */
    static final double WORTH_IT = 0.1;

    private final PointClouds original;
    private final PointClouds merged;
    private final Groups rows;
    private final Groups cols;

    private DuplicatePoints(PointClouds original, Groups rows, Groups cols) {
        this.original = original;
        this.rows = rows;
        this.cols = cols;
        merged = new PointClouds(rows.points(original.x(), original.dim()), rows.count, cols.points(original.y(),
                original.dim()), cols.count, original.dim(), rows.weights(original.a()), cols.weights(original.b()),
                original.metric());
    }

    /** The problem with duplicates merged, or null when that would remove less than {@link #WORTH_IT}. */
    static DuplicatePoints of(PointClouds p) {
        Groups rows = Groups.of(p.x(), p.n(), p.dim());
        Groups cols = Groups.of(p.y(), p.m(), p.dim());
        if (rows.count + cols.count > (1 - WORTH_IT) * (p.n() + p.m())) {
            return null;
        }
        return new DuplicatePoints(p, rows, cols);
    }

    /** The merged problem (its weights are sums over the merged points, so not uniform). */
    PointClouds problem() {
        return merged;
    }

    /** The solution of the original problem from one of the merged problem. */
    Transport expand(Transport t) {
        TransportPlan plan = t.plan();
        // Split each merged row's entries over its points, then each merged column's over its points.
        Pieces byRow = Pieces.split(plan.rows(), plan.cols(), plan.mass(), rows, original.a());
        int[] order = byColumn(byRow);
        Pieces byCol = Pieces.split(permute(byRow.cols, order), permute(byRow.rows, order),
                permute(byRow.mass, order), cols, original.b());
        int[] r = byCol.cols;   // split swaps roles: its "rows" were the merged columns
        int[] c = byCol.rows;
        double[] mass = byCol.mass;
        NetworkSimplex.sortByRowThenColumn(r, c, mass);
        double[] u = new double[original.n()];
        double[] v = new double[original.m()];
        for (int i = 0; i < u.length; i++) {
            u[i] = t.u()[rows.group[i]];
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = t.v()[cols.group[j]];
        }
        return new Transport(t.value(), new TransportPlan(r, c, mass), u, v, t.iterations(), t.converged(),
                t.marginalError());
    }

    private static int[] byColumn(Pieces p) {
        Integer[] idx = new Integer[p.mass.length];
        for (int q = 0; q < idx.length; q++) {
            idx[q] = q;
        }
        Arrays.sort(idx, (x, y) -> p.cols[x] != p.cols[y] ? Integer.compare(p.cols[x], p.cols[y])
                : Integer.compare(p.rows[x], p.rows[y]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static int[] permute(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int q = 0; q < order.length; q++) {
            out[q] = values[order[q]];
        }
        return out;
    }

    private static double[] permute(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int q = 0; q < order.length; q++) {
            out[q] = values[order[q]];
        }
        return out;
    }

    /** Plan entries (merged row, other index, mass) split over the points of each merged row. */
    private record Pieces(int[] rows, int[] cols, double[] mass) {
        /**
         * Entries sorted by merged row {@code groupOf}; each group's entries and points are matched
         * by the north-west corner rule, so a group of p points with e entries gives at most
         * p + e − 1 pieces. Returns pieces (point, other index, mass).
         */
        static Pieces split(int[] groupOf, int[] other, double[] mass, Groups groups, double[] weight) {
            int cap = mass.length + weight.length;
            int[] outRow = new int[cap];
            int[] outCol = new int[cap];
            double[] outMass = new double[cap];
            int count = 0;
            int e = 0;
            while (e < mass.length) {
                int g = groupOf[e];
                int end = e;
                double total = 0;
                while (end < mass.length && groupOf[end] == g) {
                    total += mass[end];
                    end++;
                }
                double tiny = 1e-14 * total;
                int member = groups.start[g];
                int memberEnd = groups.start[g + 1];
                double leftEntry = mass[e];
                double leftMember = weight[groups.members[member]];
                while (e < end && member < memberEnd) {
                    double piece = Math.min(leftEntry, leftMember);
                    if (piece > 0) {
                        outRow[count] = groups.members[member];
                        outCol[count] = other[e];
                        outMass[count++] = piece;
                    }
                    leftEntry -= piece;
                    leftMember -= piece;
                    if (leftEntry <= tiny && ++e < end) {
                        leftEntry += mass[e];
                    }
                    if (leftMember <= tiny && ++member < memberEnd) {
                        leftMember += weight[groups.members[member]];
                    }
                }
                e = end;
            }
            return new Pieces(Arrays.copyOf(outRow, count), Arrays.copyOf(outCol, count), Arrays.copyOf(outMass, count));
        }
    }

    /** The distinct points of a cloud: group[i] of each point, and each group's members in order. */
    private static final class Groups {
        final int count;
        final int[] group;
        final int[] start;     // members of group g: members[start[g] .. start[g+1])
        final int[] members;

        private Groups(int count, int[] group) {
            this.count = count;
            this.group = group;
            start = new int[count + 1];
            for (int g : group) {
                start[g + 1]++;
            }
            for (int g = 0; g < count; g++) {
                start[g + 1] += start[g];
            }
            members = new int[group.length];
            int[] fill = Arrays.copyOf(start, count);
            for (int i = 0; i < group.length; i++) {
                members[fill[group[i]]++] = i;
            }
        }

        /**
         * Groups identical points: sorts (hash, index) pairs, then within a run of equal hashes
         * compares coordinates, so a hash collision never merges different points. Groups are
         * numbered by their first point.
         */
        static Groups of(double[] p, int n, int dim) {
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                keyed[i] = (hash(p, i, dim) << 24) | i;   // n < 2^24 for any cloud we solve
            }
            Arrays.sort(keyed);
            int[] rep = new int[n];    // the first identical point of each point
            Arrays.fill(rep, -1);
            int run = 0;
            while (run < n) {
                int end = run + 1;
                while (end < n && keyed[end] >>> 24 == keyed[run] >>> 24) {
                    end++;
                }
                for (int s = run; s < end; s++) {
                    int i = (int) (keyed[s] & 0xFFFFFF);
                    if (rep[i] >= 0) {
                        continue;
                    }
                    rep[i] = i;
                    for (int t = s + 1; t < end; t++) {
                        int j = (int) (keyed[t] & 0xFFFFFF);
                        if (rep[j] < 0 && same(p, i, j, dim)) {
                            rep[j] = i;
                        }
                    }
                }
                run = end;
            }
            int[] group = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                group[i] = rep[i] == i ? count++ : group[rep[i]];
            }
            return new Groups(count, group);
        }

        double[] points(double[] p, int dim) {
            double[] out = new double[count * dim];
            for (int g = 0; g < count; g++) {
                System.arraycopy(p, members[start[g]] * dim, out, g * dim, dim);
            }
            return out;
        }

        double[] weights(double[] w) {
            double[] out = new double[count];
            for (int i = 0; i < group.length; i++) {
                out[group[i]] += w[i];
            }
            return out;
        }

        /** 40 bits of a hash of point i's coordinates (−0.0 and 0.0 hash alike, as they are the same point). */
        private static long hash(double[] p, int i, int dim) {
            long h = 0x9E3779B97F4A7C15L;
            for (int q = 0; q < dim; q++) {
                double x = p[i * dim + q];
                h = (h ^ Double.doubleToLongBits(x == 0 ? 0.0 : x)) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            return h >>> 24;
        }

        private static boolean same(double[] p, int i, int j, int dim) {
            for (int q = 0; q < dim; q++) {
                if (p[i * dim + q] != p[j * dim + q]) {
                    return false;
                }
            }
            return true;
        }
    }
}
