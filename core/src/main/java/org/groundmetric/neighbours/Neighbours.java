package org.groundmetric.neighbours;

/**
 * The k nearest points of each of some queries, nearest first (equal distances: the lower index
 * first), as flat queries × k arrays.
 *
 * @param queries   how many queries
 * @param k         neighbours per query
 * @param indices   queries × k point indices, row-major
 * @param distances queries × k distances, row-major, in the same order
 */
public record Neighbours(int queries, int k, int[] indices, double[] distances) {

    public Neighbours {
        if (indices.length != queries * k || distances.length != queries * k) {
            throw new IllegalArgumentException("neighbours of " + queries + " queries × k = " + k + " need "
                    + (queries * k) + " indices and distances, got " + indices.length + " and " + distances.length);
        }
    }

    /** The index of query {@code query}'s {@code j}-th nearest point (j = 0 is the nearest). */
    public int index(int query, int j) {
        return indices[query * k + j];
    }

    /** The distance to query {@code query}'s {@code j}-th nearest point. */
    public double distance(int query, int j) {
        return distances[query * k + j];
    }

    /** Where {@code point} stands among query {@code query}'s neighbours, or −1 when it is not one of them. */
    public int rankOf(int query, int point) {
        for (int j = 0; j < k; j++) {
            if (indices[query * k + j] == point) {
                return j;
            }
        }
        return -1;
    }
}
