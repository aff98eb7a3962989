package org.groundmetric.eval;

/**
 * How much a distance matrix between samples still tracks a batch: within each class, the chance
 * that a sample's class-mate from its own batch is nearer than a class-mate from another batch,
 * over every sample with class-mates in both (ties count one half). 0.5: the distances ignore the
 * batch; 1: within every class, every sample's own batch comes first. The score is a rank
 * statistic (the area under the ROC curve of "same batch" against distance), so it needs no
 * neighbour count and stays defined when a batch holds a single sample of a class.
 */
public final class BatchSeparation {

    /** The chance level: distances that ignore the batch. */
    public static final double CHANCE = 0.5;

    private BatchSeparation() {
    }

    /**
     * @param distances n×n distances between samples
     * @param classOf   class index of every sample
     * @param batchOf   batch index of every sample
     * @return the score, or NaN when no sample has class-mates in its own and in another batch
     */
    public static double score(double[][] distances, int[] classOf, int[] batchOf) {
        int n = classOf.length;
        if (distances.length != n || batchOf.length != n) {
            throw new IllegalArgumentException("batch separation needs " + n + "×" + n + " distances and " + n
                    + " batches; got " + distances.length + " rows and " + batchOf.length + " batches");
        }
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            double wins = 0;
            long pairs = 0;
            for (int a = 0; a < n; a++) {
                if (a == i || classOf[a] != classOf[i] || batchOf[a] != batchOf[i]) {
                    continue;
                }
                for (int b = 0; b < n; b++) {
                    if (classOf[b] != classOf[i] || batchOf[b] == batchOf[i]) {
                        continue;
                    }
                    double da = distances[i][a];
                    double db = distances[i][b];
                    wins += da < db ? 1 : da == db ? 0.5 : 0;
                    pairs++;
                }
            }
            if (pairs > 0) {
                sum += wins / pairs;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
